/**
 * The node: `npx tsx src/main.ts` (or `cairn node start`, which runs the same). Configuration
 * comes from CAIRN_* variables or the JSON file in CAIRN_CONFIG (see src/config/config.schema.ts),
 * validated before anything starts. Bids are checked against the contracts of the deployment
 * file (`npm start` writes .cairn/deployment.json) when there is one. SIGINT/SIGTERM/SIGHUP close
 * the control channel and bid windows, stop the executor, the prover and the libp2p peer, and
 * exit 0 (src/node/run-node.ts).
 */
import 'reflect-metadata';
import { loadConfig } from './config/config.schema';
import { runNodeProcess } from './node/run-node';
import { ConfigError } from './shared/config-error';

runNodeProcess(loadConfig()).catch((err: unknown) => {
  // A configuration problem is the user's to fix: say what, without a stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
