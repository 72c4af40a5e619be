/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Job-data transfer against peers the project did not write: servers that lie about or corrupt
 * what they send, or stall, built from libp2p streams and the wire codecs (support/peers.ts);
 * and requesters sending junk, forged, foreign-signed and replayed requests.
 */
import { randomBytes } from 'node:crypto';
import type { CairnNode } from '../../src/node/start-node';
import { loadEsm } from '../../src/p2p/esm';
import { LocalSigner } from '../../src/p2p/crypto';
import { Envelope, BlobStatus } from '../../src/p2p/proto/generated/cairn';
import { TransferError } from '../../src/transfer/errors';
import { connect, stopAll, waitFor } from '../p2p/support/cluster';
import {
  failure,
  lp,
  rawExchange,
  removeDataDirs,
  requestBytes,
  startTransferNode,
  turnHostile,
} from './support/peers';

const MiB = 1024 * 1024;


describe('job data transfer against hostile peers', () => {
  const nodes: CairnNode[] = [];
  afterAll(async () => {
    await stopAll(nodes);
    removeDataDirs();
  });

  async function pair(): Promise<{ client: CairnNode; server: CairnNode }> {
    const client = await startTransferNode({ idleTimeoutMs: 30_000 });
    const server = await startTransferNode();
    nodes.push(client, server);
    await connect(client, server);
    return { client, server };
  }

  it('refuses bytes that do not hash to what was asked, and scores the server', async () => {
    const { client, server } = await pair();
    const real = randomBytes(300 * 1024);
    const hash = server.blobs.put(real);
    const fake = Buffer.from(real);
    fake.writeUInt8(fake.readUInt8(200_000) ^ 1, 200_000);
    await turnHostile(server, async (ctx) => {
      ctx.header(BlobStatus.BLOB_STATUS_OK, [fake.length]);
      for (let at = 0; at < fake.length; at += 64 * 1024) {
        const chunk = fake.subarray(at, at + 64 * 1024);
        await ctx.write(lp(chunk), chunk.length);
      }
      await ctx.stream.close();
    });
    expect(client.host.scores.score(server.peerId)).toBe(0);
    const err = await failure(
      client.transfer.fetchBlobs(server.peerId, 1n, [hash], { maxBytes: MiB, timeoutMs: 30_000 }),
    );
    expect(err).toBeInstanceOf(TransferError);
    expect(err.code).toBe('HASH_MISMATCH');
    expect(err.message).toContain(`blob ${hash} from ${server.peerId} hashed to`);
    expect(client.host.scores.score(server.peerId)).toBeLessThan(-9);
    expect(client.transfer.client.bytesReceived).toBe(0);
  });

  it('refuses a declared size over its cap at the header, allocating nothing, and scores the server', async () => {
    const { client, server } = await pair();
    const hash = 'cd'.repeat(32);
    const runs = await turnHostile(server, async (ctx) => {
      ctx.header(BlobStatus.BLOB_STATUS_OK, [2 ** 40]);
      await ctx.write(lp(randomBytes(1000)), 1000);
    });
    const err = await failure(
      client.transfer.fetchBlobs(server.peerId, 1n, [hash], { maxBytes: MiB, timeoutMs: 30_000 }),
    );
    expect(err.code).toBe('PROTOCOL_VIOLATION');
    expect(err.message).toContain(`declared ${2 ** 40} bytes, over our cap of ${MiB}`);
    expect(client.host.scores.score(server.peerId)).toBeLessThan(-9);
    expect(runs).toHaveLength(1);
  });

  it('stops a flood at the chunk prefix that runs past the declared size, without reading it', async () => {
    const { client, server } = await pair();
    const hash = 'ef'.repeat(32);
    const FLOOD = 64 * MiB;
    const runs = await turnHostile(server, async (ctx) => {
      ctx.header(BlobStatus.BLOB_STATUS_OK, [1000]);
      // One "chunk" claiming the whole flood, then the flood itself, fed only as fast as it
      // leaves (libp2p would otherwise queue all of it locally and call it sent).
      await ctx.write(lp(new Uint8Array(FLOOD)).subarray(0, 4), 0);
      const block = randomBytes(256 * 1024);
      for (let sent = 0; sent < FLOOD; sent += block.length) {
        while (ctx.stream.writeBufferLength > 0) {
          if (ctx.stream.status !== 'open') throw new Error(`stream ${ctx.stream.status}`);
          await new Promise((r) => setTimeout(r, 5));
        }
        await ctx.write(block);
      }
    });
    const err = await failure(
      client.transfer.fetchBlobs(server.peerId, 1n, [hash], { maxBytes: MiB, timeoutMs: 30_000 }),
    );
    expect(err.code).toBe('PROTOCOL_VIOLATION');
    expect(err.message).toContain(`frame of ${FLOOD} bytes is over the cap of 1000`);
    expect(client.host.scores.score(server.peerId)).toBeLessThan(-9);
    // The client reset the stream at the prefix: of the flood, no more than yamux's receive
    // window (at most 16 MiB) ever left the server.
    await waitFor(() => runs[0]?.error !== undefined || runs[0]?.finished === true, 'the flood to stop');
    expect(runs[0]?.finished).toBe(false);
    expect(runs[0]?.sent).toBeLessThanOrEqual(16 * MiB + 256 * 1024);
  });

  it('gives up on a server that stalls mid-blob at the idle timeout, without scoring it', async () => {
    const { client, server } = await pair();
    const real = randomBytes(MiB);
    const hash = server.blobs.put(real);
    await turnHostile(server, async (ctx) => {
      ctx.header(BlobStatus.BLOB_STATUS_OK, [real.length]);
      await ctx.write(lp(real.subarray(0, 64 * 1024)), 64 * 1024);
      // ...and nothing more, with the stream left open.
    });
    const err = await failure(
      client.transfer.fetchBlobs(server.peerId, 1n, [hash], {
        maxBytes: 2 * MiB,
        timeoutMs: 60_000,
        idleTimeoutMs: 500,
      }),
    );
    expect(err.code).toBe('IDLE_TIMEOUT');
    expect(err.message).toMatch(/no bytes moved for \d+ ms/);
    expect(client.host.scores.score(server.peerId)).toBe(0);
  });

  it('gives up at the deadline on a server that never answers', async () => {
    const { client, server } = await pair();
    await turnHostile(server, () => new Promise(() => undefined));
    const err = await failure(
      client.transfer.fetchBlobs(server.peerId, 1n, ['01'.repeat(32)], {
        maxBytes: MiB,
        timeoutMs: 700,
        idleTimeoutMs: 60_000,
      }),
    );
    expect(err.code).toBe('DEADLINE');
  });

  describe('a server facing bad requests', () => {
    let server: CairnNode;
    let hash: string;
    const blob = randomBytes(5000);

    beforeAll(async () => {
      server = await startTransferNode();
      nodes.push(server);
      hash = server.blobs.put(blob);
    });

    /**
     * A fresh requester per case, granted the blob: two low-tolerance offences put a peer at the
     * disconnect score, after which the server cuts it off without a word (also tested here).
     */
    async function asker(): Promise<CairnNode> {
      const node = await startTransferNode();
      nodes.push(node);
      await connect(node, server);
      server.transfer.grants.allow(node.peerId, 3n, [hash]);
      return node;
    }

    it('refuses a forged signature, says so, sends nothing and scores the sender', async () => {
      const peer = await asker();
      const env = Envelope.decode(requestBytes(peer, 3n, [hash]));
      env.signature[0] = (env.signature[0] as number) ^ 0xff;
      const forged = Envelope.encode(env).finish();
      const sent = server.transfer.server.stats.bytesSent;
      const answer = await rawExchange(peer, server, lp(forged));
      expect(answer.status).toBe(BlobStatus.BLOB_STATUS_BAD_REQUEST);
      expect(answer.detail).toContain('FORGED_SIGNATURE');
      expect(answer.trailing).toBe(0);
      expect(server.transfer.server.stats.bytesSent).toBe(sent);
      expect(server.host.scores.score(peer.peerId)).toBeLessThan(-9);
      // Further offences pass the disconnect score: the next stream is cut without an answer.
      for (let i = 0; i < 2; i++) await rawExchange(peer, server, lp(forged)).catch(() => undefined);
      expect(server.host.scores.score(peer.peerId)).toBeLessThan(-20);
      await expect(rawExchange(peer, server, lp(requestBytes(peer, 3n, [hash])))).rejects.toThrow();
    });

    it('refuses a request signed by another key than the connection’s', async () => {
      const peer = await asker();
      const m = await loadEsm();
      const other = await m.keys.generateKeyPair('Ed25519');
      const foreign = { host: { signer: new LocalSigner(other.raw) } } as unknown as CairnNode;
      const answer = await rawExchange(peer, server, lp(requestBytes(foreign, 3n, [hash])));
      expect(answer.status).toBe(BlobStatus.BLOB_STATUS_BAD_REQUEST);
      expect(answer.detail).toContain('SIGNER_MISMATCH');
      expect(answer.trailing).toBe(0);
    });

    it('serves a valid request once and refuses the same bytes replayed', async () => {
      const peer = await asker();
      const bytes = lp(requestBytes(peer, 3n, [hash]));
      const first = await rawExchange(peer, server, bytes);
      expect(first.status).toBe(BlobStatus.BLOB_STATUS_OK);
      expect(first.sizes).toEqual([BigInt(blob.length)]);
      expect(first.trailing).toBeGreaterThan(blob.length);
      const score = server.host.scores.score(peer.peerId);
      const sent = server.transfer.server.stats.bytesSent;
      const again = await rawExchange(peer, server, bytes);
      expect(again.status).toBe(BlobStatus.BLOB_STATUS_BAD_REQUEST);
      expect(again.detail).toContain('REPLAYED');
      expect(again.trailing).toBe(0);
      expect(server.transfer.server.stats.bytesSent).toBe(sent);
      expect(server.host.scores.score(peer.peerId)).toBeLessThan(score);
    });

    it('refuses junk, and an oversized request frame before reading it', async () => {
      const junk = await rawExchange(await asker(), server, lp(randomBytes(200)));
      expect(junk.status).toBe(BlobStatus.BLOB_STATUS_BAD_REQUEST);
      expect(junk.detail).toMatch(/MALFORMED|BAD_SIGNER|UNSIGNED|BAD_VERSION|WRONG_KIND/);
      const huge = await rawExchange(await asker(), server, lp(new Uint8Array(64 * 1024)).subarray(0, 1024));
      expect(huge.status).toBe(BlobStatus.BLOB_STATUS_BAD_REQUEST);
      expect(huge.detail).toContain('OVERSIZED: frame of 65536 bytes is over the cap of 4096');
      expect(junk.trailing + huge.trailing).toBe(0);
    });
  });
});
