/**
 * Direct request/response protocols over long-lived session streams.
 *
 * Opening a libp2p stream per request costs a yamux stream, a multistream-select negotiation and
 * a close handshake: measured on this machine, ~1.6 ms of CPU per request/response against
 * ~0.2 ms when frames flow over an open stream. A poster taking ten bids per job cannot afford
 * the former, so a peer keeps one outbound stream per protocol to each peer it talks to and
 * sends varint-length-prefixed envelopes on it; the other side answers on the same stream.
 * Requests are matched to responses by content (job id), not by order, so a poster can answer
 * bids when each job's window closes.
 *
 * Defence, per frame: the length prefix is checked before anything is buffered (OVERSIZED aborts
 * the stream), the sender's token bucket is charged (RATE_LIMITED drops the frame), the envelope
 * is admitted (everything but the signature; the signer must be the remote peer), and only then
 * does the protocol handler see it. Frames from a peer at or below the disconnect score are
 * dropped unread. Each stream handles at most MAX_INFLIGHT frames at once; past that it stops
 * reading (libp2p then holds data in the stream's read buffer, capped at READ_BUFFER_BYTES, after
 * which libp2p aborts the stream), so a slow handler backs the sender off instead of queueing
 * without bound. Frames written to one session in one synchronous cascade leave as one yamux
 * frame, flushed in a microtask rather than at the end of the event-loop turn: a bid must not wait
 * behind every other message the process has still to handle (measured: a flush at setImmediate
 * sat 2-25 ms behind the bid on a loaded worker process). Writes beyond WRITE_BUFFER_BYTES queued
 * on one stream are dropped (newest first) and logged: a peer that does not read its responses
 * loses them.
 */
import type { Libp2p } from 'libp2p' with { 'resolution-mode': 'import' };
import type { Connection, PeerId, Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };
import type { SignatureVerifier } from './crypto';
import { admit, type AdmittedEnvelope, type Kind, type ReplayCache } from './envelope';
import { HostError, reject } from './errors';
import type { Logger } from '../shared/logging';
import { describe, isValidationError, type Penalties } from './penalties';
import type { PeerRateLimiter } from './rate-limit';
import { MIN_SCORE_BEFORE_DISCONNECT } from './scoring/peer-score';

/** Frames of one stream being handled at once before reading pauses. */
const MAX_INFLIGHT = 32;
/** Unread bytes libp2p may hold for a paused session (default is 4 MiB per stream). */
const READ_BUFFER_BYTES = 256 * 1024;
const WRITE_BUFFER_BYTES = 1024 * 1024;
/** A varint of 3 bytes covers 2^21; every cap we allow is below that. */
const MAX_VARINT_BYTES = 3;

export interface DirectFrame {
  readonly env: AdmittedEnvelope;
  /** The remote peer, which is also the envelope's signer. */
  readonly peerId: string;
  /** Queues a frame back on the stream this one came on; false if it was dropped. */
  reply(bytes: Uint8Array): boolean;
}

export interface DirectChannelInit {
  protocol: string;
  kinds: ReadonlySet<Kind>;
  onFrame(frame: DirectFrame): void | Promise<void>;
}

export interface DirectDeps {
  libp2p: () => Libp2p;
  maxMessageBytes: number;
  freshnessMs: number;
  maxInboundStreams: number;
  replay: ReplayCache;
  verifier: SignatureVerifier;
  limiter: PeerRateLimiter;
  penalties: Penalties;
  /** Called when a peer at or below the disconnect score is still sending: cut it off. */
  enforce(peerId: string, reason: string): void;
  log: Logger;
}

export function encodeFrame(payload: Uint8Array): Uint8Array {
  let n = payload.length;
  const head: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    head.push(b);
  } while (n !== 0);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

class Session {
  private leftover: Uint8Array | undefined;
  private inflight = 0;
  private closed = false;
  /** Frames written in this synchronous cascade, sent together by flush(). */
  private outbox: Uint8Array[] = [];
  private outboxBytes = 0;

  constructor(
    readonly stream: Stream,
    readonly peerId: string,
    private readonly peerBytes: Uint8Array,
    private readonly channel: DirectChannel,
  ) {
    stream.maxReadBufferLength = READ_BUFFER_BYTES;
    stream.addEventListener('message', (evt) => {
      const data = evt.data;
      this.onData(data instanceof Uint8Array ? data : data.subarray());
    });
    stream.addEventListener('close', () => {
      this.closed = true;
      channel.forget(this);
    });
    // The remote closed its end: close ours too, or the stream lingers half-open and counts
    // against maxInboundStreams.
    stream.addEventListener('remoteCloseWrite', () => {
      void stream.close().catch(() => stream.abort(new Error('close failed')));
    });
  }

