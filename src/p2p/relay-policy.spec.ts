import { judgeReservation } from './relay-policy';

const opts = (over: Partial<Parameters<typeof judgeReservation>[2]> = {}) => ({
  maxPerIp: 2,
  refused: () => false,
  score: () => 0,
  ...over,
});

describe('relay reservation policy', () => {
  const holders = [
    { peerId: 'a', ip: '1.1.1.1' },
    { peerId: 'b', ip: '1.1.1.1' },
    { peerId: 'c', ip: '2.2.2.2' },
  ];

  test('accepts a newcomer from an address below its share', () => {
    expect(judgeReservation({ peerId: 'd', ip: '2.2.2.2' }, holders, opts())).toBe('accept');
    expect(judgeReservation({ peerId: 'd', ip: '3.3.3.3' }, [], opts())).toBe('accept');
  });

  test('refuses a further identity from an address that holds its share, but lets a holder renew', () => {
    expect(judgeReservation({ peerId: 'd', ip: '1.1.1.1' }, holders, opts())).toBe('ip-full');
    expect(judgeReservation({ peerId: 'a', ip: '1.1.1.1' }, holders, opts())).toBe('accept');
  });

  test('refuses a banned peer or one with a negative score, whatever its address', () => {
    expect(judgeReservation({ peerId: 'd', ip: '9.9.9.9' }, holders, opts({ refused: (p) => p === 'd' }))).toBe(
      'refused-peer',
    );
    expect(judgeReservation({ peerId: 'a', ip: '1.1.1.1' }, holders, opts({ score: () => -0.5 }))).toBe('refused-peer');
  });
});
