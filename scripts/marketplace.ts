/**
 * `npm start`: a live local market. Starts starknet-devnet (fixed seed, so the same accounts
 * every time), deploys the cairn contracts against the predeployed STRK, writes the deployment
 * to .cairn/deployment.json, starts the indexer and four nodes, each `cairn node start` in its
 * own process with its own account, key, data dir and configuration under .cairn/: a poster
 * (predeployed account 1) and three workers (accounts 2 to 4, which stake and bind their peer
 * ids as they start). Then it posts a first job (the word-count example, written as files
 * under .cairn/examples/word-count/) through the poster's control socket, as `cairn job post
 * --wait` would, shows its life to the end, and prints how to post your own, the GraphQL URL
 * and a sample query. Runs until Ctrl-C, which stops every process it started.
 *
 * One per folder: a second `npm start` while one runs says so and exits 1 without touching it.
 *
 * CAIRN_DEVNET_PORT picks the devnet port (default 5050); CAIRN_LOCAL_DIR the folder for the
 * deployment file and the nodes' data (default .cairn/ in the repository); CAIRN_DEVNET_URL uses
 * a devnet someone else runs (docker compose); INDEXER_HTTP_PORT the GraphQL port (4350).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { config } from 'starknet';
import { writeWordCountFiles } from '../examples/word-count-files';
import { deploymentEnv } from '../indexer/src/config/indexer-config';
import { deployCairn } from '../src/chain/deploy';
import { STRK } from '../src/chain/params';
import { REPO_ROOT } from '../src/chain/toolchain';
import { WatchPrinter, ended, inlineText, summary } from '../src/cli/job-view';
import { ControlClient } from '../src/control/client';
import type { NodeStatus } from '../src/control/node-methods';
import type { JobRecord } from '../src/jobs/journal';
import { type LocalNode, localNodeConfig } from '../src/node/local-node-config';
import { peerIdOfKeyFile } from '../src/node/node-key';
import { freePort } from '../src/shared/free-port';
import { pollUntil } from '../src/shared/poll';
import { DEVNET_STRK_ADDRESS, Devnet, type PredeployedAccount } from './devnet';

// starknet.js warns on each transaction that a young devnet has too few blocks to estimate tips.
config.set('logLevel', 'ERROR');

const WORKERS = 3;
const BIN = join(REPO_ROOT, 'bin', 'cairn.js');
const FIRST_BUDGET = 2n * STRK;

function log(msg: string) {
  process.stdout.write(`[marketplace] ${msg}\n`);
}

/** A path as the user would type it from where they ran npm start. */
const shown = (p: string) => {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
};

/**
 * One marketplace per folder: the pid of the running one in <out>/marketplace.pid, created
 * exclusively. A file whose process is gone is left from a run that was killed; it is replaced.
 */
