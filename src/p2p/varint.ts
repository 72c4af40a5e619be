/**
 * Length prefixes as libp2p and protobuf write them: an unsigned LEB128 varint, then the bytes.
 * Division rather than bit shifts, so lengths past 2^32 (a transfer's blob sizes) encode too.
 */
export function varint(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** `payload` behind its varint length. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const head = varint(payload.length);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}
