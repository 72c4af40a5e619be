/**
 * The serving side of /cairn/<network>/blob/1.0.0. Per inbound stream, cheapest check first:
 * peer score (a peer on its way out is cut off) → this peer's transfers (BUSY) → rate limit →
 * one length-prefixed request envelope (size-capped before it is buffered) → the host's envelope
 * pipeline (signer = remote peer, freshness, replay, signature) → payload rules → the
 * authorizer, for every hash (UNAUTHORIZED: nothing of any blob is sent) → the source holds each
 * hash (NOT_FOUND) → caps, the requester's and ours (TOO_LARGE) → all peers' authorised
 * transfers (BUSY) → the OK header and the blobs in 64 KiB chunks, written as the stream drains.
 * Every refusal is a signed response with a reason; bad input is scored through the host's
 * penalties, as on every other protocol.
 */
import type { Connection, Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { TransferConfig } from '../config/config.schema';
import { Kind, admit, seal } from '../p2p/envelope';
import { reject, type MessageValidationError } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import { describe, isValidationError } from '../p2p/penalties';
import { MIN_SCORE_BEFORE_DISCONNECT } from '../p2p/scoring/peer-score';
import type { Logger } from '../shared/logging';
import type { Authorizer, BlobSource } from './access';
import { isTransferError } from './errors';
import { FrameCollector, FrameError, FrameReader, encodeFrame, varint } from './frames';
import {
  BlobStatus,
  CHUNK_BYTES,
  blobProtocol,
  decodeRequest,
  encodeResponse,
  type BlobRequestFields,
} from './protocol';
import { Watchdog } from './watchdog';

export interface BlobServerInit {
  host: P2pHost;
  source: BlobSource;
  authorize: Authorizer;
  config: TransferConfig;
  log: Logger;
}

export interface BlobServerStats {
  requests: number;
  /** Requests answered OK whose blobs were all written. */
  served: number;
  /** Blob bytes written to requesters (chunk payloads, not framing). */
  bytesSent: number;
  /** Refusals by status name (UNAUTHORIZED, BUSY, ...). */
  refused: Record<string, number>;
}

/** A refusal: the status and reason the requester is told, and the penalty (if any) we record. */
class Refusal extends Error {
  constructor(
    readonly status: BlobStatus,
    readonly detail: string,
    readonly penalty?: MessageValidationError,
  ) {
    super(detail);
  }
}

/** One request served in full: to whom, for which job, which blobs. */
export interface ServedBlobs {
  peer: string;
  jobId: bigint;
  hashes: string[];
}

export class BlobServer {
  readonly protocol: string;
  readonly stats: BlobServerStats = { requests: 0, served: 0, bytesSent: 0, refused: {} };
  private readonly servedListeners = new Set<(s: ServedBlobs) => void>();
  private readonly perPeer = new Map<string, number>();
  private readonly streams = new Set<Stream>();
  /** Authorised transfers writing blobs now. */
  private sending = 0;
  private readonly log: Logger;

  constructor(private readonly init: BlobServerInit) {
    this.protocol = blobProtocol(init.host.config.network);
    this.log = init.log.child({ module: 'transfer-server' });
  }

  /** Calls `listener` after each request served in full (what went where); returns the unsubscribe. */
  onServed(listener: (s: ServedBlobs) => void): () => void {
    this.servedListeners.add(listener);
    return () => this.servedListeners.delete(listener);
  }

  async start(): Promise<void> {
    const { config } = this.init;
    await this.init.host.libp2p.handle(
      this.protocol,
      (stream, connection) => this.accept(stream, connection),
      {
        // One over the per-peer cap, so the extra stream is answered BUSY rather than reset by libp2p.
        maxInboundStreams: config.perPeerConcurrency + 1,
        maxOutboundStreams: config.perPeerConcurrency + 1,
        // Over a relay too: a small job's data fits its per-circuit limit, and a larger transfer
        // that hits it fails with the relay's reset, which the client reports.
        runOnLimitedConnection: true,
      },
    );
  }

  async stop(): Promise<void> {
    if (this.init.host.started) await this.init.host.libp2p.unhandle(this.protocol).catch(() => undefined);
    for (const s of this.streams) s.abort(new Error('shutting down'));
    this.streams.clear();
  }

  private accept(stream: Stream, connection: Connection): void {
    const peer = connection.remotePeer.toString();
    const { host, config } = this.init;
    if (host.penalties.scores.score(peer) <= MIN_SCORE_BEFORE_DISCONNECT) {
      stream.abort(new Error('peer score below disconnect threshold'));
      host.peers.enforce(peer, 'asked for blobs below the disconnect score');
      return;
    }
    this.stats.requests++;
    const mine = this.perPeer.get(peer) ?? 0;
    if (mine >= config.perPeerConcurrency) {
      const busy = new Refusal(
        BlobStatus.BLOB_STATUS_BUSY,
        `busy: ${mine} transfers of yours running; retry later`,
      );
      void this.refuse(stream, 0n, busy);
      return;
    }
    this.perPeer.set(peer, mine + 1);
    this.streams.add(stream);
    void this.serve(stream, connection, peer).finally(() => {
      this.streams.delete(stream);
      const left = (this.perPeer.get(peer) ?? 1) - 1;
      if (left > 0) this.perPeer.set(peer, left);
      else this.perPeer.delete(peer);
    });
  }

  private async serve(stream: Stream, connection: Connection, peer: string): Promise<void> {
    const { config } = this.init;
    const dog = new Watchdog(config.idleTimeoutMs, config.deadlineMs, `serving blobs to ${peer}`);
    const onClose = (): void => dog.stop(new Error('stream closed'));
    stream.addEventListener('close', onClose);
    let jobId = 0n;
    try {
      const raw = await this.readRequest(stream, dog);
      const req = this.check(raw, connection, peer);
      jobId = req.jobId;
      const blobs = await this.resolve(req, peer);
      // The overall cap counts authorised transfers only: strangers opening streams they never
      // finish can hold their own per-peer slots, not the awarded worker's.
      if (this.sending >= config.maxConcurrent) {
        throw new Refusal(
          BlobStatus.BLOB_STATUS_BUSY,
          `busy: ${this.sending} transfers running; retry later`,
        );
      }
      this.sending++;
      try {
        await this.send(stream, req, blobs, dog, peer);
      } finally {
        this.sending--;
      }
    } catch (err) {
      if (err instanceof Refusal) {
        if (err.penalty) this.init.host.penalties.report(peer, err.penalty, this.protocol, 'drop');
        await this.refuse(stream, jobId, err);
      } else {
        const reason = dog.signal.aborted && isTransferError(dog.signal.reason) ? dog.signal.reason : err;
        this.log.info({ peer, jobId: String(jobId), err: describe(reason) }, 'blob transfer aborted');
        stream.abort(reason instanceof Error ? reason : new Error(describe(reason)));
      }
    } finally {
      dog.stop();
      stream.removeEventListener('close', onClose);
    }
  }

  /** The one request frame, capped at the envelope size before a byte of it is buffered. */
  private readRequest(stream: Stream, dog: Watchdog): Promise<Uint8Array> {
    const maxBytes = this.init.host.config.p2p.maxMessageBytes;
    return new Promise<Uint8Array>((resolve, reject_) => {
      let done = false;
      const finish = (err?: Error, bytes?: Uint8Array): void => {
        if (done) return;
        done = true;
        stream.removeEventListener('message', onMessage);
        stream.removeEventListener('end', onEnd);
        dog.signal.removeEventListener('abort', onAbort);
        if (err) reject_(err);
        else resolve(bytes as Uint8Array);
      };
      const collector = new FrameCollector((bytes) => finish(undefined, bytes));
      const reader = new FrameReader({
        maxFrameBytes: () => maxBytes,
        start: (n) => collector.start(n),
        data: (b) => collector.data(b),
        end: () => collector.end(),
      });
      const onMessage = (evt: { data: Uint8Array | { subarray(): Uint8Array } }): void => {
        dog.touch();
        const data = evt.data instanceof Uint8Array ? evt.data : evt.data.subarray();
        try {
          reader.push(data);
        } catch (err) {
          const code = /over the cap/.test((err as Error).message) ? 'OVERSIZED' : 'MALFORMED';
          const detail = err instanceof FrameError ? err.message : describe(err);
          finish(new Refusal(BlobStatus.BLOB_STATUS_BAD_REQUEST, `${code}: ${detail}`, reject(code, detail)));
        }
      };
      const onAbort = (): void => finish(dog.signal.reason as Error);
      const onEnd = (): void =>
        finish(new Refusal(BlobStatus.BLOB_STATUS_BAD_REQUEST, 'the stream ended before a whole request'));
      stream.addEventListener('message', onMessage);
      stream.addEventListener('end', onEnd);
      dog.signal.addEventListener('abort', onAbort);
      if (dog.signal.aborted) onAbort();
    });
  }

  /** The host's envelope pipeline and the payload rules; a failure is a scored BAD_REQUEST. */
  private check(raw: Uint8Array, connection: Connection, peer: string): BlobRequestFields {
    const { host, config } = this.init;
    if (!host.limiter.tryTake(peer)) {
      throw new Refusal(BlobStatus.BLOB_STATUS_BUSY, 'rate limited; retry later', reject('RATE_LIMITED'));
    }
    try {
      const env = admit(raw, {
        maxBytes: host.config.p2p.maxMessageBytes,
        kinds: REQUEST_KINDS,
        freshnessMs: host.config.p2p.freshnessWindowMs,
        replay: host.replay,
        verifier: host.verifier,
        expectedSigner: connection.remotePeer.toMultihash().bytes,
      }).authenticate();
      return decodeRequest(env.payload, config.maxHashesPerRequest);
    } catch (err) {
      const penalty = isValidationError(err) ? err : reject('MALFORMED', describe(err));
      throw new Refusal(BlobStatus.BLOB_STATUS_BAD_REQUEST, penalty.message, penalty);
    }
  }

  /** Authorisation for every hash first (so an outsider learns nothing of what we hold), then the bytes. */
  private async resolve(req: BlobRequestFields, peer: string): Promise<Uint8Array[]> {
    const { authorize, source, config } = this.init;
    for (const hash of req.hashes) {
      if (!(await authorize(peer, req.jobId, hash))) {
        throw new Refusal(
          BlobStatus.BLOB_STATUS_UNAUTHORIZED,
          `peer ${peer} is not allowed blob ${hash} of job ${req.jobId}`,
          // Cheap: an honest worker may ask a moment before the award reaches this node.
          reject('UNSOLICITED', `blob ${hash} of job ${req.jobId}`),
        );
      }
    }
    const missing = req.hashes.filter((h) => !source.has(h));
    if (missing.length > 0) {
      throw new Refusal(BlobStatus.BLOB_STATUS_NOT_FOUND, `not held here: ${missing.join(', ')}`);
    }
    const blobs = await Promise.all(req.hashes.map((h) => source.get(h)));
    const blobCap = Math.min(config.maxBlobBytes, req.maxBlobBytes);
    const totalCap = Math.min(config.maxRequestBytes, req.maxTotalBytes);
    let total = 0;
    for (const [i, bytes] of blobs.entries()) {
      if (bytes.length > blobCap) {
        throw new Refusal(
          BlobStatus.BLOB_STATUS_TOO_LARGE,
          `blob ${req.hashes[i]} is ${bytes.length} bytes, over the cap of ${blobCap}`,
        );
      }
      total += bytes.length;
    }
    if (total > totalCap) {
      throw new Refusal(
        BlobStatus.BLOB_STATUS_TOO_LARGE,
        `the blobs add up to ${total} bytes, over the cap of ${totalCap}`,
      );
    }
    return blobs;
  }

  private async send(
    stream: Stream,
    req: BlobRequestFields,
    blobs: Uint8Array[],
    dog: Watchdog,
    peer: string,
  ): Promise<void> {
    const header = this.response(
      req.jobId,
      BlobStatus.BLOB_STATUS_OK,
      '',
      blobs.map((b) => b.length),
    );
    await this.write(stream, header, dog);
    for (const bytes of blobs) {
      // Several chunks per write: one buffer and one send per WRITE_BYTES rather than per chunk
      // (the per-chunk buffers were a large share of the serving process's GC on the bench).
      for (let at = 0; at < bytes.length;) {
        const end = Math.min(at + WRITE_BYTES, bytes.length);
        const chunks = Math.ceil((end - at) / CHUNK_BYTES);
        const out = new Uint8Array(end - at + chunks * MAX_PREFIX_BYTES);
        let o = 0;
        for (let c = at; c < end; c += CHUNK_BYTES) {
          const chunk = bytes.subarray(c, Math.min(c + CHUNK_BYTES, end));
          const prefix = varint(chunk.length);
          out.set(prefix, o);
          out.set(chunk, o + prefix.length);
          o += prefix.length + chunk.length;
        }
        await this.write(stream, out.subarray(0, o), dog);
        this.stats.bytesSent += end - at;
        at = end;
      }
    }
    await stream.close({ signal: dog.signal });
    this.stats.served++;
    this.log.debug({ peer, jobId: String(req.jobId), blobs: blobs.length }, 'blobs served');
    for (const l of this.servedListeners) l({ peer, jobId: req.jobId, hashes: [...req.hashes] });
  }

  private async write(stream: Stream, frame: Uint8Array, dog: Watchdog): Promise<void> {
    dog.signal.throwIfAborted();
    if (!stream.send(frame)) await stream.onDrain({ signal: dog.signal });
    dog.touch();
  }

  private response(jobId: bigint, status: BlobStatus, detail: string, sizes: number[] = []): Uint8Array {
    const payload = encodeResponse({ jobId, status, detail: detail.slice(0, 512), sizes });
    return encodeFrame(seal(this.init.host.signer, Kind.KIND_BLOB_RESPONSE, payload));
  }

  private async refuse(stream: Stream, jobId: bigint, refusal: Refusal): Promise<void> {
    const name = BlobStatus[refusal.status] ?? String(refusal.status);
    const key = name.replace('BLOB_STATUS_', '');
    this.stats.refused[key] = (this.stats.refused[key] ?? 0) + 1;
    this.log.info({ jobId: String(jobId), status: key, detail: refusal.detail }, 'blob request refused');
    try {
      stream.send(this.response(jobId, refusal.status, refusal.detail));
      await stream.close({ signal: AbortSignal.timeout(this.init.config.idleTimeoutMs) });
    } catch {
      stream.abort(new Error(`refused: ${key}`));
    }
  }
}

const REQUEST_KINDS: ReadonlySet<Kind> = new Set([Kind.KIND_BLOB_REQUEST]);
/** Blob bytes framed into one buffer per send (a whole number of chunks). */
const WRITE_BYTES = 4 * CHUNK_BYTES;
/** A chunk's length prefix: 65536 needs 3 varint bytes. */
const MAX_PREFIX_BYTES = 3;