function takeLock(out: string): () => void {
  const file = join(out, 'marketplace.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        process.stderr.write(
          `[marketplace] another npm start is running with ${shown(out)} (pid ${pid}); ` +
            `stop it first (Ctrl-C in its terminal, or kill ${pid}), or give this one its own CAIRN_LOCAL_DIR and CAIRN_DEVNET_PORT\n`,
        );
        process.exit(1);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${file}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface NodeSetup {
  name: string;
  dataDir: string;
  peerId: string;
  /** The node's multiaddr, peer id included: what others bootstrap to. */
  addr: string;
  configFile: string;
  account: PredeployedAccount;
  worker: boolean;
}

/**
 * A node's folder under <out>/<name>/ from scratch (every start is a new chain; a journal or a
 * chain cursor of the last one would describe jobs that no longer exist): its peer key (so its
 * peer id is known before it starts), its account key (mode 0600), its configuration.
 */
async function nodeSetup(
  out: string,
  name: string,
  deploymentFile: string,
  account: PredeployedAccount,
  worker?: { bootstrap: NodeSetup },
): Promise<NodeSetup> {
  const dataDir = join(out, name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const port = await freePort();
  const peerId = await peerIdOfKeyFile(join(dataDir, 'peer.key'));
  const accountKeyFile = join(dataDir, 'account.key');
  writeFileSync(accountKeyFile, `${account.private_key}\n`, { mode: 0o600 });
  const config = localNodeConfig({
    network: 'devnet',
    dataDir,
    logLevel: (process.env.CAIRN_NODE_LOG_LEVEL ?? 'info') as LocalNode['logLevel'],
    port,
    bootstrap: worker ? [worker.bootstrap.addr] : [],
    deploymentFile,
    accountKeyFile,
    accountAddress: account.address,
    // A worker stakes this much as it starts (and binds its peer id); a job nobody bid on is
    // announced again after 2 s rather than 5.
    jobs: worker ? { stakeFri: (500n * STRK).toString() } : { timings: { reannounceMs: 2_000 } },
    ...(worker ? { worker: { pricePerFuel: '1000' } } : {}),
  });
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  return {
    name,
    dataDir,
    peerId,
    addr: `/ip4/127.0.0.1/tcp/${port}/p2p/${peerId}`,
    configFile,
    account,
    worker: worker !== undefined,
  };
}

const until = <T>(probe: () => Promise<T | undefined>, what: string, timeoutMs: number) =>
  pollUntil(probe, what, timeoutMs, 250);

async function call<T>(socketPath: string, method: string, params: Record<string, unknown> = {}): Promise<T> {
  const c = await ControlClient.connect({ socketPath });
  try {
    return await c.call<T>(method, params);
  } finally {
    c.close();
  }
}

async function main() {
  const out = process.env.CAIRN_LOCAL_DIR ?? join(REPO_ROOT, '.cairn');
  mkdirSync(out, { recursive: true, mode: 0o755 });
  // As root, the indexer's embedded PostgreSQL runs as the postgres user: it must be able to
  // pass through this folder to its own (the nodes' folders inside stay 0700).
  if (process.getuid?.() === 0) chmodSync(out, statSync(out).mode | 0o001);
  const unlock = takeLock(out);
  const port = Number(process.env.CAIRN_DEVNET_PORT ?? 5050);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    unlock();
    throw new Error(`CAIRN_DEVNET_PORT=${process.env.CAIRN_DEVNET_PORT}: expected a TCP port`);
  }
  const t0 = Date.now();
  const external = process.env.CAIRN_DEVNET_URL;
  let devnet: Devnet;
  try {
    devnet = external ? await Devnet.connect(external) : await Devnet.start({ port, accounts: 6 });
  } catch (err) {
    unlock();
    throw err;
  }
  let stopping = false;
  const children: { name: string; child: ChildProcess }[] = [];
  // Children run in their own process groups: a terminal's Ctrl-C reaches this process only,
  // which stops them in order (nodes first, then the indexer, then devnet), each once.
  const stopChild = async ({ child }: { child: ChildProcess }) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    // One that does not stop in 20 s is killed with everything it started (its process group).
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, 20_000);
    await exited;
    clearTimeout(timer);
  };
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const nodes = children.filter((c) => c.name !== 'indexer');
    if (nodes.length > 0) log('stopping nodes');
    await Promise.all(nodes.map(stopChild));
    const indexer = children.find((c) => c.name === 'indexer');
    if (indexer) {
      log('stopping indexer');
      await stopChild(indexer);
    }
    log('stopping devnet');
    await devnet.stop();
    unlock();
    process.exit(code);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => void stop(0));
  const watchChild = (name: string, child: ChildProcess, logFile?: string) => {
    children.push({ name, child });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`${name} exited (${code ?? signal}); stopping`);
      if (logFile) {
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
        process.stderr.write(`--- last lines of ${shown(logFile)}\n${tail}\n`);
      }
      void stop(1);
    });
  };
  try {
    const { accounts, predeployed } = await devnet.signers();
    const deployment = await deployCairn(accounts[0]!, { token: DEVNET_STRK_ADDRESS });
    const file = join(out, 'deployment.json');
    writeFileSync(file, JSON.stringify({ rpcUrl: devnet.rpcUrl, ...deployment }, null, 2) + '\n');
    log(
      `devnet ${devnet.rpcUrl}: contracts deployed in ${((Date.now() - t0) / 1000).toFixed(1)} s (deployment file ${shown(file)})`,
    );

    const poster = await nodeSetup(out, 'poster', file, predeployed[1]!);
    const workers: NodeSetup[] = [];
    for (let i = 0; i < WORKERS; i++)
      workers.push(await nodeSetup(out, `worker-${i + 1}`, file, predeployed[2 + i]!, { bootstrap: poster }));

    const httpPort = process.env.INDEXER_HTTP_PORT ?? '4350';
    const graphqlUrl = `http://127.0.0.1:${httpPort}/graphql`;
    const indexer = spawn(
      process.execPath,
      [...process.execArgv, join(REPO_ROOT, 'indexer', 'src', 'main.ts')],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: true,
        env: {
          ...process.env,
          ...deploymentEnv(devnet.rpcUrl, deployment),
          INDEXER_PG_DIR: process.env.INDEXER_PG_DIR ?? join(out, 'indexer-pg'),
          INDEXER_HTTP_PORT: httpPort,
          INDEXER_HTTP_HOST: process.env.INDEXER_HTTP_HOST ?? '127.0.0.1',
          // Every start is a new devnet chain: the previous run's database describes another one.
          INDEXER_RESET: 'true',
          INDEXER_LOG_LEVEL: process.env.INDEXER_LOG_LEVEL ?? 'warn',
        },
      },
    );
    watchChild('indexer', indexer);

    // The nodes: `cairn node start`, logs (JSON lines) in <dataDir>/node.log.
    for (const n of [poster, ...workers]) {
      const logFile = join(n.dataDir, 'node.log');
      const fd = openSync(logFile, 'a', 0o600);
      const child = spawn(process.execPath, [BIN, 'node', 'start', '--config', n.configFile], {
        stdio: ['ignore', fd, fd],
        detached: true,
        env: process.env,
      });
      closeSync(fd);
      watchChild(`node ${n.name}`, child, logFile);
    }
    log(`starting a poster and ${WORKERS} workers (each stakes 500 STRK and binds its peer id as it starts)`);
    const socket = (n: NodeSetup) => join(n.dataDir, 'control.sock');
    await Promise.all(
      [poster, ...workers].map((n) =>
        until(() => call(socket(n), 'node.ping'), `${n.name} to start`, 180_000),
      ),
    );
    await until(
      async () =>
        (await call<NodeStatus>(socket(poster), 'node.status')).connections >= WORKERS ? true : undefined,
      'the workers to connect to the poster',
      60_000,
    );

    log(`STRK token       ${deployment.token}`);
    log(`StakingRegistry  ${deployment.registry}`);
    log(`Reputation       ${deployment.reputation}`);
    log(`JobMarket        ${deployment.market}`);
    log(
      `indexer GraphQL  ${graphqlUrl} (health: /health, /ready; metrics: /metrics); market explorer http://127.0.0.1:${httpPort}/`,
    );
    log('nodes (cairn node start, one process each):');
    for (const n of [poster, ...workers])
      log(`  ${n.name.padEnd(9)} account ${n.account.address}  data dir ${shown(n.dataDir)} (log: node.log)`);
    log('funded accounts (1,000,000 STRK each):');
    const roles = [
      'owner, treasury and arbiter',
      'the poster node',
      ...workers.map((w) => `the ${w.name} node`),
    ];
    predeployed.forEach((a, i) =>
      log(`  ${String(i).padStart(2)} ${a.address}  key ${a.private_key}  ${roles[i] ?? 'spare'}`),
    );

    const cairnCmd = `npx cairn --data-dir ${shown(poster.dataDir)}`;
    // The first job, through the poster's control channel as `cairn job post --wait` does.
    const example = await writeWordCountFiles(join(out, 'examples', 'word-count'));
    log(`first job: the word-count example (${shown(example.manifest)}), budget 2 STRK`);
    const client = await ControlClient.connect({ socketPath: socket(poster) });
    let last: JobRecord | undefined;
    let posted: { jobId: string; txHash: string };
    try {
      posted = await client.call<{ jobId: string; txHash: string }>('job.post', {
        manifestFile: example.manifest,
        blobFiles: example.blobs,
        budget: FIRST_BUDGET.toString(),
      });
      log(`posted job ${posted.jobId}: 2 STRK escrowed (tx ${posted.txHash})`);
      const printer = new WatchPrinter();
      last =
        (await client.call<JobRecord | undefined>(
          'job.watch',
          { id: posted.jobId },
          {
            onEvent: (e) => {
              last = e as JobRecord;
              for (const line of printer.lines(last)) log(line);
            },
          },
        )) ?? last;
      if (!last || !ended(last)) throw new Error(`the poster stopped reporting job ${posted.jobId}`);
      let where: string | undefined;
      if (last.chainStatus === 'Completed') {
        const r = await client.call<{ available: boolean; base64?: string }>('job.result', {
          id: posted.jobId,
        });
        const bytes = Buffer.from(r.base64 ?? '', 'base64');
        const inline = inlineText(bytes, ' '.repeat(12));
        where = `${bytes.length} bytes, kept by the poster node: \`${cairnCmd} job result ${posted.jobId}\`${inline ? `\n${inline}` : ''}`;
      }
      // The fuel is counted where the job ran: ask the winner's node.
      const award = last.role === 'poster' ? last.award : undefined;
      const winner = workers.find((w) => award && BigInt(w.account.address) === BigInt(award.worker));
      const ran = winner
        ? await call<JobRecord>(socket(winner), 'job.status', { id: posted.jobId }).catch(() => undefined)
        : undefined;
      const fuel =
        ran?.role === 'worker' && ran.fuelUsed
          ? `${ran.fuelUsed} used in ${ran.runMs ?? '?'} ms on ${winner!.name}`
          : undefined;
      for (const line of summary(last, where, {}, fuel).split('\n')) log(line);
    } finally {
      client.close();
    }

    const sampleQuery =
      '{ jobs(first: 5) { edges { node { id status price workerAddress } } } ' +
      'workers(first: 5) { edges { node { address staked reputation { score completed failed slashed } } } } }';
    log('');
    log('post your own (the node already holds the module and shards; --blob sends new files):');
    log(
      `  ${cairnCmd} job post ${shown(example.manifest)} --blob ${example.blobs.map(shown).join(' ')} --budget 2 --wait`,
    );
    log(`  ${cairnCmd} job list                 # the poster's jobs; job status ID, job result ID`);
    log(
      `  npx cairn --data-dir ${shown(workers[0]!.dataDir)} worker status   # a worker's stake and standing`,
    );
    const market = httpPort === '4350' ? 'npx cairn market' : `npx cairn market --indexer ${graphqlUrl}`;
    log(`  ${market} jobs    # and: market workers, market worker ADDRESS, market stats`);
    log(`GraphQL: ${graphqlUrl}; the paid job and the workers' reputations:`);
    log(
      `  curl -s ${graphqlUrl} -H 'content-type: application/json' -d '${JSON.stringify({ query: sampleQuery })}'`,
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
