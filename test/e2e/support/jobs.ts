/**
 * The job the end-to-end suites post (word count over stored shards, the example map/reduce)
 * and what they read back from the chain to check a job's life.
 */
import { stringify } from 'yaml';
import { buildExamples } from '../../../examples/build';
import { circuitManifest, wordCountManifest } from '../../../examples/manifests';
import type { JobStatus } from '../../../src/chain/job';
import { cairnEventCodec } from '../../../src/chain/events/cairn-codec';
import { toBigInt } from '../../../src/chain/values';
import { readJob } from '../../../src/jobs/chain-view';
import type { MarketNet } from './market-net';

export interface WordCountJob {
  manifest: string;
  blobs: Uint8Array[];
  expected: string;
}

const WORDS = ['stone', 'cairn', 'ridge', 'trail', 'summit', 'mist'];

export async function wordCountJob(seed = 1, shardCount = 2): Promise<WordCountJob> {
  const built = await buildExamples();
  const words = Array.from({ length: 400 }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]!);
  const shards: string[] = [];
  const per = Math.ceil(words.length / shardCount);
  for (let i = 0; i < shardCount; i++) shards.push(words.slice(i * per, (i + 1) * per).join(' ') + ' ');
  const blobs = shards.map((s) => new TextEncoder().encode(s));
  const { createHash } = await import('node:crypto');
  const manifest = wordCountManifest({
    module: built.modules.wordcount.sha256,
    shards: blobs.map((b) => createHash('sha256').update(b).digest('hex')),
    maxBytes: 4096,
  });
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return {
    manifest,
    blobs: [built.modules.wordcount.bytes, ...blobs],
    expected: [...counts.keys()].join(','),
  };
}

/**
 * A groth16 job: the example seed module's output, proved with the 64-constraint square-chain
 * circuit; its manifest names the witness generator, proving key and verification key.
 */
export async function provedJob(input = 'cairn proof'): Promise<{ manifest: string; blobs: Uint8Array[] }> {
  const built = await buildExamples({ circuits: ['square-chain-64'] });
  const c = built.circuits['square-chain-64']!;
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const files = [c.wasmPath, c.zkeyPath, c.vkeyPath].map((f) => readFileSync(f));
  const [wasm, zkey, verificationKey] = files.map((b) => createHash('sha256').update(b).digest('hex'));
  return {
    manifest: circuitManifest({
      seedModule: built.modules['circuit-seed'].sha256,
      input,
      wasm: wasm!,
      zkey: zkey!,
      verificationKey: verificationKey!,
    }),
    blobs: [built.modules['circuit-seed'].bytes, ...files],
  };
}

export async function statusOf(net: MarketNet, jobId: bigint): Promise<JobStatus> {
  return (await readJob(net.clients, jobId)).status;
}

export async function reputationOf(net: MarketNet, worker: string) {
  const r = (await net.clients.reputation.read.reputation_of(worker)) as unknown as Record<string, unknown>;
  return { completed: toBigInt(r.completed), failed: toBigInt(r.failed), slashed: toBigInt(r.slashed) };
}

/** The fee (fri) an account paid for the transactions named, from their receipts. */
export async function feesOf(net: MarketNet, txHashes: string[]): Promise<bigint> {
  let total = 0n;
  for (const h of txHashes) {
    const r = (await net.provider.getTransactionReceipt(h)) as unknown as { actual_fee?: { amount: string } };
    total += BigInt(r.actual_fee?.amount ?? 0);
  }
  return total;
}

/**
 * A job that runs for seconds (a sha256 chain of `rounds` rounds, ~0.6 µs each here), so a
 * test can act while a worker holds it: kill the worker, freeze the poster, cut the RPC.
 */
export async function slowJob(
  rounds = 12_000_000,
  seed = 'cairn',
): Promise<{ manifest: string; blobs: Uint8Array[] }> {
  const built = await buildExamples();
  const manifest = stringify({
    version: 1,
    name: 'sha256-chain',
    tasklets: [
      { id: 'chain', module: built.modules.kernel.sha256, args: [String(rounds)], input: { text: seed } },
    ],
    resources: { memoryPages: 16, fuel: 10_000 * rounds + 100_000, wallTimeMs: 600_000 },
    output: { format: 'text', maxBytes: 128 },
    priceCeiling: '1000000000000000000',
    verification: { mode: 'none' },
  });
  return { manifest, blobs: [built.modules.kernel.bytes] };
}

/** The JobMarket's events named `name` for job `jobId`, decoded, in chain order. */
export async function marketEvents(net: MarketNet, name: string, jobId: bigint) {
  const codec = cairnEventCodec({
    market: net.deployment.market,
    registry: net.deployment.registry,
    reputation: net.deployment.reputation,
  });
  const out = [];
  let token: string | undefined;
  do {
    const page = await net.provider.getEvents({
      address: net.deployment.market,
      from_block: { block_number: 0 },
      to_block: 'latest',
      chunk_size: 1000,
      ...(token ? { continuation_token: token } : {}),
    });
    for (const e of page.events) {
      const d = codec.decode(e.from_address, e.keys, e.data);
      if (d?.name === name && toBigInt(d.fields.job_id) === jobId) out.push(d);
    }
    token = page.continuation_token;
  } while (token);
  return out;
}
