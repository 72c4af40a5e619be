/**
 * Remote use of the control channel over TCP: nothing but $/auth with the right token gets in,
 * and an address that keeps guessing is refused before its token is even compared.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ControlClient, ControlClientError } from '../../src/control/client';
import type { ControlServer } from '../../src/control/server';
import { RawClient, listening, tempDir } from './support';

const TOKEN = 'f'.repeat(20) + '0123456789abcdef';

describe('control channel over TCP', () => {
  let dir: string;
  let server: ControlServer;
  let port: number;

  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'token'), TOKEN + '\n', { mode: 0o600 });
    server = await listening(dir, {
      tcp: {
        host: '127.0.0.1',
        port: 0,
        tokenFile: join(dir, 'token'),
        maxAuthFailures: 3,
        authWindowMs: 60_000,
        authTimeoutMs: 300,
      },
    });
    port = server.tcpAddress()!.port;
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is off unless configured: a default server has no TCP listener', async () => {
    const d = await tempDir();
    const plain = await listening(d);
    expect(plain.tcpAddress()).toBeUndefined();
    await plain.close();
    await rm(d, { recursive: true, force: true });
  });

  it('serves a client with the right token', async () => {
    const c = await ControlClient.connect({ host: '127.0.0.1', port, token: TOKEN });
    await expect(c.call('node.ping')).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
    c.close();
  });

  it('refuses a request sent before $/auth, and closes', async () => {
    const raw = await RawClient.open({ port });
    raw.request(1, 'node.status');
    await raw.closed;
    expect(raw.messages[0]).toMatchObject({ id: 1, error: { code: -32001, data: { code: 'UNAUTHORIZED' } } });
    expect(raw.messages[0]!.error!.message).toContain('$/auth');
  });

  it('disconnects a client that never authenticates', async () => {
    const raw = await RawClient.open({ port });
    await raw.closed;
    expect(raw.messages[0]?.error?.message).toMatch(/no \$\/auth within 300 ms/);
  });

  it('refuses a wrong or missing token, then rate-limits the address, not others', async () => {
    const attempt = async (params: Record<string, unknown>, localAddress = '127.0.0.1') => {
      const raw = await RawClient.open({ port, localAddress });
      raw.request('a', '$/auth', params);
      await raw.closed;
      return raw.messages[0]!.error!;
    };
    expect((await attempt({ token: 'wrong-token-wrong-token' })).data.code).toBe('UNAUTHORIZED');
    expect((await attempt({})).data.code).toBe('UNAUTHORIZED');
    expect((await attempt({ token: TOKEN.slice(0, -1) })).data.code).toBe('UNAUTHORIZED');
    // Three failures in the window: even the right token is refused now, without being compared.
    const limited = await attempt({ token: TOKEN });
    expect(limited.data.code).toBe('RATE_LIMITED');
    expect(limited.data.retryAfterMs).toBeGreaterThan(50_000);
    expect(limited.message).toMatch(/try again in \d+ s/);
    // The client says so in words, and the CLI maps it to "permission".
    const err = (await ControlClient.connect({ host: '127.0.0.1', port, token: TOKEN }).catch(
      (e: unknown) => e,
    )) as ControlClientError;
    expect(err).toBeInstanceOf(ControlClientError);
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/too many failed authentications/);
    // Another address is not affected (the whole of 127/8 is loopback on Linux).
    const other = await RawClient.open({ port, localAddress: '127.0.0.2' });
    other.request('a', '$/auth', { token: TOKEN });
    other.request('b', 'node.status');
    await other.waitFor(2);
    expect(other.messages[0]).toMatchObject({ id: 'a', result: { authenticated: true } });
    expect(other.messages[1]).toMatchObject({ id: 'b', error: { data: { code: 'UNKNOWN_METHOD' } } });
    other.close();
  });
});
