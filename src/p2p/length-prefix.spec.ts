/** @jest-environment ./test/support/esm-environment.cjs */
import { loadEsm } from './esm';
import { emptyAware, installEmptyAwareLengthPrefix } from './length-prefix';

describe('empty-aware length prefixes', () => {
  it('throws one error for every empty buffer, the one the wrapped decoder threw first', () => {
    let calls = 0;
    const decode = (data: unknown): number => {
      calls++;
      if ((data as Uint8Array).byteLength < 2) throw new RangeError(`short ${calls}`);
      return 7;
    };
    const wrapped = emptyAware(decode);
    const errors = [0, 1, 2].map(() => {
      try {
        wrapped(new Uint8Array(0));
      } catch (err) {
        return err;
      }
      return undefined;
    });
    expect(errors[0]).toBeInstanceOf(RangeError);
    expect(errors[1]).toBe(errors[0]);
    expect(errors[2]).toBe(errors[0]);
    expect(calls).toBe(1);
    // A partial prefix and a whole one still go to the original decoder.
    expect(() => wrapped(new Uint8Array(1))).toThrow('short 2');
    expect(wrapped(new Uint8Array(2))).toBe(7);
    expect(emptyAware(wrapped)).toBe(wrapped);
  });

  it('frames as before once installed: several in one chunk, split across chunks, too long refused', async () => {
    const { utils } = await loadEsm();
    installEmptyAwareLengthPrefix(utils);
    // The library's own varint prefixes: its RangeError, thrown in its realm, is what the loop expects.
    const decoder = new utils.LengthPrefixedDecoder({ maxDataLength: 1000 });
    const frame = (text: string) => {
      const body = new TextEncoder().encode(text);
      const head = body.length < 0x80 ? [body.length] : [(body.length & 0x7f) | 0x80, body.length >> 7];
      return Uint8Array.from([...head, ...body]);
    };
    const read = (bytes: Uint8Array) => [...decoder.decode(bytes)].map((b) => new TextDecoder().decode(b.subarray()));
    expect(read(Uint8Array.from([...frame('first'), ...frame('second')]))).toEqual(['first', 'second']);
    const long = 'x'.repeat(300);
    const third = frame(long);
    expect(read(third.subarray(0, 1))).toEqual([]);
    expect(read(third.subarray(1, 6))).toEqual([]);
    expect(read(third.subarray(6))).toEqual([long]);
    expect(read(new Uint8Array(0))).toEqual([]);
    expect(read(frame('after an empty chunk'))).toEqual(['after an empty chunk']);
    expect(() => read(frame('y'.repeat(1001)))).toThrow(/Invalid message length/);
  });
});
