import { Colocation } from './colocation';
import { PeerScoreStore } from './peer-score';

describe('colocation penalty weighed by behaviour', () => {
  const setup = (whitelist: string[] = []) => {
    let t = 0;
    const scores = new PeerScoreStore({ now: () => t });
    const colo = new Colocation(
      { threshold: 2, weight: -20, provenAfterMs: 10_000, whitelist: new Set(whitelist), now: () => t },
      scores,
    );
    return { colo, scores, advance: (ms: number) => (t += ms) };
  };
  const crowd = (ip: string, ids: string[]) => ids.map((peerId) => ({ peerId, ip }));

  test('unproven peers beyond the threshold pay; a peer that delivered a valid message does not', () => {
    const { colo } = setup();
    colo.deliveredValid('honest');
    colo.refresh(crowd('10.0.0.1', ['honest', 'a', 'b', 'c', 'd']));
    expect(colo.probationCount('10.0.0.1')).toBe(4);
    expect(colo.penalty('a')).toBe(-20 * 2 * 2);
    expect(colo.penalty('honest')).toBe(0);
  });

  test('a misbehaving peer loses its proven standing', () => {
    const { colo, scores } = setup();
    colo.deliveredValid('x');
    scores.apply('x', 'low', 'test');
    colo.refresh(crowd('10.0.0.1', ['x', 'a', 'b']));
    expect(colo.proven('x')).toBe(false);
    expect(colo.penalty('x')).toBe(-20);
  });

  test('only connected peers count; long-connected clean peers and whitelisted addresses are proven', () => {
    const { colo, advance } = setup(['10.0.0.9']);
    colo.refresh(crowd('10.0.0.1', ['a', 'b', 'c', 'd']));
    expect(colo.penalty('a')).toBeLessThan(0);
    colo.refresh(crowd('10.0.0.1', ['a', 'b']));
    expect(colo.penalty('a')).toBe(0);
    advance(10_000);
    colo.refresh(crowd('10.0.0.1', ['a', 'b', 'c', 'd', 'e']));
    expect(colo.proven('a')).toBe(true);
    expect(colo.probationCount('10.0.0.1')).toBe(3);
    colo.refresh(crowd('10.0.0.9', ['p', 'q', 'r', 's']));
    expect(colo.penalty('p')).toBe(0);
  });
});
