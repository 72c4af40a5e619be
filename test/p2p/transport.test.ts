/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * The transport under the protocols, with the node's changes to it (src/p2p/wire-batching.ts):
 * yamux window updates only at half a window, socket writes batched per turn. Flow control must
 * still move data far larger than the window, in order, both ways at once.
 */
import { createHash } from 'node:crypto';
import type { Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { CairnNode } from '../../src/node/start-node';
import { connect, startNode, stopAll, waitFor } from './support/cluster';

const PROTOCOL = '/cairn-test/bulk/1';
const TOTAL = 4 * 1024 * 1024; // sixteen times yamux's initial 256 KiB window
const CHUNK = 48 * 1024;

function pattern(offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = ((offset + i) * 2654435761) >>> 24;
  return out;
}

async function sendAll(stream: Stream): Promise<string> {
  const hash = createHash('sha256');
  for (let sent = 0; sent < TOTAL; sent += CHUNK) {
    const chunk = pattern(sent, Math.min(CHUNK, TOTAL - sent));
    hash.update(chunk);
    if (!stream.send(chunk)) await stream.onDrain();
  }
  return hash.digest('hex');
}

function receiveAll(stream: Stream): Promise<string> {
  const hash = createHash('sha256');
  let got = 0;
  return new Promise((resolve) => {
    stream.addEventListener('message', (evt) => {
      const data = evt.data instanceof Uint8Array ? evt.data : evt.data.subarray();
      hash.update(data);
      got += data.length;
      if (got === TOTAL) resolve(hash.digest('hex'));
    });
  });
}

describe('transport', () => {
  let a: CairnNode;
  let b: CairnNode;

  beforeAll(async () => {
    // Liveness probes every second (the minimum), so the suite sees a few.
    a = await startNode({ config: { p2p: { livenessPingMs: 1000 } } });
    b = await startNode();
    await connect(a, b);
  });

  afterAll(() => stopAll([a, b]));

  it('probes a live connection for liveness and keeps it', async () => {
    await waitFor(() => a.host.livenessStats.probes >= 2, 'two liveness probes');
    expect(a.host.livenessStats.closed).toBe(0);
    expect(a.host.libp2p.getConnections(b.host.peerIdOf(b.peerId)).some((c) => c.status === 'open')).toBe(true);
  });

  it('moves 4 MiB each way at once through a 256 KiB yamux window, intact and in order', async () => {
    let atB: Promise<string> | undefined;
    let sentByB: Promise<string> | undefined;
    await b.host.libp2p.handle(PROTOCOL, (stream) => {
      atB = receiveAll(stream);
      sentByB = sendAll(stream);
    });
    const stream = await a.host.libp2p.dialProtocol(b.host.peerIdOf(b.peerId), PROTOCOL);
    const atA = receiveAll(stream);
    const sentByA = await sendAll(stream);
    await waitFor(() => atB !== undefined, 'the stream to reach b');
    expect(await atB).toBe(sentByA);
    expect(await atA).toBe(await sentByB);
    expect(sentByA).toBe(createHash('sha256').update(pattern(0, TOTAL)).digest('hex'));
  });
});
