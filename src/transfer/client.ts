/**
 * The fetching side of /cairn/<network>/blob/1.0.0. `fetchBlobs` asks one peer for some of a
 * job's blobs and returns them only when every one hashed to its name; anything else is a
 * TransferError and nothing is returned (a caller never sees unverified bytes).
 *
 * Memory is bounded by the caps, never by what the server says or sends: the signed header's
 * declared sizes are checked against the caps before anything is allocated, each blob gets a
 * buffer of exactly its declared size, chunk lengths are checked before they are read, and a
 * chunk that would run past its blob's declared size ends the transfer. Bytes are hashed as they
 * arrive. A server that breaks the format or sends bytes that do not hash to what was asked is
 * scored through the host's penalties; a slow or stalled one is not (honest links stall), it
 * just hits the idle timeout or the deadline.
 */
import { createHash, type Hash } from 'node:crypto';
import type { PeerId, Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { TransferConfig } from '../config/config.schema';
import { Kind, admit, seal } from '../p2p/envelope';
import { esm } from '../p2p/esm';
import { openStream } from '../p2p/open-stream';
import { reject, type MessageValidationError } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import { describe, isValidationError } from '../p2p/penalties';
import type { Logger } from '../shared/logging';
import { TransferError, isTransferError, type TransferErrorCode } from './errors';
import { FrameCollector, FrameReader, encodeFrame, type FrameSink } from './frames';
import {
  BlobStatus,
  CHUNK_BYTES,
  blobProtocol,
  decodeResponse,
  encodeRequest,
  isSha256Hex,
  type BlobResponseFields,
} from './protocol';
import { Watchdog } from './watchdog';

export interface FetchOptions {
  /** Most bytes accepted for all the blobs together. */
  maxBytes: number;
  /** Most bytes accepted for any one blob (default: maxBytes). */
  maxBlobBytes?: number;
  /** Overall deadline, dialling included. */
  timeoutMs: number;
  /** No byte for this long aborts (default: the node's transfer.idleTimeoutMs). */
  idleTimeoutMs?: number;
  /** Addresses of a peer we may not be connected to (an announcement's poster_addrs). */
  addrs?: string[];
}

const STATUS_ERRORS: Partial<Record<BlobStatus, TransferErrorCode>> = {
  [BlobStatus.BLOB_STATUS_UNAUTHORIZED]: 'UNAUTHORIZED',
  [BlobStatus.BLOB_STATUS_NOT_FOUND]: 'NOT_FOUND',
  [BlobStatus.BLOB_STATUS_TOO_LARGE]: 'TOO_LARGE',
  [BlobStatus.BLOB_STATUS_BUSY]: 'BUSY',
  [BlobStatus.BLOB_STATUS_BAD_REQUEST]: 'BAD_REQUEST',
};

const RESPONSE_KINDS: ReadonlySet<Kind> = new Set([Kind.KIND_BLOB_RESPONSE]);

/** A server's misbehaviour: the caller's error, and the penalty recorded against the server. */
class Violation extends TransferError {
  constructor(
    code: 'HASH_MISMATCH' | 'PROTOCOL_VIOLATION',
    message: string,
    readonly penalty: MessageValidationError,
  ) {
    super(code, message);
  }
}

export class BlobClient {
  readonly protocol: string;
  /** Verified blob bytes received, all fetches together. */
  bytesReceived = 0;
  private readonly log: Logger;

  constructor(
    private readonly host: P2pHost,
    private readonly config: TransferConfig,
    log: Logger,
  ) {
    this.protocol = blobProtocol(host.config.network);
    this.log = log.child({ module: 'transfer-client' });
  }

  /**
   * Fetches `hashes` (sha256 hex) of job `jobId` from `peer`; resolves to the bytes by hash, in
   * request order, each checked against its hash. Throws TransferError.
   */
  async fetchBlobs(
    peer: PeerId | string,
    jobId: bigint,
    hashes: readonly string[],
    opts: FetchOptions,
  ): Promise<Map<string, Uint8Array>> {
    const peerId = typeof peer === 'string' ? this.host.peerIdOf(peer) : peer;
    let viaRelay = this.onlyRelayed(peerId);
    const nat = this.host.config.p2p.nat;
    if (viaRelay && nat.dcutr && nat.directWaitMs > 0) {
      await this.host.awaitDirect(peerId, nat.directWaitMs);
      viaRelay = this.onlyRelayed(peerId);
    }
    try {
      return await this.fetchOnce(peerId, jobId, hashes, opts);
    } catch (err) {
      // DCUtR closes the relayed connection once it has made a direct one; a fetch that started
      // on the relay is cut then. It is asked again, once, on the direct connection.
      if (viaRelay && err instanceof TransferError && !(err instanceof Violation) && this.hasDirect(peerId)) {
        this.log.info({ peer: peerId.toString(), jobId: String(jobId) }, 'fetch cut with its relayed connection; again, direct');
        return this.fetchOnce(peerId, jobId, hashes, opts);
      }
      throw err;
    }
  }

  private onlyRelayed(peer: PeerId): boolean {
    const open = this.host.libp2p.getConnections(peer).filter((c) => c.status === 'open');
    return open.length > 0 && open.every((c) => c.limits !== undefined);
  }

  private hasDirect(peer: PeerId): boolean {
    return this.host.libp2p.getConnections(peer).some((c) => c.status === 'open' && c.limits === undefined);
  }

  private async fetchOnce(
    peerId: PeerId,
    jobId: bigint,
    hashes: readonly string[],
    opts: FetchOptions,
  ): Promise<Map<string, Uint8Array>> {
    const wanted = [...new Set(hashes)];
    const bad = wanted.filter((h) => !isSha256Hex(h));
    if (bad.length > 0) throw new TransferError('BAD_REQUEST', `not sha256 hex digests: ${bad.join(', ')}`);
    if (wanted.length === 0) return new Map();
    if (wanted.length > this.config.maxHashesPerRequest)
      throw new TransferError(
        'BAD_REQUEST',
        `${wanted.length} hashes in one request; at most ${this.config.maxHashesPerRequest}`,
      );
    const maxTotal = Math.min(opts.maxBytes, this.config.maxRequestBytes);
    const maxBlob = Math.min(opts.maxBlobBytes ?? opts.maxBytes, maxTotal, this.config.maxBlobBytes);
    const who = peerId.toString();
    const dog = new Watchdog(
      opts.idleTimeoutMs ?? this.config.idleTimeoutMs,
      opts.timeoutMs,
      `fetching ${wanted.length} blob(s) of job ${jobId} from ${who}`,
    );
    let stream: Stream | undefined;
    try {
      stream = await this.open(peerId, opts.addrs ?? [], dog);
      // Listening before the request leaves: nothing of a fast answer can slip past.
      const receiving = this.receive(stream, peerId, jobId, wanted, { maxBlob, maxTotal }, dog);
      receiving.catch(() => undefined);
      const request = seal(
        this.host.signer,
        Kind.KIND_BLOB_REQUEST,
        encodeRequest({ jobId, hashes: wanted, maxBlobBytes: maxBlob, maxTotalBytes: maxTotal }),
      );
      stream.send(encodeFrame(request));
      await stream.close({ signal: dog.signal });
      const blobs = await receiving;
      return new Map(wanted.map((h, i) => [h, blobs[i] as Uint8Array]));
    } catch (err) {
      const failure = this.failure(err, dog, who);
      if (failure instanceof Violation) {
        this.host.penalties.report(who, failure.penalty, this.protocol, 'drop');
      }
      stream?.abort(failure);
      this.log.info(
        { peer: who, jobId: String(jobId), code: failure.code, err: failure.message },
        'blob fetch failed',
      );
      throw failure;
    } finally {
      dog.stop();
    }
  }

  private async open(peer: PeerId, addrs: string[], dog: Watchdog): Promise<Stream> {
    const libp2p = this.host.libp2p;
    if (addrs.length > 0 && libp2p.getConnections(peer).length === 0) {
      const { multiaddr } = esm().multiaddr;
      await libp2p.peerStore.merge(peer, { multiaddrs: addrs.map((a) => multiaddr(a)) });
    }
    try {
      return await openStream(libp2p, peer, this.protocol, { signal: dog.signal });
    } catch (err) {
      if (dog.signal.aborted) throw err;
      throw new TransferError(
        'STREAM_FAILED',
        `could not open ${this.protocol} to ${peer}: ${describe(err)}`,
      );
    }
  }

  /** The timeout that fired, a typed error as it is, anything else a stream failure. */
  private failure(err: unknown, dog: Watchdog, who: string): TransferError {
    if (dog.signal.aborted && isTransferError(dog.signal.reason)) return dog.signal.reason;
    if (isTransferError(err)) return err;
    return new TransferError('STREAM_FAILED', `transfer from ${who} broke off: ${describe(err)}`);
  }

  private receive(
    stream: Stream,
    peer: PeerId,
    jobId: bigint,
    hashes: string[],
    caps: { maxBlob: number; maxTotal: number },
    dog: Watchdog,
  ): Promise<Uint8Array[]> {
    return new Promise<Uint8Array[]>((resolve, fail) => {
      let settled = false;
      const done = (err?: unknown, blobs?: Uint8Array[]): void => {
        if (settled) return;
        settled = true;
        stream.removeEventListener('message', onMessage);
        stream.removeEventListener('end', onEnd);
        stream.removeEventListener('close', onEnd);
        dog.signal.removeEventListener('abort', onAbort);
        if (err) fail(err);
        else resolve(blobs as Uint8Array[]);
      };
      const sink = new ResponseSink(this.host, peer, jobId, hashes, caps, (blobs) => {
        this.bytesReceived += blobs.reduce((n, b) => n + b.length, 0);
        done(undefined, blobs);
      });
      const reader = new FrameReader(sink);
      const onMessage = (evt: { data: Uint8Array | { subarray(): Uint8Array } }): void => {
        if (settled) return;
        dog.touch();
        const data = evt.data instanceof Uint8Array ? evt.data : evt.data.subarray();
        try {
          reader.push(data);
        } catch (err) {
          done(isTransferError(err) ? err : violation('PROTOCOL_VIOLATION', describe(err), 'MALFORMED'));
        }
      };
      const onEnd = (): void => {
        done(
          sink.header
            ? new TransferError('STREAM_FAILED', `${peer} closed the stream ${sink.progress()}`)
            : new TransferError('STREAM_FAILED', `${peer} closed the stream without answering`),
        );
      };
      const onAbort = (): void => done(dog.signal.reason);
      stream.addEventListener('message', onMessage);
      stream.addEventListener('end', onEnd);
      stream.addEventListener('close', onEnd);
      dog.signal.addEventListener('abort', onAbort);
      if (dog.signal.aborted) onAbort();
    });
  }
}

function violation(
  code: 'HASH_MISMATCH' | 'PROTOCOL_VIOLATION',
  message: string,
  wire: 'MALFORMED' | 'INVALID_PAYLOAD' | 'OVERSIZED' | 'UNSOLICITED',
): Violation {
  return new Violation(code, message, reject(wire, message));
}

/**
 * Parses the response as frames arrive: the signed header, then each blob's chunks straight into
 * its buffer and its running hash.
 */
class ResponseSink implements FrameSink {
  header?: BlobResponseFields;
  complete = false;
  private readonly blobs: Uint8Array[] = [];
  private index = 0;
  private at = 0;
  private hash?: Hash;
  private headerCollector = new FrameCollector((bytes) => this.onHeader(bytes));

  constructor(
    private readonly host: P2pHost,
    private readonly peer: PeerId,
    private readonly jobId: bigint,
    private readonly hashes: string[],
    private readonly caps: { maxBlob: number; maxTotal: number },
    private readonly onDone: (blobs: Uint8Array[]) => void,
  ) {}

  maxFrameBytes(): number {
    if (!this.header) return this.host.config.p2p.maxMessageBytes;
    if (this.complete) return 0;
    return Math.min(CHUNK_BYTES, this.current.length - this.at);
  }

  start(length: number): void {
    if (!this.header) return this.headerCollector.start(length);
    if (this.complete) throw violation('PROTOCOL_VIOLATION', 'bytes after the last blob', 'UNSOLICITED');
    if (length === 0) throw violation('PROTOCOL_VIOLATION', 'an empty chunk', 'MALFORMED');
  }

  data(bytes: Uint8Array): void {
    if (!this.header) return this.headerCollector.data(bytes);
    this.current.set(bytes, this.at);
    this.at += bytes.length;
    (this.hash as Hash).update(bytes);
  }

  end(): void {
    if (!this.header) return this.headerCollector.end();
    if (this.at === this.current.length) this.finishBlob();
  }

  progress(): string {
    return `after ${this.index} of ${this.hashes.length} blob(s) and ${this.at} bytes of the next`;
  }

  private get current(): Uint8Array {
    return this.blobs[this.index] as Uint8Array;
  }

  private onHeader(bytes: Uint8Array): void {
    let res: BlobResponseFields;
    try {
      const env = admit(bytes, {
        maxBytes: this.host.config.p2p.maxMessageBytes,
        kinds: RESPONSE_KINDS,
        freshnessMs: this.host.config.p2p.freshnessWindowMs,
        replay: this.host.replay,
        verifier: this.host.verifier,
        expectedSigner: this.peer.toMultihash().bytes,
      }).authenticate();
      res = decodeResponse(env.payload);
    } catch (err) {
      const penalty = isValidationError(err) ? err : reject('MALFORMED', describe(err));
      throw new Violation(
        'PROTOCOL_VIOLATION',
        `bad response header from ${this.peer}: ${penalty.message}`,
        penalty,
      );
    }
    if (res.status !== BlobStatus.BLOB_STATUS_OK) {
      const code = STATUS_ERRORS[res.status];
      if (!code) throw violation('PROTOCOL_VIOLATION', `unknown status ${res.status}`, 'INVALID_PAYLOAD');
      throw new TransferError(code, `${this.peer} refused job ${this.jobId}: ${res.detail || code}`);
    }
    if (res.jobId !== this.jobId)
      throw violation(
        'PROTOCOL_VIOLATION',
        `answer for job ${res.jobId}, asked for ${this.jobId}`,
        'INVALID_PAYLOAD',
      );
    if (res.sizes.length !== this.hashes.length)
      throw violation(
        'PROTOCOL_VIOLATION',
        `${res.sizes.length} sizes for ${this.hashes.length} blobs`,
        'INVALID_PAYLOAD',
      );
    let total = 0;
    for (const [i, size] of res.sizes.entries()) {
      // We told the server our caps: a size over them is a server ignoring the request, not a
      // large blob, so nothing is allocated and the server is scored.
      if (size > this.caps.maxBlob)
        throw violation(
          'PROTOCOL_VIOLATION',
          `blob ${this.hashes[i]} declared ${size} bytes, over our cap of ${this.caps.maxBlob}`,
          'OVERSIZED',
        );
      total += size;
    }
    if (total > this.caps.maxTotal)
      throw violation(
        'PROTOCOL_VIOLATION',
        `blobs declared ${total} bytes, over our cap of ${this.caps.maxTotal}`,
        'OVERSIZED',
      );
    for (const size of res.sizes) this.blobs.push(new Uint8Array(size));
    this.header = res;
    this.index = -1;
    this.nextBlob();
  }

  /** Moves to the next blob, skipping (and checking) empty ones; completes after the last. */
  private nextBlob(): void {
    for (;;) {
      this.index++;
      this.at = 0;
      if (this.index >= this.hashes.length) {
        this.complete = true;
        this.onDone(this.blobs);
        return;
      }
      this.hash = createHash('sha256');
      if (this.current.length > 0) return;
      this.verify();
    }
  }

  private finishBlob(): void {
    this.verify();
    this.nextBlob();
  }

  private verify(): void {
    const want = this.hashes[this.index] as string;
    const got = (this.hash as Hash).digest('hex');
    if (got !== want)
      throw violation('HASH_MISMATCH', `blob ${want} from ${this.peer} hashed to ${got}`, 'INVALID_PAYLOAD');
  }
}
