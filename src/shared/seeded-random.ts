/**
 * mulberry32: a small, fast, seedable generator of numbers in [0, 1). Not for secrets; for what
 * must replay from a seed: the benches' workloads, advert noise in measurements, and the random
 * walks of tests (a failing seed is printed and replays).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
