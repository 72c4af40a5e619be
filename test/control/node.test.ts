/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * The control channel in a real node (startNode, the assembly src/main.ts runs): node.status and
 * node.ping over the socket, methods another room registers, one node per data dir, a data dir
 * others may write refused before anything starts, the socket removed on stop, and a second Unix
 * user kept out by the socket's mode.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, lstat, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type NodeConfigInput, parseConfig } from '../../src/config/config.schema';
import { ControlClient, ControlClientError } from '../../src/control/client';
import type { NodeStatus } from '../../src/control/node-methods';
import { DataDirInUseError } from '../../src/control/socket-file';
import { type CairnNode, startNode } from '../../src/node/start-node';
import { ConfigError } from '../../src/shared/config-error';
import { silent, tempDir } from './support';

function config(dataDir: string, over: NodeConfigInput = {}) {
  return parseConfig({
    network: 'control-test',
    dataDir,
    logLevel: 'warn',
    ...over,
    p2p: { lan: true, simulation: true, listen: ['/ip4/127.0.0.1/tcp/0'] },
    prover: { enabled: false },
  });
}

const WORKER = { address: '0x5ca1ab1e', cores: 1, memoryMb: 256, fuelPerSecond: 1000, pricePerFuel: 1 };

describe('the control channel in a node', () => {
  const dirs: string[] = [];
  const nodes: CairnNode[] = [];
  const dir = async () => {
    const d = await tempDir('cairn-node-ctl-');
    dirs.push(d);
    return d;
  };
  const start = async (dataDir: string, over: NodeConfigInput = {}) => {
    const node = await startNode({
      config: config(dataDir, over),
      log: silent,
      bidOnly: true,
      provide: false,
      advertise: false,
    });
    nodes.push(node);
    return node;
  };

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('answers node.status and node.ping on <dataDir>/control.sock', async () => {
    const d = await dir();
    const node = await start(d, { market: { worker: WORKER } });
    expect(node.control.socketPath).toBe(join(d, 'control.sock'));
    const c = await ControlClient.connect({ socketPath: join(d, 'control.sock') });
    const status = await c.call<NodeStatus>('node.status');
    const { version } = JSON.parse(await readFile(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(status).toMatchObject({
      peerId: node.peerId,
      roles: ['poster', 'worker'],
      workerAddress: '0x5ca1ab1e',
      network: 'control-test',
      dataDir: d,
      version,
      pid: process.pid,
      control: { socket: join(d, 'control.sock') },
    });
    expect(status.addrs[0]).toMatch(/^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\//);
    expect(status.uptimeMs).toBeGreaterThanOrEqual(0);
    expect(status.announcementListeners).toBe(0); // a node alone: nobody hears its jobs
    await expect(c.call('node.ping')).resolves.toMatchObject({ pong: true });
    await expect(c.call('node.status', { extra: 1 })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    c.close();
  });

  it('serves methods other rooms register on node.control, streaming their events', async () => {
    const node = await start(await dir());
    node.control.register('job.count', z.object({ to: z.number().int().max(10) }), async ({ to }, ctx) => {
      for (let i = 1; i <= to; i++) ctx.notify({ stage: 'counting', i });
      return { counted: to };
    });
    const c = await ControlClient.connect({ socketPath: node.control.socketPath });
    const events: unknown[] = [];
    await expect(c.call('job.count', { to: 3 }, { onEvent: (e) => events.push(e) })).resolves.toEqual({
      counted: 3,
    });
    expect(events).toEqual([1, 2, 3].map((i) => ({ stage: 'counting', i })));
    c.close();
  });

  it('runs one node per data dir: a second is refused before it starts anything', async () => {
    const d = await dir();
    await start(d);
    const err = await startNode({ config: config(d), log: silent }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirInUseError);
    expect((err as Error).message).toMatch(
      /^another node is running with this data dir: .*control\.sock answers/,
    );
  });

  it('refuses a data dir others may write', async () => {
    const d = await dir();
    await chmod(d, 0o757);
    const err = await startNode({ config: config(d), log: silent }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/writable by others \(mode 757\)/);
  });

  it('closes the channel and removes its socket when the node stops', async () => {
    const d = await dir();
    const node = await start(d);
    const c = await ControlClient.connect({ socketPath: node.control.socketPath });
    await node.stop();
    await expect(lstat(join(d, 'control.sock'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(c.call('node.ping')).rejects.toBeInstanceOf(ControlClientError);
    const err = (await ControlClient.connect({ socketPath: join(d, 'control.sock') }).catch(
      (e: unknown) => e,
    )) as ControlClientError;
    expect(err.kind).toBe('not-running');
  });

  it('keeps another Unix user out by the socket mode alone (run as root: the client runs as nobody)', async () => {
    const d = await dir();
    // 0755: anyone may enter the directory, so only the socket's own 0600 stands in the way.
    await chmod(d, 0o755);
    const node = await start(d);
    const path = node.control.socketPath;
    expect((await lstat(path)).mode & 0o777).toBe(0o600);
    if (process.getuid?.() !== 0) return; // switching users needs root; CI and this machine run as root
    const probe = `require('net').connect(${JSON.stringify(path)}).on('connect', () => { console.log('CONNECTED'); process.exit(0) }).on('error', (e) => { console.log(e.code); process.exit(0) })`;
    const child = spawn(process.execPath, ['-e', probe], { uid: 65534, gid: 65534 });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    await once(child, 'exit');
    expect(out.trim()).toBe('EACCES');
    // The same client as root gets in.
    const c = await ControlClient.connect({ socketPath: path });
    await expect(c.call('node.ping')).resolves.toMatchObject({ pong: true });
    c.close();
  });
});
