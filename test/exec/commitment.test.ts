/**
 * The result commitment and manifest hash shared with the contracts, against vectors computed
 * here with node:crypto and hex arithmetic (not by calling the implementation twice).
 */
import { createHash } from 'node:crypto';
import { FELT250_MASK, manifestHash, resultCommitment } from '../../src/shared/commitment';
import { feltHex } from '../../src/shared/felt';

const STARK_PRIME = 2n ** 251n + 17n * 2n ** 192n + 1n;

/** sha256 with the top 6 bits cleared, done on the hex digest's first byte. */
function expected250(bytes: Buffer): bigint {
  const hex = createHash('sha256').update(bytes).digest('hex');
  const first = (parseInt(hex.slice(0, 2), 16) & 0x03).toString(16).padStart(2, '0');
  return BigInt(`0x${first}${hex.slice(2)}`);
}

describe('resultCommitment', () => {
  const vectors: [bigint, string][] = [
    [0n, ''],
    [1n, 'hello'],
    [42n, '{"y":"7"}'],
    [2n ** 64n - 1n, 'max job id'],
    [0x0102030405060708n, '\u0000\u00ff binary'],
  ];

  it.each(vectors)('job %p, output %p: sha256(u64be(job) || output) truncated to 250 bits', (jobId, text) => {
    const id = Buffer.from(jobId.toString(16).padStart(16, '0'), 'hex');
    const output = Buffer.from(text, 'utf8');
    const c = resultCommitment(jobId, output);
    expect(c).toBe(expected250(Buffer.concat([id, output])));
    expect(c).toBeLessThan(2n ** 250n);
    expect(c).toBeLessThan(STARK_PRIME);
    expect(c).toBeGreaterThan(0n);
  });

  // Literal felts, computed outside Node (coreutils sha256sum, top 6 bits cleared by hand), so the
  // convention itself is pinned: the contracts' tooling and any other client must reproduce these.
  it.each([
    [1n, 'hello', '0x3bfecd049525745d9b30d5363e4ebc730225eaf3686f9cddd5c7e35319b18cf'],
    [42n, '{"y":"7"}', '0x33a2ad5540f64b18247dcd9ffc6861afce2fc418869936cb89d93112afed7b1'],
    [0n, '', '0x35570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc'],
  ])('pinned vector: job %p, output %p commits to %s', (jobId, text, felt) => {
    expect(feltHex(resultCommitment(jobId, new TextEncoder().encode(text)))).toBe(felt);
  });

  it('binds the job id: the same output under two jobs commits differently', () => {
    const out = new TextEncoder().encode('same output');
    expect(resultCommitment(1n, out)).not.toBe(resultCommitment(2n, out));
  });

  it('refuses a job id that is not a u64', () => {
    expect(() => resultCommitment(-1n, new Uint8Array())).toThrow(/u64/);
    expect(() => resultCommitment(2n ** 64n, new Uint8Array())).toThrow(/u64/);
  });
});

describe('manifestHash', () => {
  it.each(['', 'version: 1\nname: x\n', '{"version":1}'])(
    'is sha256 truncated to 250 bits for %p',
    (text) => {
      const bytes = Buffer.from(text);
      expect(manifestHash(bytes)).toBe(expected250(bytes));
    },
  );

  it('uses a 250-bit mask', () => {
    expect(FELT250_MASK).toBe(2n ** 250n - 1n);
  });
});
