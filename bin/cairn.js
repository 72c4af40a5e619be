#!/usr/bin/env node
'use strict';
/*
 * `cairn` (package.json "bin"; `npx cairn ...`). Runs src/cli/main.ts under the Node version the
 * project pins (the `node` devDependency, which every npm script runs too) with tsx's CommonJS
 * hook, in this process: one process and no compile step keep `cairn --help` fast.
 *
 * `npx` puts node_modules/.bin first on PATH, so `env node` above is already the pinned Node; run
 * any other way (a system Node), this re-runs itself under the pinned one, passing signals on.
 */
const { existsSync, realpathSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const pinned = join(root, 'node_modules', 'node', 'bin', 'node');

function sameFile(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

if (existsSync(pinned) && !sameFile(process.execPath, pinned) && !process.env.CAIRN_NO_REEXEC) {
  const { spawn } = require('node:child_process');
  const child = spawn(pinned, [__filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CAIRN_NO_REEXEC: '1' },
  });
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  // tsx reads compiler options (decorators) from the project's tsconfig wherever cairn runs.
  process.env.TSX_TSCONFIG_PATH ??= join(root, 'tsconfig.json');
  require('tsx/cjs/api').register();
  require(join(root, 'src', 'cli', 'main.ts')).main(process.argv.slice(2));
}
