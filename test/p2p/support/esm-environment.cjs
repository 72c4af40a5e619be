/* global require, module */
const { TestEnvironment } = require('jest-environment-node');
class EsmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[Symbol.for('cairn.esmImport')] = (specifier) => import(specifier);
  }
}
module.exports = EsmEnvironment;
