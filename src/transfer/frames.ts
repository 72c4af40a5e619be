/**
 * Length-prefixed frames on a transfer stream: an unsigned varint length, then that many bytes.
 * The reader is pushed whatever the stream delivers and hands each frame's bytes on as they
 * arrive, so a 64 KiB chunk is copied once, into its blob, and never assembled first. The
 * length is checked against the caller's cap before any of the frame is read: an oversized or
 * never-ending prefix stops the reader, it does not grow a buffer.
 */

import { encodeFrame, varint as varintBytes } from '../p2p/varint';

/** Longest varint accepted: 6 bytes cover 2^42, above every cap the config allows. */
const MAX_VARINT_BYTES = 6;

export { encodeFrame };

/** A varint length prefix as bytes. */
export function varint(n: number): Uint8Array {
  return Uint8Array.from(varintBytes(n));
}

export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

export interface FrameSink {
  /** The largest frame acceptable now (the reader's state decides: a header, a chunk). */
  maxFrameBytes(): number;
  /** A frame of `length` bytes begins; throw to refuse it. */
  start(length: number): void;
  /** Some of the current frame's bytes, in order; the view is only valid during the call. */
  data(bytes: Uint8Array): void;
  /** The current frame is complete. */
  end(): void;
}

export class FrameReader {
  private prefix = 0;
  private prefixBytes = 0;
  private remaining = -1;
  private failed?: FrameError;

  constructor(private readonly sink: FrameSink) {}

  /** True between frames: nothing of a frame or its prefix is pending. */
  get idle(): boolean {
    return this.remaining < 0 && this.prefixBytes === 0;
  }

  /** Feeds bytes; throws FrameError (and stays failed) on a bad prefix or a frame over the cap. */
  push(chunk: Uint8Array): void {
    if (this.failed) throw this.failed;
    let pos = 0;
    while (pos < chunk.length) {
      if (this.remaining < 0) {
        const b = chunk[pos++] as number;
        this.prefix += (b & 0x7f) * 2 ** (7 * this.prefixBytes);
        this.prefixBytes++;
        if (b & 0x80) {
          if (this.prefixBytes >= MAX_VARINT_BYTES) throw this.fail('length prefix too long');
          continue;
        }
        const length = this.prefix;
        this.prefix = 0;
        this.prefixBytes = 0;
        const max = this.sink.maxFrameBytes();
        if (length > max) throw this.fail(`frame of ${length} bytes is over the cap of ${max}`);
        this.remaining = length;
        this.sink.start(length);
        if (length === 0) this.finish();
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - pos);
      this.sink.data(chunk.subarray(pos, pos + take));
      pos += take;
      this.remaining -= take;
      if (this.remaining === 0) this.finish();
    }
  }

  private finish(): void {
    this.remaining = -1;
    this.sink.end();
  }

  private fail(message: string): FrameError {
    this.failed = new FrameError(message);
    return this.failed;
  }
}

/** Collects one small frame (an envelope) into a buffer of its exact size. */
export class FrameCollector {
  private buf?: Uint8Array;
  private at = 0;

  constructor(private readonly onFrame: (bytes: Uint8Array) => void) {}

  start(length: number): void {
    this.buf = new Uint8Array(length);
    this.at = 0;
  }

  data(bytes: Uint8Array): void {
    (this.buf as Uint8Array).set(bytes, this.at);
    this.at += bytes.length;
  }

  end(): void {
    const buf = this.buf as Uint8Array;
    this.buf = undefined;
    this.onFrame(buf);
  }
}
