/**
 * `npm run bench:cli [-- --json]`
 *
 * How quick `cairn` feels: the start time of `cairn --help` (a process, spawned as a user's shell
 * would: bin/cairn.js under the pinned Node, tsx's hook, commander), and round trips over the
 * control socket to a node running in its own process (`cairn node start`) with a deployment on
 * a devnet and an account, so it runs the job life: `job.status` of a job it posted (the job
 * round trip issue 13 sets a target for) and `node.status`, each on an open connection, with
 * the connection made per call (what each CLI command pays), and the whole `cairn job status`
 * and `cairn node status` commands as processes. Median of 20 after 2 warm-ups each (the first
 * run fills tsx's compile cache). Targets from issue 13: --help < 300 ms, round trip < 50 ms.
 *
 * Prints figures for people, or with --json one JSON object on stdout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chmodSync, writeFileSync } from 'node:fs';
import { config as starknetConfig } from 'starknet';
import { writeWordCountFiles } from '../../examples/word-count-files';
import { deployCairn } from '../../src/chain/deploy';
import { ControlClient } from '../../src/control/client';
import { DEVNET_STRK_ADDRESS, Devnet } from '../devnet';

starknetConfig.set('logLevel', 'ERROR');

const JSON_OUT = process.argv.includes('--json');
const RUNS = 20;
const WARMUP = 2;
const BIN = join(__dirname, '..', '..', 'bin', 'cairn.js');
const TARGETS = { helpMs: 300, roundTripMs: 50 };

interface Figures {
  medianMs: number;
  minMs: number;
  p90Ms: number;
  maxMs: number;
}

function figures(samples: number[]): Figures {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { medianMs: r(median), minMs: r(s[0]!), p90Ms: r(at(0.9)), maxMs: r(s[s.length - 1]!) };
}

async function measure(run: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return figures(samples);
}

async function cairn(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`cairn ${args.join(' ')} exited ${code}`);
}

/** A poster node with an account on a fresh devnet deployment: it runs the job life. */
async function startNode(dataDir: string, devnet: Devnet): Promise<ChildProcess> {
  const { accounts, predeployed } = await devnet.signers();
  const deployment = await deployCairn(accounts[0]!, { token: DEVNET_STRK_ADDRESS });
  const deploymentFile = join(dataDir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify({ rpcUrl: devnet.rpcUrl, ...deployment }));
  const accountKeyFile = join(dataDir, 'account.key');
  writeFileSync(accountKeyFile, `${predeployed[1]!.private_key}\n`, { mode: 0o600 });
  chmodSync(accountKeyFile, 0o600);
  const configFile = join(dataDir, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      dataDir,
      chain: { deploymentFile, accountKeyFile, accountAddress: predeployed[1]!.address },
    }),
  );
  const node = spawn(process.execPath, [BIN, 'node', 'start', '--config', configFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CAIRN_LOG_LEVEL: 'warn' },
  });
  const socket = join(dataDir, 'control.sock');
  const deadline = Date.now() + 60_000;
  while (!existsSync(socket)) {
    if (node.exitCode !== null) throw new Error(`cairn node start exited ${node.exitCode}`);
    if (Date.now() > deadline) throw new Error('the node did not open its socket within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return node;
}

async function main(): Promise<void> {
  const log = (s: string) => (JSON_OUT ? process.stderr : process.stdout).write(s + '\n');
  log('cairn --help ...');
  const help = await measure(() => cairn(['--help']));

  const dir = await mkdtemp('/tmp/cairn-bench-cli-');
  log('devnet, contracts and a node with an account ...');
  const devnet = await Devnet.start({ accounts: 2 });
  const node = await startNode(dir, devnet);
  const socketPath = join(dir, 'control.sock');
  try {
    // A real job to ask about: below the market's minimum price, so it stays open (no workers).
    const example = await writeWordCountFiles(join(dir, 'example'));
    const client = await ControlClient.connect({ socketPath });
    const { jobId } = await client.call<{ jobId: string }>('job.post', {
      manifestFile: example.manifest,
      blobFiles: example.blobs,
      budget: (10n ** 15n).toString(),
    });
    log('job.status round trips ...');
    const jobRoundTrip = await measure(() => client.call('job.status', { id: jobId }));
    const jobConnectAndCall = await measure(async () => {
      const c = await ControlClient.connect({ socketPath });
      await c.call('job.status', { id: jobId });
      c.close();
    });
    log('cairn job status ...');
    const jobStatusCommand = await measure(() => cairn(['job', 'status', jobId, '--data-dir', dir]));
    log('node.status round trips ...');
    const roundTrip = await measure(() => client.call('node.status'));
    client.close();
    const connectAndCall = await measure(async () => {
      const c = await ControlClient.connect({ socketPath });
      await c.call('node.status');
      c.close();
    });
    log('cairn node status ...');
    const statusCommand = await measure(() => cairn(['node', 'status', '--data-dir', dir]));

    const result = {
      bench: 'cli',
      runs: RUNS,
      help,
      jobStatusRoundTrip: jobRoundTrip,
      jobStatusConnectAndCall: jobConnectAndCall,
      jobStatusCommand,
      statusRoundTrip: roundTrip,
      statusConnectAndCall: connectAndCall,
      statusCommand,
      targets: TARGETS,
      meetsTargets: {
        help: help.medianMs < TARGETS.helpMs,
        roundTrip: jobRoundTrip.medianMs < TARGETS.roundTripMs,
      },
      machine: { cpus: cpus().length, node: process.version },
    };
    if (JSON_OUT) {
      process.stdout.write(JSON.stringify(result) + '\n');
    } else {
      const line = (what: string, f: Figures) =>
        `  ${what.padEnd(44)} median ${f.medianMs} ms (min ${f.minMs}, p90 ${f.p90Ms}, max ${f.maxMs})`;
      log(`\ncairn CLI, median of ${RUNS} (${cpus().length} cores, node ${process.version}):`);
      log(line(`cairn --help (process)  [target < ${TARGETS.helpMs} ms]`, help));
      log(line(`job.status round trip  [target < ${TARGETS.roundTripMs} ms]`, jobRoundTrip));
      log(line('connect + job.status + close', jobConnectAndCall));
      log(line('cairn job status (process)', jobStatusCommand));
      log(line('node.status round trip', roundTrip));
      log(line('connect + node.status + close', connectAndCall));
      log(line('cairn node status (process)', statusCommand));
    }
  } finally {
    node.kill('SIGINT');
    await once(node, 'exit');
    await devnet.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
