/**
 * The same kernel as kernel/assembly/sha256-chain.ts, in plain JavaScript (typed arrays, no
 * node:crypto), for the WASM-vs-JS comparison in the benchmark. Same algorithm, same structure.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

function compress(H: Uint32Array, W: Uint32Array, block: DataView, off: number): void {
  for (let t = 0; t < 16; t++) W[t] = block.getUint32(off + 4 * t, false);
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    W[t] = W[t - 16]! + s0 + W[t - 7]! + s1;
  }
  let a = H[0]!;
  let b = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[t]! + W[t]!) | 0;
    const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const maj = (a & b) ^ (a & c) ^ (b & c);
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + S0 + maj) | 0;
  }
  H[0]! += a;
  H[1]! += b;
  H[2]! += c;
  H[3]! += d;
  H[4]! += e;
  H[5]! += f;
  H[6]! += g;
  H[7]! += h;
}

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

function sha256(msg: Uint8Array, H: Uint32Array, W: Uint32Array, tail: Uint8Array, out: Uint8Array): void {
  H.set(IV);
  const view = new DataView(msg.buffer, msg.byteOffset, msg.byteLength);
  let off = 0;
  for (; msg.length - off >= 64; off += 64) compress(H, W, view, off);
  const rest = msg.length - off;
  tail.fill(0);
  tail.set(msg.subarray(off), 0);
  tail[rest] = 0x80;
  const blocks = rest < 56 ? 1 : 2;
  const tv = new DataView(tail.buffer);
  tv.setBigUint64(blocks * 64 - 8, BigInt(msg.length) * 8n, false);
  compress(H, W, tv, 0);
  if (blocks === 2) compress(H, W, tv, 64);
  const ov = new DataView(out.buffer, out.byteOffset, 32);
  for (let i = 0; i < 8; i++) ov.setUint32(4 * i, H[i]!, false);
}

/** sha256 applied n >= 1 times to seed, as lowercase hex. */
export function sha256ChainJs(seed: Uint8Array, n: number): string {
  const H = new Uint32Array(8);
  const W = new Uint32Array(64);
  const tail = new Uint8Array(128);
  const digest = new Uint8Array(32);
  sha256(seed, H, W, tail, digest);
  const buf = new Uint8Array(32);
  for (let i = 1; i < n; i++) {
    buf.set(digest);
    sha256(buf, H, W, tail, digest);
  }
  return Buffer.from(digest).toString('hex');
}
