/** How the bench's nodes are joined: a seeded random graph, so every run dials the same edges. */

/** A random graph: every node dials `degree` distinct earlier nodes (the first few dial each other). */
export function randomEdges(n: number, degree: number, rand: () => number): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (let i = 1; i < n; i++) {
    const targets = new Set<number>();
    while (targets.size < Math.min(degree, i)) targets.add(Math.floor(rand() * i));
    for (const t of targets) edges.push([i, t]);
  }
  return edges;
}

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
