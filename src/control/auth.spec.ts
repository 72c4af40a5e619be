import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../shared/config-error';
import { AuthFailureLimiter, normalizeAddress, readTokenFile, tokenMatches } from './auth';

describe('control token', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-token-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a 0600 token file, trimmed', async () => {
    const file = join(dir, 'ok');
    await writeFile(file, 'a'.repeat(32) + '\n', { mode: 0o600 });
    await expect(readTokenFile(file)).resolves.toBe('a'.repeat(32));
  });

  it('refuses a token file others can read, a short token and a missing file, saying what to run', async () => {
    const open = join(dir, 'open');
    await writeFile(open, 'b'.repeat(32));
    await chmod(open, 0o644);
    await expect(readTokenFile(open)).rejects.toThrow(/mode 644.*chmod 600/);
    const short = join(dir, 'short');
    await writeFile(short, 'abc', { mode: 0o600 });
    await expect(readTokenFile(short)).rejects.toThrow(/shorter than 16.*openssl rand/);
    await expect(readTokenFile(join(dir, 'none'))).rejects.toBeInstanceOf(ConfigError);
  });

  it('compares tokens whatever their lengths and types', () => {
    const t = 'c'.repeat(40);
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t, t + 'x')).toBe(false);
    expect(tokenMatches(t, '')).toBe(false);
    expect(tokenMatches(t, 42)).toBe(false);
    expect(tokenMatches(t, undefined)).toBe(false);
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('::1')).toBe('::1');
    expect(normalizeAddress(undefined)).toBe('unknown');
  });
});

describe('AuthFailureLimiter', () => {
  it('locks an address after max failures in the window, until the oldest leaves it', () => {
    const l = new AuthFailureLimiter(3, 1000);
    l.fail('a', 0);
    l.fail('a', 100);
    expect(l.retryAfterMs('a', 200)).toBe(0);
    l.fail('a', 200);
    expect(l.retryAfterMs('a', 300)).toBe(700);
    expect(l.retryAfterMs('b', 300)).toBe(0);
    expect(l.retryAfterMs('a', 1000)).toBe(0);
  });

  it('forgets the oldest addresses past its bound', () => {
    const l = new AuthFailureLimiter(1, 60_000, 100);
    for (let i = 0; i < 250; i++) l.fail(`10.0.${i >> 8}.${i & 255}`, 1);
    expect(l.size).toBe(100);
    expect(l.retryAfterMs('10.0.0.249', 2)).toBeGreaterThan(0);
    expect(l.retryAfterMs('10.0.0.0', 2)).toBe(0);
  });
});
