/**
 * `npm start`: the local marketplace. Starts starknet-devnet (fixed seed, so the same accounts
 * every time), declares and deploys the cairn contracts against the predeployed STRK, stakes
 * the demo workers, writes the deployment to .cairn/deployment.json (where the node and the
 * indexer find it) and prints addresses and funded accounts. Runs until Ctrl-C.
 *
 * CAIRN_DEVNET_PORT picks the devnet port (default 5050).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from 'starknet';
import { CairnClients } from '../src/chain/cairn';
import { deployCairn } from '../src/chain/deploy';
import { DEVNET_STRK_ADDRESS, Devnet } from './devnet';
import { STRK } from '../src/chain/params';
import { REPO_ROOT } from '../src/chain/toolchain';

// starknet.js warns on each transaction that a young devnet has too few blocks to estimate tips.
config.set('logLevel', 'ERROR');

const WORKERS = 2;

function log(msg: string) {
  process.stdout.write(`[marketplace] ${msg}\n`);
}

async function main() {
  const port = Number(process.env.CAIRN_DEVNET_PORT ?? 5050);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`CAIRN_DEVNET_PORT=${process.env.CAIRN_DEVNET_PORT}: expected a TCP port`);
  }
  const t0 = Date.now();
  const external = process.env.CAIRN_DEVNET_URL;
  const devnet = external ? await Devnet.connect(external) : await Devnet.start({ port, accounts: 6 });
  let stopping = false;
  let indexer: ChildProcess | undefined;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (indexer && indexer.exitCode === null) {
      log('stopping indexer');
      const exited = new Promise((r) => indexer!.once('exit', r));
      indexer.kill('SIGTERM');
      await exited;
    }
    log('stopping devnet');
    await devnet.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    const { accounts, predeployed } = await devnet.signers();
    const owner = accounts[0]!;
    const deployment = await deployCairn(owner, { token: DEVNET_STRK_ADDRESS });
    const workers = accounts.slice(2, 2 + WORKERS);
    for (const w of workers) {
      const c = new CairnClients(deployment, w);
      await c.token.invoke('approve', deployment.registry, 500n * STRK);
      await c.registry.invoke('stake', 500n * STRK);
    }
    const out = join(REPO_ROOT, '.cairn');
    mkdirSync(out, { recursive: true });
    const file = join(out, 'deployment.json');
    writeFileSync(file, JSON.stringify({ rpcUrl: devnet.rpcUrl, ...deployment }, null, 2) + '\n');

    const httpPort = process.env.INDEXER_HTTP_PORT ?? '4350';
    indexer = spawn(process.execPath, [...process.execArgv, join(REPO_ROOT, 'indexer', 'src', 'main.ts')], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        INDEXER_RPC_URL: devnet.rpcUrl,
        INDEXER_MARKET: deployment.market,
        INDEXER_REGISTRY: deployment.registry,
        INDEXER_REPUTATION: deployment.reputation,
        INDEXER_START_BLOCK: String(deployment.deployBlock),
        INDEXER_PG_DIR: process.env.INDEXER_PG_DIR ?? join(out, 'indexer-pg'),
        INDEXER_HTTP_PORT: httpPort,
        INDEXER_HTTP_HOST: process.env.INDEXER_HTTP_HOST ?? '127.0.0.1',
        // Every start is a new devnet chain: the previous run's database describes another one.
        INDEXER_RESET: 'true',
        INDEXER_LOG_LEVEL: process.env.INDEXER_LOG_LEVEL ?? 'warn',
      },
    });
    indexer.once('exit', (code, signal) => {
      if (!stopping) {
        log(`indexer exited (${code ?? signal}); stopping`);
        void stop(1);
      }
    });

    log(`devnet ${devnet.rpcUrl} (chain up and contracts deployed in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    log(`STRK token       ${deployment.token}`);
    log(`StakingRegistry  ${deployment.registry}`);
    log(`Reputation       ${deployment.reputation}`);
    log(`JobMarket        ${deployment.market}`);
    log(`deployment file  ${file}`);
    log(`indexer GraphQL  http://127.0.0.1:${httpPort}/graphql (health: /health, /ready; metrics: /metrics)`);
    log('funded accounts (1,000,000 STRK each):');
    const roles = ['owner, treasury and arbiter', 'poster', ...workers.map(() => 'worker, 500 STRK staked'), 'poster', 'spare'];
    predeployed.forEach((a, i) =>
      log(`  ${String(i).padStart(2)} ${a.address}  key ${a.private_key}  ${roles[i] ?? ''}`),
    );
    log('running; Ctrl-C stops it');
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${devnet.logs().slice(-2000)}\n`);
    await stop(1);
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
