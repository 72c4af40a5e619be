import { MIN_SCORE, MIN_SCORE_BEFORE_BAN, PeerScoreStore, scoreState } from './peer-score';

describe('peer score store', () => {
  test('penalties accumulate by grade and cross the thresholds', () => {
    // A frozen clock: no decay between penalties.
    const store = new PeerScoreStore({ now: () => 0 });
    expect(store.apply('p', 'low', 'x')).toBe(-10);
    expect(scoreState(store.apply('p', 'low', 'x'))).toBe('disconnect');
    for (let i = 0; i < 3; i++) store.apply('p', 'low', 'x');
    expect(scoreState(store.score('p'))).toBe('ban');
    expect(store.apply('q', 'fatal', 'x')).toBe(MIN_SCORE);
  });

  test('scores decay with the half-life', () => {
    let t = 0;
    const store = new PeerScoreStore({ now: () => t, halfLifeMs: 1000 });
    store.apply('p', 'fatal', 'x');
    t = 1000;
    expect(store.score('p')).toBeCloseTo(MIN_SCORE / 2);
    t = 100_000;
    expect(store.score('p')).toBe(0);
  });

  test('listeners hear every penalty; a full store forgets the least informative peer', () => {
    const store = new PeerScoreStore({ maxPeers: 2 });
    const heard: string[] = [];
    store.onPenalty((peer, score) => heard.push(`${peer}:${score}`));
    store.apply('a', 'high', 'x');
    store.apply('b', 'fatal', 'x');
    store.apply('c', 'low', 'x');
    expect(heard).toEqual(['a:-1', 'b:-100', 'c:-10']);
    expect(store.score('a')).toBe(0);
    expect(store.score('b')).toBeLessThanOrEqual(MIN_SCORE_BEFORE_BAN);
  });
});
