import { Serial } from './serial';

describe('Serial', () => {
  test('runs one key in order, never overlapping, and folds repeated requests', async () => {
    const serial = new Serial();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let running = 0;
    const task = (name: string, wait?: Promise<void>) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await wait;
      log.push(`end ${name}`);
      running--;
    };
    const a = serial.run('job', task('a', gate));
    expect(serial.run('job', task('folded'))).toBe(a); // a has not started: same work, asked twice
    await new Promise((r) => setImmediate(r)); // a is running now
    const b = serial.run('job', task('b'));
    const c = serial.run('job', task('c')); // folded into b, which has not started
    expect(c).toBe(b);
    release();
    await Promise.all([a, b, c]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  test('different keys run side by side; a failure does not block the key', async () => {
    const serial = new Serial();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = serial.run('x', () => gate);
    let other = false;
    await serial.run('y', async () => {
      other = true;
    });
    expect(other).toBe(true);
    release();
    await slow;
    await expect(serial.run('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    let after = false;
    await serial.run('x', async () => {
      after = true;
    });
    expect(after).toBe(true);
  });
});
