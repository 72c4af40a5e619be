/**
 * The entry of every long-running service in docker-compose.yml: fills in what only exists once
 * the deployer has run, then runs the service's own command (signals passed on, its exit code
 * kept). Compose cannot read a file written at run time into the environment; this does:
 *
 * - CAIRN_DEPLOYMENT (the deployer's deployment.json) -> INDEXER_RPC_URL, INDEXER_MARKET,
 *   INDEXER_REGISTRY, INDEXER_REPUTATION, INDEXER_START_BLOCK, each unless already set;
 * - CAIRN_BOOTSTRAP_FILE (the poster's multiaddr, written by the deployer) -> CAIRN_P2P_BOOTSTRAP.
 *
 * `tsx scripts/compose/launch.ts COMMAND ARGS...`
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { deploymentEnv } from '../../indexer/src/config/indexer-config';

export function composeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  const deploymentFile = env.CAIRN_DEPLOYMENT;
  if (deploymentFile && existsSync(deploymentFile)) {
    const d = JSON.parse(readFileSync(deploymentFile, 'utf8')) as {
      rpcUrl: string;
      market: string;
      registry: string;
      reputation: string;
      deployBlock?: number;
    };
    for (const [name, value] of Object.entries(deploymentEnv(d.rpcUrl, d))) out[name] ??= value;
  }
  const bootstrap = env.CAIRN_BOOTSTRAP_FILE;
  if (bootstrap && existsSync(bootstrap)) out.CAIRN_P2P_BOOTSTRAP ??= readFileSync(bootstrap, 'utf8').trim();
  return out;
}

function main(): void {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    process.stderr.write('usage: tsx scripts/compose/launch.ts COMMAND [ARGS...]\n');
    process.exit(2);
  }
  const child = spawn(command, args, { stdio: 'inherit', env: composeEnv(process.env) });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
}

if (require.main === module) main();
