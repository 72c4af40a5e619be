/**
 * Known answers for the examples, computed here independently of the WebAssembly (node:crypto
 * for SHA-256, plain JS for the rest), so a test compares two implementations, not one with
 * itself.
 */
import { createHash } from 'node:crypto';

export function sha256Chain(seed: string, rounds: number): string {
  let d = createHash('sha256').update(seed).digest();
  for (let i = 1; i < rounds; i++) d = createHash('sha256').update(d).digest();
  return d.toString('hex');
}

/** word count as the example defines it: lower-cased runs of ASCII letters and digits. */
export function wordCount(text: string): string {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Bytewise order; the words are ASCII, so code-unit order is byte order.
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([w, c]) => `${w} ${c}\n`)
    .join('');
}

export function fnv1a64(bytes: Uint8Array): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h;
}

export const BN254_R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** The circuit's function: n rounds of v -> (v + i)^2 mod r, i = 1..n. */
export function squareChain(x: bigint, rounds: number): bigint {
  let v = x % BN254_R;
  for (let i = 1; i <= rounds; i++) v = ((v + BigInt(i)) * (v + BigInt(i))) % BN254_R;
  return v;
}

/** Deterministic pseudo-English text from a small vocabulary, with case and punctuation noise. */
export function sampleText(words: number, seed = 1): string {
  const vocab = [
    'Cairn',
    'stark',
    'felt',
    'proof',
    'worker',
    'job',
    'escrow',
    'the',
    'a',
    'of',
    'WASM',
    'fuel',
    'x1',
    '42',
  ];
  let s = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const w = vocab[s % vocab.length]!;
    out.push(s & 0x100 ? w.toUpperCase() : w, s & 0x200 ? ', ' : s & 0x400 ? '.\n' : ' ');
  }
  return out.join('');
}
