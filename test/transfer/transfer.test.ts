/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * Job-data transfer between real nodes over TCP on loopback: a poster serving a job's blobs to
 * the peer it granted them to, and refusing everyone and everything else before a byte is sent.
 */
import { randomBytes } from 'node:crypto';
import type { CairnNode } from '../../src/node/start-node';
import { BlobStatus } from '../../src/p2p/proto/generated/cairn';
import { TransferError } from '../../src/transfer/errors';
import { connect, stopAll, waitFor } from '../p2p/support/cluster';
import { PROTOCOL, failure, rawExchange, removeDataDirs, requestBytes, startTransferNode, lp } from './support/peers';

const MiB = 1024 * 1024;


describe('job data transfer', () => {
  let poster: CairnNode;
  let worker: CairnNode;
  let stranger: CairnNode;
  const blobs = [randomBytes(100), randomBytes(70 * 1024), new Uint8Array(0), randomBytes(6 * MiB + 7)];
  let hashes: string[];

  beforeAll(async () => {
    poster = await startTransferNode({ perPeerConcurrency: 1 });
    worker = await startTransferNode();
    stranger = await startTransferNode();
    await connect(worker, poster);
    await connect(stranger, poster);
    hashes = blobs.map((b) => poster.blobs.put(b));
    poster.transfer.grants.allow(worker.peerId, 7n, hashes);
  });

  afterAll(async () => {
    await stopAll([poster, worker, stranger]);
    removeDataDirs();
  });

  it('serves the granted blobs, a 6 MiB one among them, byte for byte', async () => {
    const before = poster.transfer.server.stats.bytesSent;
    const got = await worker.transfer.fetchBlobs(poster.peerId, 7n, hashes, {
      maxBytes: 16 * MiB,
      timeoutMs: 60_000,
    });
    expect([...got.keys()]).toEqual(hashes);
    for (const [i, h] of hashes.entries())
      expect(Buffer.from(got.get(h) as Uint8Array).equals(blobs[i] as Uint8Array)).toBe(true);
    const total = blobs.reduce((n, b) => n + b.length, 0);
    expect(poster.transfer.server.stats.bytesSent - before).toBe(total);
    expect(worker.transfer.client.bytesReceived).toBe(total);
  });

  it('the same protocol carries a result back: the worker serves, the poster fetches', async () => {
    const output = randomBytes(3000);
    const hash = worker.blobs.put(output);
    worker.transfer.grants.allow(poster.peerId, 7n, [hash]);
    const got = await poster.transfer.fetchBlobs(worker.peerId, 7n, [hash], {
      maxBytes: MiB,
      timeoutMs: 30_000,
    });
    expect(Buffer.from(got.get(hash) as Uint8Array).equals(output)).toBe(true);
  });

  it('refuses a peer that was not granted the job, and sends it nothing', async () => {
    const sent = poster.transfer.server.stats.bytesSent;
    const err = await failure(
      stranger.transfer.fetchBlobs(poster.peerId, 7n, hashes.slice(0, 1), {
        maxBytes: MiB,
        timeoutMs: 30_000,
      }),
    );
    expect(err).toBeInstanceOf(TransferError);
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.message).toContain(`peer ${stranger.peerId} is not allowed blob ${hashes[0]} of job 7`);
    // The granted worker, for another job, or for a hash of this job it was not granted.
    const other = await failure(
      worker.transfer.fetchBlobs(poster.peerId, 8n, hashes.slice(0, 1), { maxBytes: MiB, timeoutMs: 30_000 }),
    );
    expect(other.code).toBe('UNAUTHORIZED');
    const unheld = poster.blobs.put(randomBytes(10));
    const partly = await failure(
      worker.transfer.fetchBlobs(poster.peerId, 7n, [hashes[0] as string, unheld], {
        maxBytes: MiB,
        timeoutMs: 30_000,
      }),
    );
    expect(partly.code).toBe('UNAUTHORIZED');
    expect(poster.transfer.server.stats.bytesSent).toBe(sent);
    expect(poster.transfer.server.stats.refused.UNAUTHORIZED).toBe(3);
    // On the wire: a signed refusal and not one byte after it.
    const raw = await rawExchange(stranger, poster, lp(requestBytes(stranger, 7n, hashes.slice(0, 1))));
    expect(raw.status).toBe(BlobStatus.BLOB_STATUS_UNAUTHORIZED);
    expect(raw.trailing).toBe(0);
  });

  it('a revoked grant stops serving', async () => {
    const grants = poster.transfer.grants;
    grants.allow(stranger.peerId, 9n, hashes.slice(0, 1));
    const ok = await stranger.transfer.fetchBlobs(poster.peerId, 9n, hashes.slice(0, 1), {
      maxBytes: MiB,
      timeoutMs: 30_000,
    });
    expect(ok.size).toBe(1);
    grants.revoke(9n);
    const err = await failure(
      stranger.transfer.fetchBlobs(poster.peerId, 9n, hashes.slice(0, 1), {
        maxBytes: MiB,
        timeoutMs: 30_000,
      }),
    );
    expect(err.code).toBe('UNAUTHORIZED');
  });

  it('refuses a blob over the requester’s cap before sending any of it', async () => {
    const sent = poster.transfer.server.stats.bytesSent;
    const big = hashes[3] as string;
    const err = await failure(
      worker.transfer.fetchBlobs(poster.peerId, 7n, [big], {
        maxBytes: 16 * MiB,
        maxBlobBytes: MiB,
        timeoutMs: 30_000,
      }),
    );
    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toContain(`blob ${big} is ${6 * MiB + 7} bytes, over the cap of ${MiB}`);
    const total = await failure(
      worker.transfer.fetchBlobs(poster.peerId, 7n, hashes.slice(0, 2), {
        maxBytes: 50 * 1024,
        timeoutMs: 30_000,
      }),
    );
    expect(total.code).toBe('TOO_LARGE');
    expect(poster.transfer.server.stats.bytesSent).toBe(sent);
  });

  it('says which blob it does not hold', async () => {
    const missing = 'ab'.repeat(32);
    poster.transfer.grants.allow(worker.peerId, 7n, [missing]);
    const err = await failure(
      worker.transfer.fetchBlobs(poster.peerId, 7n, [missing], { maxBytes: MiB, timeoutMs: 30_000 }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain(missing);
  });

  it('refuses a malformed hash before anything leaves', async () => {
    const err = await failure(
      worker.transfer.fetchBlobs(poster.peerId, 7n, ['not-a-hash'], { maxBytes: MiB, timeoutMs: 30_000 }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('not-a-hash');
  });

  it('answers BUSY past the per-peer concurrency cap, and serves again once the slot frees', async () => {
    // A transfer the worker does not read: the poster is held on flow control with it.
    const stream = await worker.host.libp2p.dialProtocol(poster.host.libp2p.peerId, PROTOCOL);
    stream.pause();
    stream.send(lp(requestBytes(worker, 7n, [hashes[3] as string])));
    await waitFor(
      () => poster.transfer.server.stats.bytesSent > 0 && stream.readBufferLength > 0,
      'the held transfer to start',
    );
    const err = await failure(
      worker.transfer.fetchBlobs(poster.peerId, 7n, hashes.slice(0, 1), { maxBytes: MiB, timeoutMs: 30_000 }),
    );
    expect(err.code).toBe('BUSY');
    expect(err.message).toContain('1 transfers of yours running');
    stream.abort(new Error('test done with it'));
    await waitFor(() => poster.transfer.server.stats.refused.BUSY === 1, 'the refusal to be counted');
    let again: Map<string, Uint8Array> | undefined;
    for (let i = 0; i < 50 && !again; i++) {
      again = await worker.transfer
        .fetchBlobs(poster.peerId, 7n, hashes.slice(0, 1), { maxBytes: MiB, timeoutMs: 30_000 })
        .catch((e: TransferError) => {
          if (e.code !== 'BUSY') throw e;
          return new Promise<undefined>((r) => setTimeout(() => r(undefined), 50));
        });
    }
    expect(again?.size).toBe(1);
  });
});

describe('job data transfer: the overall cap', () => {
  let poster: CairnNode;
  let holder: CairnNode;
  let second: CairnNode;
  let stranger: CairnNode;
  let hash: string;

  beforeAll(async () => {
    poster = await startTransferNode({ maxConcurrent: 1 });
    [holder, second, stranger] = await Promise.all([
      startTransferNode(),
      startTransferNode(),
      startTransferNode(),
    ]);
    for (const n of [holder, second, stranger]) await connect(n, poster);
    hash = poster.blobs.put(randomBytes(4 * MiB));
    poster.transfer.grants.allow(holder.peerId, 1n, [hash]);
    poster.transfer.grants.allow(second.peerId, 1n, [hash]);
  });

  afterAll(async () => {
    await stopAll([poster, holder, second, stranger]);
    removeDataDirs();
  });

  it('counts authorised transfers only: strangers are refused for what they are, granted peers wait', async () => {
    const stream = await holder.host.libp2p.dialProtocol(poster.host.libp2p.peerId, PROTOCOL);
    stream.pause();
    stream.send(lp(requestBytes(holder, 1n, [hash])));
    await waitFor(() => poster.transfer.server.stats.bytesSent > 0, 'the held transfer to start');
    const outsider = await failure(
      stranger.transfer.fetchBlobs(poster.peerId, 1n, [hash], { maxBytes: 8 * MiB, timeoutMs: 30_000 }),
    );
    expect(outsider.code).toBe('UNAUTHORIZED');
    const queued = await failure(
      second.transfer.fetchBlobs(poster.peerId, 1n, [hash], { maxBytes: 8 * MiB, timeoutMs: 30_000 }),
    );
    expect(queued.code).toBe('BUSY');
    expect(queued.message).toContain('busy: 1 transfers running');
    stream.abort(new Error('test done with it'));
  });
});
