import { FrameError, FrameReader, encodeFrame, varint, type FrameSink } from './frames';

function collecting(max: number): { sink: FrameSink; frames: number[][]; starts: number[] } {
  const frames: number[][] = [];
  const starts: number[] = [];
  let cur: number[] = [];
  return {
    frames,
    starts,
    sink: {
      maxFrameBytes: () => max,
      start: (n) => {
        starts.push(n);
        cur = [];
      },
      data: (b) => cur.push(...b),
      end: () => frames.push(cur),
    },
  };
}

describe('FrameReader', () => {
  it('reads frames whose prefixes and bodies are split across pushes, one byte at a time', () => {
    const { sink, frames } = collecting(1 << 20);
    const reader = new FrameReader(sink);
    const body = Array.from({ length: 300 }, (_, i) => i % 256);
    const wire = [
      ...encodeFrame(Uint8Array.from(body)),
      ...encodeFrame(Uint8Array.of(7)),
      ...encodeFrame(new Uint8Array(0)),
    ];
    for (const b of wire) reader.push(Uint8Array.of(b));
    expect(frames).toEqual([body, [7], []]);
    expect(reader.idle).toBe(true);
  });

  it('refuses a frame over the cap at its prefix, before any of its bytes', () => {
    const { sink, starts } = collecting(1000);
    const reader = new FrameReader(sink);
    expect(() => reader.push(varint(1001))).toThrow(
      new FrameError('frame of 1001 bytes is over the cap of 1000'),
    );
    expect(starts).toEqual([]);
    // It stays failed.
    expect(() => reader.push(Uint8Array.of(1, 1))).toThrow(FrameError);
  });

  it('refuses a prefix that never ends', () => {
    const reader = new FrameReader(collecting(1 << 30).sink);
    expect(() => reader.push(new Uint8Array(6).fill(0x80))).toThrow('length prefix too long');
  });

  it('encodes lengths past 2^32 without bit-operator overflow', () => {
    const { sink, starts } = collecting(2 ** 41);
    new FrameReader(sink).push(varint(2 ** 40));
    expect(starts).toEqual([2 ** 40]);
  });
});