  get open(): boolean {
    return !this.closed && this.stream.writeStatus === 'writable';
  }

  /** Queues a frame; frames queued in one synchronous cascade leave in one write. */
  write(payload: Uint8Array): boolean {
    if (!this.open) return false;
    if (this.stream.writeBufferLength + this.outboxBytes > WRITE_BUFFER_BYTES) {
      this.channel.log.warn(
        { peer: this.peerId, protocol: this.stream.protocol },
        'write buffer full; frame dropped',
      );
      return false;
    }
    const frame = encodeFrame(payload);
    this.outbox.push(frame);
    this.outboxBytes += frame.length;
    if (this.outbox.length === 1) queueMicrotask(() => this.flush());
    return true;
  }

  /**
   * Every frame through libp2p costs a yamux frame, a Noise encryption and a socket write
   * (~0.1 ms of CPU here); a poster answering several late bids from one worker, or a worker
   * bidding on several announcements that arrived together, pays that once.
   */
  private flush(): void {
    const frames = this.outbox;
    const bytes = this.outboxBytes;
    this.outbox = [];
    this.outboxBytes = 0;
    if (frames.length === 0 || !this.open) return;
    try {
      this.stream.send(frames.length === 1 ? (frames[0] as Uint8Array) : concat(frames, bytes));
    } catch (err) {
      this.channel.log.debug({ peer: this.peerId, frames: frames.length, err: describe(err) }, 'write failed');
    }
  }

  abort(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.stream.abort(new Error(reason));
  }

  private onData(chunk: Uint8Array): void {
    this.leftover = this.leftover ? concat([this.leftover, chunk]) : chunk;
    this.drain();
  }

  /** Parses and dispatches whole frames until the data runs out or too many are in flight. */
  private drain(): void {
    let buf = this.leftover;
    if (!buf) return;
    let pos = 0;
    while (!this.closed && this.inflight < MAX_INFLIGHT) {
      let len = 0;
      let shift = 0;
      let i = pos;
      let complete = false;
      for (; i < buf.length && i - pos < MAX_VARINT_BYTES; i++) {
        const b = buf[i] as number;
        len |= (b & 0x7f) << shift;
        shift += 7;
        if ((b & 0x80) === 0) {
          complete = true;
          i++;
          break;
        }
      }
      if (!complete) {
        if (i - pos >= MAX_VARINT_BYTES) return this.fatal(reject('OVERSIZED', 'length prefix too long'));
        break;
      }
      if (len > this.channel.deps.maxMessageBytes) {
        return this.fatal(reject('OVERSIZED', `${len} > ${this.channel.deps.maxMessageBytes} bytes`));
      }
      if (buf.length - i < len) break;
      const frame = buf.subarray(i, i + len);
      pos = i + len;
      this.dispatch(frame);
    }
    if (this.closed) {
      this.leftover = undefined;
      return;
    }
    buf = buf.subarray(pos);
    this.leftover = buf.length > 0 ? buf : undefined;
    if (this.inflight >= MAX_INFLIGHT) this.stream.pause();
  }

  private fatal(err: ReturnType<typeof reject>): void {
    this.channel.deps.penalties.report(this.peerId, err, this.stream.protocol, 'drop');
    this.leftover = undefined;
    this.abort(err.code);
  }

