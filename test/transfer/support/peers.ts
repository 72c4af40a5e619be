/**
 * What the transfer suites share: nodes with their own data dirs (each its own blob store), a
 * raw requester and a hostile server built from libp2p streams and the wire codecs only, never
 * from src/transfer's client or server, so they can say and send what those never would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { NodeConfigInput } from '../../../src/config/config.schema';
import type { CairnNode } from '../../../src/node/start-node';
import { Kind, seal } from '../../../src/p2p/envelope';
import { BlobRequest, BlobResponse, BlobStatus, Envelope } from '../../../src/p2p/proto/generated/cairn';
import { protocolId } from '../../../src/p2p/topics';
import type { TransferError } from '../../../src/transfer/errors';
import { NETWORK, startNode } from '../../p2p/support/cluster';

export const PROTOCOL = protocolId(NETWORK, 'blob');

const dirs: string[] = [];

/** A cluster node with a fresh data dir, so its blob store is its own. */
export async function startTransferNode(transfer: NodeConfigInput['transfer'] = {}): Promise<CairnNode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-transfer-'));
  dirs.push(dataDir);
  return startNode({ config: { dataDir, transfer } });
}

export function removeDataDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function lp(bytes: Uint8Array): Uint8Array {
  const head: number[] = [];
  let n = bytes.length;
  do {
    head.push((n % 128) | (n >= 128 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return Buffer.concat([Uint8Array.from(head), bytes]);
}

/** The first length-prefixed frame of `buf`, and where it ends; undefined until it is whole. */
export function firstFrame(buf: Uint8Array): { frame: Uint8Array; end: number } | undefined {
  let len = 0;
  let i = 0;
  for (let shift = 0; i < buf.length; i++, shift += 7) {
    const b = buf[i] as number;
    len += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) {
      i++;
      return buf.length - i >= len ? { frame: buf.subarray(i, i + len), end: i + len } : undefined;
    }
  }
  return undefined;
}

export function requestBytes(
  from: CairnNode,
  jobId: bigint,
  hashes: string[],
  caps = { maxBlobBytes: 1 << 30, maxTotalBytes: 1 << 30 },
): Uint8Array {
  const payload = BlobRequest.encode({
    jobId,
    hashes: hashes.map((h) => Buffer.from(h, 'hex')),
    maxBlobBytes: BigInt(caps.maxBlobBytes),
    maxTotalBytes: BigInt(caps.maxTotalBytes),
  }).finish();
  return seal(from.host.signer, Kind.KIND_BLOB_REQUEST, payload);
}

export interface RawAnswer {
  status: BlobStatus;
  detail: string;
  sizes: bigint[];
  /** Bytes after the response header: blob chunks with their prefixes. */
  trailing: number;
}

/** Sends `frames` (already framed or not) on a fresh blob stream and reads everything the server answers. */
export async function rawExchange(from: CairnNode, to: CairnNode, payload: Uint8Array): Promise<RawAnswer> {
  const stream = await from.host.libp2p.dialProtocol(to.host.libp2p.peerId, PROTOCOL);
  const parts: Uint8Array[] = [];
  const ended = new Promise<void>((resolve) => {
    stream.addEventListener('message', (evt) => {
      parts.push(evt.data instanceof Uint8Array ? evt.data : evt.data.subarray());
    });
    stream.addEventListener('end', () => resolve());
    stream.addEventListener('close', () => resolve());
  });
  stream.send(payload);
  await stream.close();
  await ended;
  const all = Buffer.concat(parts);
  const first = firstFrame(all);
  if (!first) throw new Error(`no response header in ${all.length} bytes`);
  const env = Envelope.decode(first.frame);
  if (env.kind !== Kind.KIND_BLOB_RESPONSE) throw new Error(`answered with kind ${env.kind}`);
  const res = BlobResponse.decode(env.payload);
  return { status: res.status, detail: res.detail, sizes: res.sizes, trailing: all.length - first.end };
}

export interface HostileRun {
  /** Blob bytes (chunk payloads) the hostile server got onto the stream. */
  sent: number;
  /** Why its writing stopped, if it did not finish. */
  error?: string;
  finished: boolean;
}

export interface HostileContext {
  stream: Stream;
  jobId: bigint;
  hashes: string[];
  /** Sends a signed response header. */
  header(status: BlobStatus, sizes: number[], detail?: string): void;
  /** Sends raw bytes, waiting for the stream to drain; counts them as blob bytes. */
  write(bytes: Uint8Array, countAs?: number): Promise<void>;
}

/**
 * Replaces `node`'s blob handler with `script`, run for each request after the request frame
 * has been read and decoded (its signature is not even checked: a hostile server does not care).
 */
export async function turnHostile(
  node: CairnNode,
  script: (ctx: HostileContext) => Promise<void>,
): Promise<HostileRun[]> {
  const runs: HostileRun[] = [];
  const libp2p = node.host.libp2p;
  await libp2p.unhandle(PROTOCOL);
  await libp2p.handle(PROTOCOL, (stream) => {
    const run: HostileRun = { sent: 0, finished: false };
    runs.push(run);
    let buf = new Uint8Array(0);
    let started = false;
    stream.addEventListener('close', (evt) => {
      if (!run.finished) run.error ??= evt.error?.message ?? 'closed';
    });
    stream.addEventListener('message', (evt) => {
      if (started) return;
      buf = Buffer.concat([buf, evt.data instanceof Uint8Array ? evt.data : evt.data.subarray()]);
      const first = firstFrame(buf);
      if (!first) return;
      started = true;
      const req = BlobRequest.decode(Envelope.decode(first.frame).payload);
      const ctx: HostileContext = {
        stream,
        jobId: req.jobId,
        hashes: req.hashes.map((h) => Buffer.from(h).toString('hex')),
        header: (status, sizes, detail = '') => {
          const payload = BlobResponse.encode({
            jobId: req.jobId,
            status,
            detail,
            sizes: sizes.map(BigInt),
          }).finish();
          stream.send(lp(seal(node.host.signer, Kind.KIND_BLOB_RESPONSE, payload)));
        },
        write: async (bytes, countAs = bytes.length) => {
          if (!stream.send(bytes)) await stream.onDrain({ signal: AbortSignal.timeout(30_000) });
          run.sent += countAs;
        },
      };
      script(ctx).then(
        () => {
          run.finished = true;
        },
        (err: unknown) => {
          run.error ??= (err as Error).message;
        },
      );
    });
  });
  return runs;
}

/** The TransferError a fetch failed with (the test fails if it succeeded). */
export async function failure(p: Promise<unknown>): Promise<TransferError> {
  try {
    await p;
  } catch (err) {
    return err as TransferError;
  }
  throw new Error('expected the fetch to fail');
}
