import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ControlConfigSchema } from '../config/config.schema';
import { ControlClient, ControlRemoteError } from '../control/client';
import { ControlServer } from '../control/server';
import { BlobStore } from '../executor/blob-store';
import { createLogger } from '../shared/logging';
import { registerGraphMethods } from './graph-methods';
import { PostRecorder } from './post-recorder.spec-support';
import { GraphScheduler } from './scheduler';

const log = createLogger('silent', 'test');

describe('graph methods on the control channel', () => {
  let dir: string;
  let server: ControlServer;
  let graphs: GraphScheduler;
  let client: ControlClient;
  let manifest: string;
  let blobFile: string;

  beforeAll(async () => {
    // /tmp keeps the socket path under the 107-byte limit.
    dir = mkdtempSync('/tmp/cairn-graph-ctl-');
    const blobs = new BlobStore(join(dir, 'blobs'));
    graphs = new GraphScheduler(new PostRecorder(), blobs, dir, log, { tickMs: 60_000 });
    graphs.start();
    server = new ControlServer({ config: ControlConfigSchema.parse({}), dataDir: dir, log });
    registerGraphMethods(server, graphs);
    await server.listen();
    client = await ControlClient.connect({ socketPath: server.socketPath });
    // Posted as a file; not run here (the job life is stood in for).
    const module = new TextEncoder().encode('\0asm stand-in');
    blobFile = join(dir, 'module.wasm');
    writeFileSync(blobFile, module);
    const moduleSha = new BlobStore().put(module);
    manifest = stringify({
      version: 1,
      name: 'one',
      tasklets: [{ id: 't', module: moduleSha, input: { text: 'x' } }],
      resources: { memoryPages: 1, fuel: 10, wallTimeMs: 10 },
      output: { format: 'bytes', maxBytes: 10 },
      priceCeiling: '10',
      verification: { mode: 'redundancy', k: 3 },
    });
  });

  afterAll(async () => {
    client?.close();
    graphs?.stop();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: unknown) => (e instanceof ControlRemoteError ? e.code : String(e)),
    );

  it('posts a graph and reports it', async () => {
    const { graphId } = await client.call<{ graphId: string }>('graph.post', {
      manifest,
      blobFiles: [blobFile],
      budget: '100',
    });
    const g = await client.call<{ k: number; status: string; nodes: Record<string, { units: unknown[] }> }>(
      'graph.status',
      {
        id: graphId,
      },
    );
    expect(g).toMatchObject({ k: 3, status: 'running' });
    expect(g.nodes.t!.units).toHaveLength(3);
    expect(await client.call('graph.result', { id: graphId })).toEqual({ available: false });
    expect((await client.call<unknown[]>('graph.list', {})).length).toBe(1);
  });

  it('refuses hostile input with a typed code', async () => {
    const post = (p: Record<string, unknown>) => code(client.call('graph.post', p));
    expect(await post({ manifest, budget: '0' })).toBe('INVALID_PARAMS');
    expect(await post({ manifest, budget: '-5' })).toBe('INVALID_PARAMS');
    expect(await post({ manifest, budget: 1 })).toBe('INVALID_PARAMS');
    expect(await post({ budget: '1' })).toBe('INVALID_PARAMS');
    expect(await post({ manifest, manifestFile: blobFile, budget: '1' })).toBe('INVALID_PARAMS');
    expect(await post({ manifest, budget: '1', extra: true })).toBe('INVALID_PARAMS');
    expect(await post({ manifest: 'version: 1\nname: [', budget: '1' })).toBe('BAD_MANIFEST');
    expect(
      await post({
        manifest: manifest.replace(/module: [0-9a-f]{64}/, `module: ${'c'.repeat(64)}`),
        budget: '1',
      }),
    ).toBe('MISSING_BLOBS');
    expect(await code(client.call('graph.status', { id: '../../etc/passwd' }))).toBe('INVALID_PARAMS');
    expect(await code(client.call('graph.status', { id: 'gabc-00000000' }))).toBe('UNKNOWN_GRAPH');
    expect(await code(client.call('graph.result', { id: 'gabc-00000000' }))).toBe('UNKNOWN_GRAPH');
  });
});
