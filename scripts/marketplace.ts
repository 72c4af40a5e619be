/**
 * `npm start`: the local marketplace. Starts starknet-devnet (fixed seed, so the same accounts
 * every time), declares and deploys the cairn contracts against the predeployed STRK, stakes
 * the demo workers and binds each to the peer id of its node's key, writes the deployment to
 * .cairn/deployment.json (where the nodes and the indexer find it), starts the indexer and the
 * nodes (a poster and the workers, each `src/main.ts` in its own process with its own data dir
 * and configuration under .cairn/), and prints addresses, funded accounts and the nodes' peer
 * ids. Runs until Ctrl-C.
 *
 * CAIRN_DEVNET_PORT picks the devnet port (default 5050); CAIRN_LOCAL_DIR the folder for the
 * deployment file and the nodes' data (default .cairn/ in the repository).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from 'starknet';
import { bindPeer } from '../src/chain/bind-peer';
import { CairnClients } from '../src/chain/cairn';
import { deployCairn } from '../src/chain/deploy';
import { DEVNET_STRK_ADDRESS, Devnet } from './devnet';
import { STRK } from '../src/chain/params';
import { REPO_ROOT } from '../src/chain/toolchain';
import { peerIdOfKeyFile } from '../src/node/node-key';
import { freePort } from '../src/shared/free-port';

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
  const nodes: ChildProcess[] = [];
  const stopChild = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (nodes.length > 0) log('stopping nodes');
    await Promise.all(nodes.map(stopChild));
    if (indexer) {
      log('stopping indexer');
      await stopChild(indexer);
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
    const out = process.env.CAIRN_LOCAL_DIR ?? join(REPO_ROOT, '.cairn');
    mkdirSync(out, { recursive: true });
    const file = join(out, 'deployment.json');
    writeFileSync(file, JSON.stringify({ rpcUrl: devnet.rpcUrl, ...deployment }, null, 2) + '\n');

    // Each node: its own data dir, key, listen port and configuration file (CAIRN_CONFIG).
    const posterNode = await nodeSetup(out, 'poster', file);
    const workers = accounts.slice(2, 2 + WORKERS);
    const workerNodes = [];
    for (const [i, w] of workers.entries()) {
      const c = new CairnClients(deployment, w);
      await c.token.invoke('approve', deployment.registry, 500n * STRK);
      await c.registry.invoke('stake', 500n * STRK);
      const key = predeployed[2 + i]!.private_key;
      const node = await nodeSetup(out, `worker-${i + 1}`, file, { address: w.address, key, bootstrap: posterNode });
      await bindPeer(c, w.address, node.peerId);
      workerNodes.push(node);
    }

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
    for (const n of [posterNode, ...workerNodes]) {
      const child = spawn(process.execPath, [...process.execArgv, join(REPO_ROOT, 'src', 'main.ts')], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, CAIRN_CONFIG: n.configFile },
      });
      child.once('exit', (code, signal) => {
        if (!stopping) {
          log(`node ${n.name} exited (${code ?? signal}); stopping`);
          void stop(1);
        }
      });
      nodes.push(child);
    }

    log(`devnet ${devnet.rpcUrl} (chain up and contracts deployed in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    log(`STRK token       ${deployment.token}`);
    log(`StakingRegistry  ${deployment.registry}`);
    log(`Reputation       ${deployment.reputation}`);
    log(`JobMarket        ${deployment.market}`);
    log(`deployment file  ${file}`);
    log(`indexer GraphQL  http://127.0.0.1:${httpPort}/graphql (health: /health, /ready; metrics: /metrics)`);
    log('nodes (src/main.ts, one process each; configuration in CAIRN_CONFIG):');
    for (const n of [posterNode, ...workerNodes]) log(`  ${n.name.padEnd(9)} ${n.addr}  config ${n.configFile}`);
    log('funded accounts (1,000,000 STRK each):');
    const roles = [
      'owner, treasury and arbiter',
      'poster',
      ...workerNodes.map((n) => `worker, 500 STRK staked, bound to ${n.name} (${n.peerId})`),
      'poster',
      'spare',
    ];
    predeployed.forEach((a, i) =>
      log(`  ${String(i).padStart(2)} ${a.address}  key ${a.private_key}  ${roles[i] ?? ''}`),
    );
    log('running; Ctrl-C stops it');
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${devnet.logs().slice(-2000)}\n`);
    await stop(1);
  }
}

interface NodeSetup {
  name: string;
  peerId: string;
  /** The node's multiaddr, peer id included: what others bootstrap to. */
  addr: string;
  configFile: string;
}

/**
 * Writes a node's configuration (and, for a worker, its account key, mode 0600) under
 * .cairn/<name>/ and creates its peer key, so its peer id is known before it starts.
 */
async function nodeSetup(
  out: string,
  name: string,
  deploymentFile: string,
  worker?: { address: string; key: string; bootstrap: NodeSetup },
): Promise<NodeSetup> {
  const dataDir = join(out, name);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const port = await freePort();
  const peerId = await peerIdOfKeyFile(join(dataDir, 'peer.key'));
  const config: Record<string, unknown> = {
    network: 'devnet',
    dataDir,
    logLevel: process.env.CAIRN_NODE_LOG_LEVEL ?? 'info',
    p2p: { listen: [`/ip4/127.0.0.1/tcp/${port}`], lan: true, bootstrap: worker ? [worker.bootstrap.addr] : [] },
    chain: { deploymentFile },
    executor: { threads: 1 },
  };
  if (worker) {
    const accountKeyFile = join(dataDir, 'account.key');
    writeFileSync(accountKeyFile, `${worker.key}\n`, { mode: 0o600 });
    chmodSync(accountKeyFile, 0o600);
    (config.chain as Record<string, unknown>).accountKeyFile = accountKeyFile;
    config.market = {
      worker: { address: worker.address, cores: 1, memoryMb: 1024, fuelPerSecond: 100_000_000, pricePerFuel: '1000' },
    };
  }
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  return { name, peerId, addr: `/ip4/127.0.0.1/tcp/${port}/p2p/${peerId}`, configFile };
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
