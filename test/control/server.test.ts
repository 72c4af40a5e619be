/**
 * The control channel on a real Unix socket: what a hostile or careless local client can do to
 * it (malformed lines, an endless line, too many requests or connections, leaving mid-stream) and
 * what it does with the socket file (mode 0600, a directory others may write, a stale file, a
 * live node already there).
 */
import { spawn } from 'node:child_process';
import { getEventListeners, once } from 'node:events';
import { chmod, lstat, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { ControlClient, ControlClientError, ControlRemoteError } from '../../src/control/client';
import { ControlError } from '../../src/control/protocol';
import type { ControlServer } from '../../src/control/server';
import { ConfigError } from '../../src/shared/config-error';
import { RawClient, listening, makeServer, tempDir, waitUntil } from './support';

/** A handler that streams an event every 5 ms until it is aborted, and records what it saw. */
function streamer(server: ControlServer, name: string) {
  const seen = { started: 0, aborted: [] as unknown[], signals: [] as AbortSignal[], timersLeft: 0 };
  server.register(name, z.object({}), (_p, ctx) => {
    seen.started++;
    seen.signals.push(ctx.signal);
    return new Promise((_resolve, reject) => {
      let n = 0;
      seen.timersLeft++;
      const timer = setInterval(() => ctx.notify({ n: n++ }), 5);
      ctx.signal.addEventListener(
        'abort',
        () => {
          clearInterval(timer);
          seen.timersLeft--;
          seen.aborted.push(ctx.signal.reason);
          reject(ctx.signal.reason);
        },
        { once: true },
      );
    });
  });
  return seen;
}

describe('control channel on a Unix socket', () => {
  let dir: string;
  let server: ControlServer;

  beforeAll(async () => {
    dir = await tempDir();
    server = await makeServer(dir, {
      maxConcurrentPerConnection: 4,
      maxConnections: 150,
      maxLineBytes: 4096,
    });
    server.register('test.echo', z.object({ say: z.string().max(100) }), async (p) => ({
      said: p.say,
      big: 10n ** 30n,
    }));
    server.register('test.fail', z.object({}), async () => {
      throw new ControlError(
        'UNKNOWN_JOB',
        'no job 0x7 on this market; `cairn job list` shows the known ones',
        { id: '0x7' },
      );
    });
    server.register('test.crash', z.object({}), async () => {
      throw new TypeError('boom');
    });
    await server.listen();
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates its socket with mode 0600 in the data dir', async () => {
    const info = await lstat(join(dir, 'control.sock'));
    expect(info.isSocket()).toBe(true);
    expect(info.mode & 0o777).toBe(0o600);
    expect(server.socketPath).toBe(join(dir, 'control.sock'));
    // The temporary directory it was bound in is gone.
    expect(await readdir(dir)).toEqual(['control.sock']);
  });

  it('answers a call, with bigints as decimal strings, and application errors with their data.code', async () => {
    const c = await ControlClient.connect({ socketPath: server.socketPath });
    await expect(c.call('test.echo', { say: 'hi' })).resolves.toEqual({
      said: 'hi',
      big: '1000000000000000000000000000000',
    });
    const err = (await c.call('test.fail').catch((e: unknown) => e)) as ControlRemoteError;
    expect(err).toBeInstanceOf(ControlRemoteError);
    expect(err.code).toBe('UNKNOWN_JOB');
    expect(err.rpcCode).toBe(-32000);
    expect(err.data.id).toBe('0x7');
    const crash = (await c.call('test.crash').catch((e: unknown) => e)) as ControlRemoteError;
    expect([crash.rpcCode, crash.code, crash.message]).toEqual([
      -32603,
      'INTERNAL',
      'test.crash failed inside the node: boom',
    ]);
    const bad = (await c.call('test.echo', { say: 5 }).catch((e: unknown) => e)) as ControlRemoteError;
    expect([bad.rpcCode, bad.code]).toEqual([-32602, 'INVALID_PARAMS']);
    expect(bad.message).toMatch(/say: .*string/);
    const unknown = (await c.call('test.nope').catch((e: unknown) => e)) as ControlRemoteError;
    expect(unknown.rpcCode).toBe(-32601);
    expect(unknown.message).toContain('test.echo');
    c.close();
  });

  it('answers each of 1,000 malformed lines with an error, and keeps serving', async () => {
    const raw = await RawClient.open(server.socketPath);
    const kinds = [
      (i: number) => `not json ${i}`,
      (i: number) => `{"jsonrpc":"2.0","id":${i},"method":`,
      (i: number) => `[{"jsonrpc":"2.0","id":${i},"method":"test.echo"}]`,
      (i: number) => `{"jsonrpc":"1.0","id":${i},"method":"test.echo"}`,
      (i: number) => `{"jsonrpc":"2.0","id":${i}}`,
      (i: number) => `{"jsonrpc":"2.0","id":${i},"method":"test.echo","params":"x"}`,
      (i: number) => `${i}`,
      (i: number) => `"\u0000\u00ff ${i}"`,
      (i: number) => `{"jsonrpc":"2.0","id":{"n":${i}},"method":"test.echo"}`,
      (i: number) => `\u00e9\u00e8{{{ ${i}`,
    ];
    for (let i = 0; i < 1000; i++) raw.send(kinds[i % kinds.length]!(i));
    raw.request('last', 'test.echo', { say: 'still here' });
    const msgs = await raw.waitFor(1001);
    expect(msgs.filter((m) => m.error)).toHaveLength(1000);
    const codes = new Set(msgs.filter((m) => m.error).map((m) => m.error!.code));
    expect([...codes].sort()).toEqual([-32700, -32600].sort());
    expect(msgs[1000]).toMatchObject({ id: 'last', result: { said: 'still here' } });
    raw.close();
    const fresh = await ControlClient.connect({ socketPath: server.socketPath });
    await expect(fresh.call('test.echo', { say: 'new client' })).resolves.toMatchObject({
      said: 'new client',
    });
    fresh.close();
  });

  it('closes a connection whose line grows past the cap, after saying why', async () => {
    const raw = await RawClient.open(server.socketPath);
    raw.send('{"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"say":"' + 'x'.repeat(5000));
    await raw.closed;
    expect(raw.messages).toEqual([
      expect.objectContaining({
        id: null,
        error: expect.objectContaining({ code: -32600, data: { code: 'LINE_TOO_LONG', maxLineBytes: 4096 } }),
      }),
    ]);
  });

  it('closes for good a refused client that keeps its side open', async () => {
    const before = Date.now();
    const s = connect({ path: server.socketPath, allowHalfOpen: true });
    s.on('error', () => undefined);
    s.resume();
    await once(s, 'connect');
    s.write('y'.repeat(5000));
    await once(s, 'end'); // the server has answered and half-closed
    // Keeps writing: once the server has closed its end for good, a write fails and the socket closes.
    const closed = new Promise((resolve) => s.once('close', resolve));
    const talk = setInterval(() => s.write('still talking\n'), 50);
    try {
      await closed;
    } finally {
      clearInterval(talk);
    }
    expect(Date.now() - before).toBeLessThan(5000);
  });

  it('streams progress tied to the request id, and a $/cancel aborts the handler and answers CANCELLED', async () => {
    const seen = streamer(server, 'test.cancelled');
    const c = await ControlClient.connect({ socketPath: server.socketPath });
    const stream = c.stream('test.cancelled');
    const events: unknown[] = [];
    let err: unknown;
    try {
      for await (const e of stream) {
        events.push(e);
        if (events.length === 3) stream.cancel();
      }
    } catch (e) {
      err = e;
    }
    expect(events.slice(0, 3)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(err).toBeInstanceOf(ControlRemoteError);
    expect((err as ControlRemoteError).code).toBe('CANCELLED');
    await waitUntil(() => seen.aborted.length === 1, 'the handler to see the abort');
    expect((seen.aborted[0] as ControlError).code).toBe('CANCELLED');
    // The connection is still good after a cancel.
    await expect(c.call('test.echo', { say: 'after' })).resolves.toMatchObject({ said: 'after' });
    c.close();
  });

  it('cancels the request on the node when the caller leaves the event loop early', async () => {
    const seen = streamer(server, 'test.left');
    const c = await ControlClient.connect({ socketPath: server.socketPath });
    const stream = c.stream('test.left');
    let got = 0;
    for await (const _e of stream) {
      if (++got === 2) break;
    }
    await expect(stream.result).rejects.toMatchObject({ code: 'CANCELLED' });
    await waitUntil(() => seen.aborted.length === 1, 'the handler to see the abort');
    expect(seen.timersLeft).toBe(0);
    c.close();
  });

  it('leaks nothing when a client disconnects mid-stream: the handler is aborted, no listener or request is left', async () => {
    const seen = streamer(server, 'test.abandoned');
    const raw = await RawClient.open(server.socketPath);
    raw.request(1, 'test.abandoned');
    await raw.waitFor(5);
    expect(raw.messages[0]).toEqual({
      jsonrpc: '2.0',
      method: 'progress',
      params: { id: 1, event: { n: 0 } },
    });
    expect(server.stats()).toEqual({ connections: 1, inflight: 1 });
    raw.close();
    await waitUntil(() => server.stats().connections === 0, 'the connection to be released');
    expect(server.stats()).toEqual({ connections: 0, inflight: 0 });
    expect((seen.aborted[0] as ControlError).code).toBe('DISCONNECTED');
    expect(seen.timersLeft).toBe(0);
    expect(getEventListeners(seen.signals[0]!, 'abort')).toHaveLength(0);
  });

  it('answers BUSY past the per-connection limit, and a request id in use as DUPLICATE_ID', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    server.register('test.wait', z.object({}), async () => {
      await gate;
      return 'done';
    });
    const raw = await RawClient.open(server.socketPath);
    for (let i = 0; i < 4; i++) raw.request(i, 'test.wait');
    raw.request(2, 'test.wait');
    raw.request(9, 'test.wait');
    await raw.waitFor(2);
    expect(raw.messages.map((m) => [m.id, m.error?.data.code])).toEqual([
      [2, 'DUPLICATE_ID'],
      [9, 'BUSY'],
    ]);
    expect(raw.messages[1]!.error!.message).toMatch(/4 requests already in flight/);
    release();
    await raw.waitFor(6);
    expect(raw.messages.slice(2).map((m) => m.result)).toEqual(['done', 'done', 'done', 'done']);
    raw.close();
  });

  it('serves 100 clients at once', async () => {
    let waiting = 0;
    let peak = 0;
    let open!: () => void;
    const all = new Promise<void>((r) => (open = r));
    server.register('test.barrier', z.object({ i: z.number() }), async ({ i }) => {
      waiting++;
      peak = Math.max(peak, waiting);
      if (waiting === 100) open();
      // All 100 handlers are held until the 100th arrives: they ran concurrently or this times out.
      await all;
      return i;
    });
    const clients = await Promise.all(
      Array.from({ length: 100 }, () => ControlClient.connect({ socketPath: server.socketPath })),
    );
    const results = await Promise.all(clients.map((c, i) => c.call('test.barrier', { i })));
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(peak).toBe(100);
    clients.forEach((c) => c.close());
    await waitUntil(() => server.stats().connections === 0, 'all clients to be released');
  });

  it('answers what is in flight SHUTTING_DOWN when it closes, aborts the handlers and removes its socket', async () => {
    const d = await tempDir();
    const own = await listening(d);
    const seen = streamer(own, 'test.long');
    const c = await ControlClient.connect({ socketPath: own.socketPath });
    const pending = c.call('test.long');
    await waitUntil(() => seen.started === 1, 'the handler to start');
    await own.close();
    await expect(pending).rejects.toMatchObject({ code: 'SHUTTING_DOWN', rpcCode: -32002 });
    expect((seen.aborted[0] as ControlError).code).toBe('SHUTTING_DOWN');
    expect(own.stats()).toEqual({ connections: 0, inflight: 0 });
    expect(await readdir(d)).toEqual([]);
    c.close();
    await rm(d, { recursive: true, force: true });
  });

  it('refuses connections past maxConnections with a reason', async () => {
    const d = await tempDir();
    const small = await listening(d, { maxConnections: 2 });
    const a = await RawClient.open(small.socketPath);
    const b = await RawClient.open(small.socketPath);
    await waitUntil(() => small.stats().connections === 2, 'two connections');
    const c = await RawClient.open(small.socketPath);
    await c.closed;
    expect(c.messages[0]?.error?.data.code).toBe('TOO_MANY_CONNECTIONS');
    a.close();
    b.close();
    await small.close();
    await rm(d, { recursive: true, force: true });
  });
});

describe('the socket file', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const dir = async () => {
    const d = await tempDir();
    dirs.push(d);
    return d;
  };

  it('refuses a data dir that group or others may write, saying how to fix it', async () => {
    const d = await dir();
    await chmod(d, 0o777);
    const s = await makeServer(d);
    const err = (await s.listen().catch((e: unknown) => e)) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/writable by group and others \(mode 777\).*chmod go-w/);
    await chmod(d, 0o775);
    await expect(s.listen()).rejects.toThrow(/writable by group \(mode 775\)/);
    expect(s.listening).toBe(false);
  });

  it('creates a missing data dir 0700', async () => {
    const d = join(await dir(), 'fresh');
    const s = await listening(d);
    expect((await stat(d)).mode & 0o777).toBe(0o700);
    await s.close();
  });

  it('replaces a stale socket from a killed node, and refuses to start while another answers', async () => {
    const d = await dir();
    const path = join(d, 'control.sock');
    // What a SIGKILLed node leaves: its socket file, with nobody listening on it.
    const killed = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`,
    ]);
    await once(killed.stdout, 'data');
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    expect((await lstat(path)).isSocket()).toBe(true);

    const first = await listening(d);
    const c = await ControlClient.connect({ socketPath: path });
    await expect(c.call('node.nothing').catch((e: ControlRemoteError) => e.code)).resolves.toBe(
      'UNKNOWN_METHOD',
    );
    c.close();

    const second = await makeServer(d);
    await expect(second.listen()).rejects.toThrow(/another node is running with this data dir/);
    await first.close();
    await expect(lstat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a path that is not a socket rather than delete it', async () => {
    const d = await dir();
    await writeFile(join(d, 'control.sock'), 'a file');
    await expect((await makeServer(d)).listen()).rejects.toThrow(/exists and is not a socket/);
  });

  it('tells a client there is no node, and how to start one', async () => {
    const d = await dir();
    const err = (await ControlClient.connect({ socketPath: join(d, 'control.sock') }).catch(
      (e: unknown) => e,
    )) as ControlClientError;
    expect(err.kind).toBe('not-running');
    expect(err.message).toMatch(/cairn node start.*npm start/);
  });

  it('refuses a socket path longer than Unix allows', async () => {
    const d = join(await dir(), 'x'.repeat(100));
    await mkdir(d, { mode: 0o700 });
    await expect((await makeServer(d)).listen()).rejects.toThrow(/longer than a Unix socket path may be/);
  });
});
