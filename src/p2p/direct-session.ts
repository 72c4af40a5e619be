/**
 * One session stream of a direct protocol: frame parsing with the per-frame checks, bounded
 * in-flight handling, batched writes and the stream time limits described in direct.ts.
 */
import type { Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { admit, type AdmittedEnvelope } from './envelope';
import { reject } from './errors';
import { encodeFrame } from './varint';
import { describe, isValidationError } from './penalties';
import { MIN_SCORE_BEFORE_DISCONNECT } from './scoring/peer-score';
import { concatBytes } from '../shared/bytes';
import type { Logger } from '../shared/logging';
import type { DirectChannelInit, DirectDeps, DirectFrame } from './direct-types';

/** What a session needs from the channel that owns it (DirectChannel). */
export interface SessionOwner {
  readonly init: DirectChannelInit;
  readonly deps: DirectDeps;
  readonly log: Logger;
  forget(session: Session): void;
}

/** Frames of one stream being handled at once before reading pauses. */
const MAX_INFLIGHT = 32;
/** Unread bytes libp2p may hold for a paused session (default is 4 MiB per stream). */
const READ_BUFFER_BYTES = 256 * 1024;
const WRITE_BUFFER_BYTES = 1024 * 1024;
/** A varint of 3 bytes covers 2^21; every cap we allow is below that. */
const MAX_VARINT_BYTES = 3;

export { encodeFrame };

export class Session {
  private leftover: Uint8Array | undefined;
  private inflight = 0;
  private closed = false;
  /** Frames written in this synchronous cascade, sent together by flush(). */
  private outbox: Uint8Array[] = [];
  private outboxBytes = 0;
  private readonly openedMs = Date.now();
  private lastFrameMs = this.openedMs;
  private framesIn = 0;
  /** When the bytes now in `leftover` began arriving; undefined while no frame is partial. */
  private partialSinceMs: number | undefined;

  constructor(
    readonly stream: Stream,
    readonly peerId: string,
    private readonly peerBytes: Uint8Array,
    private readonly channel: SessionOwner,
    private readonly inbound: boolean,
  ) {
    stream.maxReadBufferLength = READ_BUFFER_BYTES;
    stream.addEventListener('message', (evt) => {
      const data = evt.data;
      this.onData(data instanceof Uint8Array ? data : data.subarray());
    });
    stream.addEventListener('close', (evt) => {
      this.closed = true;
      channel.forget(this);
      if (!evt.local && evt.error?.name === 'StreamResetError' && channel.deps.resets.overAllowance(peerId))
        channel.deps.penalties.report(
          peerId,
          reject('STREAM_RESET', stream.protocol),
          stream.protocol,
          'drop',
        );
    });
    // The remote closed its end: close ours too, or the stream lingers half-open and counts
    // against maxInboundStreams.
    stream.addEventListener('remoteCloseWrite', () => this.close('remote closed'));
  }

  /** Enforces the time limits; called by the channel's sweep. */
  check(now: number): void {
    if (this.closed) return;
    const limits = this.channel.deps.limits;
    const idleMs = this.channel.init.idleMs ?? limits.idleMs;
    if (this.inbound && this.framesIn === 0 && now - this.openedMs > limits.firstFrameMs)
      return this.timeout(`no frame within ${limits.firstFrameMs} ms of opening`);
    if (
      this.partialSinceMs !== undefined &&
      this.inflight === 0 &&
      now - this.partialSinceMs > limits.partialFrameMs
    )
      return this.timeout(`frame unfinished after ${limits.partialFrameMs} ms`);
    if (now - this.lastFrameMs > idleMs) this.close(`idle for ${idleMs} ms`);
  }

  private timeout(detail: string): void {
    this.channel.deps.penalties.report(
      this.peerId,
      reject('STREAM_TIMEOUT', detail),
      this.stream.protocol,
      'drop',
    );
    this.leftover = undefined;
    this.abort(detail);
  }

  /** Closes our side; a remote that does not close its own within closeMs is reset. */
  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.channel.forget(this);
    this.channel.log.debug({ peer: this.peerId, reason }, 'closing session');
    const signal = AbortSignal.timeout(this.channel.deps.limits.closeMs);
    void this.stream.close({ signal }).catch(() => this.stream.abort(new Error(`close: ${reason}`)));
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
    this.lastFrameMs = Date.now();
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
      this.stream.send(frames.length === 1 ? (frames[0] as Uint8Array) : concatBytes(frames, bytes));
    } catch (err) {
      this.channel.log.debug(
        { peer: this.peerId, frames: frames.length, err: describe(err) },
        'write failed',
      );
    }
  }

  abort(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.stream.abort(new Error(reason));
  }

  private onData(chunk: Uint8Array): void {
    this.leftover = this.leftover ? concatBytes([this.leftover, chunk]) : chunk;
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
    if (pos > 0 || buf.length === 0) this.partialSinceMs = buf.length > 0 ? Date.now() : undefined;
    else this.partialSinceMs ??= Date.now();
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
    this.framesIn++;
    this.lastFrameMs = Date.now();
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
    deps.onValidMessage(this.peerId);
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
