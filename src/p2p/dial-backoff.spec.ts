import { DialBackoff } from './dial-backoff';

describe('dial backoff', () => {
  test('failures double the wait (with jitter) up to the cap; success clears it', async () => {
    let t = 0;
    const backoff = new DialBackoff(
      1000,
      8000,
      () => t,
      () => 0.5,
    );
    const fail = () => backoff.run('p', () => Promise.reject(new Error('refused')));
    await expect(fail()).rejects.toThrow('refused');
    expect(() => backoff.check('p')).toThrow(/not redialling p for another 1000 ms/);
    t = 1000;
    await expect(fail()).rejects.toThrow('refused');
    t = 2999;
    expect(() => backoff.check('p')).toThrow();
    t = 3000;
    for (let i = 0; i < 5; i++) {
      await expect(fail()).rejects.toThrow('refused');
      t += 8000;
    }
    t -= 1;
    expect(() => backoff.check('p')).toThrow(/another 1 ms/);
    t += 1;
    await expect(backoff.run('p', () => Promise.resolve(7))).resolves.toBe(7);
    expect(() => backoff.check('p')).not.toThrow();
  });
});
