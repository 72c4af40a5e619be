/**
 * `cairn` as a user runs it, for the CLI suites: the command spawned through bin/cairn.js, nodes
 * started with `cairn node start --config FILE`, the word-count example written as the files a
 * user would post, and the indexer as its own process (GraphQL runs only in real processes).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deploymentEnv } from '../../indexer/src/config/indexer-config';
import { freePort } from '../../src/shared/free-port';
import { captureOutput, controlAnswers } from '../support/processes';
import { wordCountJob } from '../e2e/support/jobs';
import { type MarketNet, type NodeSetup, REPO, until } from '../e2e/support/market-net';

export const BIN = join(REPO, 'bin', 'cairn.js');

/** Every long-running process a suite started, so afterAll stops them even after a failed start. */
const started = new Set<ChildProcess>();

/** Stops whatever is still running (SIGINT to nodes, SIGTERM to the indexer), and waits. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...started].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      started.delete(child);
    }),
  );
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
}

/** Runs `cairn args…` to its end. */
export async function cairn(args: string[], opts: RunOptions = {}): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, ...opts.env },
    uid: opts.uid,
    gid: opts.gid,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** The JSON a `--json` command printed on stdout. */
/**
 * Lets the node of `setup` take remote callers on TCP with a token (control.tcp), before it
 * starts; returns the arguments a remote `cairn` call adds.
 */
export async function openRemoteControl(dir: string, setup: NodeSetup): Promise<string[]> {
  const tokenFile = join(dir, 'control.token');
  writeFileSync(tokenFile, `${'t0ken'.repeat(8)}\n`, { mode: 0o600 });
  const tcpPort = await freePort();
  const raw = JSON.parse(readFileSync(setup.configFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(setup.configFile, JSON.stringify({ ...raw, control: { tcp: { port: tcpPort, tokenFile } } }));
  return ['--remote', `127.0.0.1:${tcpPort}`, '--token-file', tokenFile];
}

/** Asserts a command failed with exit `code` and a stderr matching `message`. */
export function expectFailure(r: Run, code: number, message: RegExp): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: expect.stringMatching(message) });
}

/** `cairn <group> post MANIFEST --blob … <extra>` against the node with this data dir. */
export function postArgs(
  dataDir: string,
  group: 'job' | 'graph',
  files: { manifest: string; blobs: string[] },
  extra: string[],
): string[] {
  return ['--data-dir', dataDir, group, 'post', files.manifest, '--blob', ...files.blobs, ...extra];
}

export function json<T = Record<string, unknown>>(r: Run): T {
  if (r.code !== 0) throw new Error(`cairn exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export interface RunningNode {
  setup: NodeSetup;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** `cairn node start --config FILE`, waited for until its control socket answers. */
export async function startCairnNode(setup: NodeSetup): Promise<RunningNode> {
  const child = spawn(process.execPath, [BIN, 'node', 'start', '--config', setup.configFile], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const { output, exited } = captureOutput(child);
  const socketPath = join(setup.config.dataDir, 'control.sock');
  await until(() => controlAnswers(socketPath, child, setup.name), `${setup.name} to start`, 120_000).catch(
    (err: unknown) => {
      throw new Error(`${setup.name}: ${(err as Error).message}\n${output.join('').slice(-3000)}`);
    },
  );
  return {
    setup,
    child,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

export interface ExampleJob {
  manifest: string;
  blobs: string[];
  /** The words the result must list. */
  expected: string;
}

/** The word-count example as files: manifest.yaml, the module and the input shards. */
export async function writeWordCount(dir: string, seed = 1): Promise<ExampleJob> {
  const job = await wordCountJob(seed);
  const manifest = join(dir, `word-count-${seed}.yaml`);
  writeFileSync(manifest, job.manifest);
  const names = ['wordcount.wasm', ...job.blobs.slice(1).map((_, i) => `shard-${seed}-${i}.txt`)];
  const blobs = job.blobs.map((b, i) => {
    const f = join(dir, names[i]!);
    writeFileSync(f, b);
    return f;
  });
  return { manifest, blobs, expected: job.expected };
}

export interface Indexer {
  url: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/**
 * The indexer of `net`'s deployment, its own embedded PostgreSQL in `dir` (which the server,
 * run as the postgres user when the suite runs as root, must be able to enter: mode 755).
 */
export async function startIndexer(net: MarketNet, dir: string): Promise<Indexer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'indexer/src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      ...deploymentEnv(net.devnet.rpcUrl, net.deployment),
      INDEXER_PG_DIR: join(dir, 'indexer-pg'),
      INDEXER_HTTP_PORT: String(port),
      INDEXER_POLL_MS: '200',
      INDEXER_RESET: 'true',
      INDEXER_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const { output, exited } = captureOutput(child);
  const base = `http://127.0.0.1:${port}`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`indexer exited ${child.exitCode}`);
      return (await fetch(`${base}/health`)).ok ? true : undefined;
    },
    'the indexer to serve',
    180_000,
  ).catch((err: unknown) => {
    throw new Error(`${(err as Error).message}\n${output.join('').slice(-3000)}`);
  });
  return {
    url: `${base}/graphql`,
    child,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
