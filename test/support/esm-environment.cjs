/* global require, module */
/**
 * Jest environment for suites that run libp2p. libp2p 3 is ESM-only and jest (without
 * --experimental-vm-modules) can neither resolve its import-only exports nor run a real
 * import() inside the test sandbox. This environment file is loaded by Node itself, outside the
 * sandbox, so the import() below is Node's own; it is handed to src/shared/esm.ts through a global
 * symbol. The modules it loads live in the outer realm, which jest-environment-node already
 * shares Buffer, ArrayBuffer and Uint8Array with.
 *
 * Use with a docblock at the top of the test file:  @jest-environment ./test/support/esm-environment.cjs
 */
// A CommonJS file on purpose (see above), so require is the way to load jest's environment.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TestEnvironment } = require('jest-environment-node');

class EsmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[Symbol.for('cairn.esmImport')] = (specifier) => import(specifier);
  }
}

module.exports = EsmEnvironment;