  private dispatch(bytes: Uint8Array): void {
    const { deps } = this.channel;
    if (deps.penalties.scores.score(this.peerId) <= MIN_SCORE_BEFORE_DISCONNECT) {
      // Already on its way out: do not spend another cycle on it.
      this.leftover = undefined;
      this.abort('peer score below disconnect threshold');
      deps.enforce(this.peerId, 'still sending below the disconnect score');
      return;
    }
    if (!deps.limiter.tryTake(this.peerId)) {
      deps.penalties.report(this.peerId, reject('RATE_LIMITED'), this.stream.protocol, 'drop');
      return;
    }
    let env: AdmittedEnvelope;
    try {
      env = admit(bytes, {
        maxBytes: deps.maxMessageBytes,
        kinds: this.channel.init.kinds,
        freshnessMs: deps.freshnessMs,
        replay: deps.replay,
        verifier: deps.verifier,
        expectedSigner: this.peerBytes,
      });
    } catch (err) {
      this.onHandlerError(err);
      return;
    }
    const frame: DirectFrame = { env, peerId: this.peerId, reply: (b) => this.write(b) };
    let result: void | Promise<void>;
    try {
      result = this.channel.init.onFrame(frame);
    } catch (err) {
      this.onHandlerError(err);
      return;
    }
    if (result && typeof (result as Promise<void>).then === 'function') {
      this.inflight++;
      (result as Promise<void>).then(
        () => this.settle(),
        (err: unknown) => {
          this.onHandlerError(err);
          this.settle();
        },
      );
    }
  }

  private settle(): void {
    this.inflight--;
    if (this.inflight < MAX_INFLIGHT && this.leftover) {
      this.drain();
      if (this.inflight < MAX_INFLIGHT && !this.closed) this.stream.resume();
    } else if (!this.closed && this.stream.readStatus === 'paused') {
      this.stream.resume();
    }
  }

  private onHandlerError(err: unknown): void {
    if (isValidationError(err)) {
      this.channel.deps.penalties.report(this.peerId, err, this.stream.protocol);
    } else {
      this.channel.log.error({ peer: this.peerId, err: describe(err) }, 'direct frame handler failed');
    }
  }
}

function concat(parts: Uint8Array[], length = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export class DirectChannel {
  private readonly outbound = new Map<string, Session>();
  private readonly opening = new Map<string, Promise<Session>>();
  private readonly sessions = new Set<Session>();
  readonly log: Logger;

  constructor(
    readonly init: DirectChannelInit,
    readonly deps: DirectDeps,
  ) {
    this.log = deps.log.child({ protocol: init.protocol });
  }

  async start(): Promise<void> {
    await this.deps
      .libp2p()
      .handle(this.init.protocol, (stream, connection) => this.accept(stream, connection), {
        maxInboundStreams: this.deps.maxInboundStreams,
        // One outbound session per peer suffices; a few spare cover a session being replaced.
        maxOutboundStreams: 4,
      });
  }

  async stop(): Promise<void> {
    await this.deps
      .libp2p()
      .unhandle(this.init.protocol)
      .catch(() => undefined);
    for (const s of this.sessions) s.abort('shutting down');
    this.sessions.clear();
    this.outbound.clear();
  }

  /** Sends on an open session without waiting; false when there is none yet. */
  trySend(peerId: string, payload: Uint8Array): boolean {
    const s = this.outbound.get(peerId);
    return s !== undefined && s.open && s.write(payload);
  }

  /** Sends, opening a session (and dialling) first if needed. `addrs` help reach a peer we never met. */
  async send(peer: PeerId, payload: Uint8Array, addrs: Multiaddr[] = []): Promise<void> {
    const id = peer.toString();
    if (this.trySend(id, payload)) return;
    const session = await this.openSession(peer, addrs);
    if (!session.write(payload)) throw new HostError('STREAM_FAILED', `could not write to ${id}`);
  }

  forget(session: Session): void {
    this.sessions.delete(session);
    if (this.outbound.get(session.peerId) === session) this.outbound.delete(session.peerId);
  }

  private openSession(peer: PeerId, addrs: Multiaddr[]): Promise<Session> {
    const id = peer.toString();
    let pending = this.opening.get(id);
    if (!pending) {
      pending = (async () => {
        const libp2p = this.deps.libp2p();
        if (addrs.length > 0 && libp2p.getConnections(peer).length === 0) {
          await libp2p.peerStore.merge(peer, { multiaddrs: addrs });
        }
        const stream = await libp2p.dialProtocol(peer, this.init.protocol, {
          signal: AbortSignal.timeout(10_000),
        });
        const session = new Session(stream, id, peer.toMultihash().bytes, this);
        this.sessions.add(session);
        this.outbound.set(id, session);
        return session;
      })().finally(() => this.opening.delete(id));
      this.opening.set(id, pending);
    }
    return pending;
  }

  private accept(stream: Stream, connection: Connection): void {
    const peer = connection.remotePeer;
    const session = new Session(stream, peer.toString(), peer.toMultihash().bytes, this);
    this.sessions.add(session);
  }
}
