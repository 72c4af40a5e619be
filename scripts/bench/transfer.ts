/**
 * `npm run bench:transfer [-- --json]`
 *
 * Job-data transfer throughput: a worker fetching one 16 MiB blob from a poster over
 * /cairn/<network>/blob/1.0.0 (TCP on loopback, Noise, Yamux), the poster in a child process
 * so each side has its own event loop (this machine has two cores). Each fetch is a fresh
 * signed request on a fresh stream, and its time covers the request, the poster's checks, the
 * streaming and the worker's sha256 of every byte; the connection is open before the first.
 * 3 warm-up fetches, then 10 measured. CAIRN_BENCH_TRANSFER_MIB changes the blob size.
 *
 * Prints figures for people, or with --json one JSON object on stdout (logs go to stderr).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/config.schema';
import { type CairnNode, startNode } from '../../src/node/start-node';
import { loadEsm } from '../../src/p2p/esm';
import { createLogger } from '../../src/shared/logging';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.CAIRN_BENCH_TRANSFER_MIB ?? 16) * MiB;
const WARMUP = 3;
const RUNS = 10;

async function benchNode(dataDir: string): Promise<CairnNode> {
  const m = await loadEsm();
  return startNode({
    bidOnly: true,
    config: parseConfig({
      network: 'bench',
      dataDir,
      logLevel: 'warn',
      p2p: { lan: true, listen: ['/ip4/127.0.0.1/tcp/0'] },
      transfer: { maxBlobBytes: 2 * SIZE, maxRequestBytes: 2 * SIZE },
    }),
    log: createLogger('warn', 'bench-transfer'),
    privateKey: await m.keys.generateKeyPair('Ed25519'),
    provide: false,
    advertise: false,
  });
}

type ToChild = { grant: string } | { cpu: true };
type FromChild =
  { ready: { peerId: string; addr: string; hash: string } } | { granted: true } | { cpuUs: number };

const cpuUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** The poster: holds the blob and grants it to whoever the parent names. */
async function child(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-transfer-'));
  const node = await benchNode(dir);
  const hash = node.blobs.put(randomBytes(SIZE));
  const send = (msg: FromChild): void => void process.send?.(msg);
  process.on('message', (msg: ToChild) => {
    if ('cpu' in msg) return send({ cpuUs: cpuUs() });
    node.transfer.grants.allow(msg.grant, 1n, [hash]);
    send({ granted: true });
  });
  process.on('disconnect', () => {
    void node.stop().finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  });
  send({ ready: { peerId: node.peerId, addr: node.host.multiaddrs()[0] as string, hash } });
}

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  // CAIRN_BENCH_PROF=<dir> writes a CPU profile of the serving child.
  const prof = process.env.CAIRN_BENCH_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CAIRN_BENCH_PROF}`]
    : [];
  const proc = fork(__filename, ['--child'], {
    execArgv: ['--import', 'tsx', ...prof],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(proc, 'message')) as [FromChild];
  if (!('ready' in ready)) throw new Error('child did not start');
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-transfer-'));
  const worker = await benchNode(dir);
  try {
    await worker.host.dial(ready.ready.addr);
    proc.send({ grant: worker.peerId } satisfies ToChild);
    await once(proc, 'message');
    const rates: number[] = [];
    const childCpu = async (): Promise<number> => {
      proc.send({ cpu: true } satisfies ToChild);
      const [msg] = (await once(proc, 'message')) as [FromChild];
      return 'cpuUs' in msg ? msg.cpuUs : Number.NaN;
    };
    let cpu0 = 0;
    let childCpu0 = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      if (i === WARMUP) {
        cpu0 = cpuUs();
        childCpu0 = await childCpu();
      }
      const t0 = process.hrtime.bigint();
      const got = await worker.transfer.fetchBlobs(ready.ready.peerId, 1n, [ready.ready.hash], {
        maxBytes: 2 * SIZE,
        timeoutMs: 120_000,
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (got.get(ready.ready.hash)?.length !== SIZE) throw new Error('short blob');
      if (i >= WARMUP) rates.push(SIZE / MiB / (ms / 1000));
    }
    const mib = (RUNS * SIZE) / MiB;
    const cpuMsPerMiB = {
      fetcher: (cpuUs() - cpu0) / 1000 / mib,
      server: ((await childCpu()) - childCpu0) / 1000 / mib,
    };
    const sorted = [...rates].sort((a, b) => a - b);
    const result = {
      blobMiB: SIZE / MiB,
      fetches: RUNS,
      mibPerSecond: { p50: pct(sorted, 0.5), min: sorted[0], max: sorted[sorted.length - 1] },
      cpuMsPerMiB,
    };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const f = (n: number | undefined): string => (n ?? 0).toFixed(1);
      console.log(
        `transfer of a ${result.blobMiB} MiB blob, 2 processes over TCP, ${RUNS} fetches: ` +
          `p50 ${f(result.mibPerSecond.p50)} MiB/s (min ${f(result.mibPerSecond.min)}, max ${f(result.mibPerSecond.max)}); ` +
          `CPU per MiB: fetcher ${f(cpuMsPerMiB.fetcher)} ms, server ${f(cpuMsPerMiB.server)} ms`,
      );
    }
  } finally {
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
    proc.disconnect();
  }
}

if (process.argv.includes('--child')) void child();
else
  void main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
