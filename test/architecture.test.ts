/**
 * The shape of the code: no import cycle between files, and none between rooms (the first-level
 * folders of src/ and indexer/src/), so each room can be read, tested and replaced on its own.
 */
import { cycles, importGraph, roomGraph, roomOf } from '../scripts/checks/import-cycles';

describe('import structure', () => {
  const files = importGraph();

  it('reads the production tree', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(files.get('src/main.ts')).toContain('src/node/run-node.ts');
    expect(files.get('src/node/run-node.ts')).toContain('src/node/start-node.ts');
  });

  it('has no cycle between files', () => {
    expect(cycles(files)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(roomGraph(files))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const g = new Map([
      ['src/a/x.ts', new Set(['src/b/y.ts'])],
      ['src/b/y.ts', new Set(['src/a/z.ts'])],
      ['src/a/z.ts', new Set<string>()],
    ]);
    expect(cycles(g)).toEqual([]);
    expect(roomOf('src/a/x.ts')).toBe('src/a');
    expect(roomOf('src/main.ts')).toBe('src/main.ts');
    expect(cycles(roomGraph(g))).toEqual([['src/a', 'src/b']]);
  });

  it('keeps the executor free of any concrete prover, and the p2p layer free of chain and market', () => {
    const rooms = roomGraph(files);
    expect([...(rooms.get('src/executor') ?? [])]).not.toContain('src/prover');
    expect([...(rooms.get('src/p2p') ?? [])]).not.toEqual(expect.arrayContaining(['src/chain']));
    expect([...(rooms.get('src/p2p') ?? [])]).not.toEqual(expect.arrayContaining(['src/market']));
  });
});
