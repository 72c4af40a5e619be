/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * The job protocol between two real libp2p nodes over TCP: a worker asks a poster for a job's
 * announcement and gets the poster's signed envelope back; announcements nobody asked for, or
 * for another job than the one asked about, are refused and cost their sender its score.
 */
import { encodeAnnouncement } from '../../src/market/wire';
import type { Announcement, AnnouncementFields } from '../../src/market/types';
import { JobProtocol } from '../../src/jobs/job-protocol';
import { Kind, seal } from '../../src/p2p/envelope';
import type { CairnNode } from '../../src/node/start-node';
import { jobSpec } from '../support/job-spec';
import { connect, startNode, stopAll, waitFor } from './support/cluster';

jest.setTimeout(60_000);

describe('job protocol: announcement requests', () => {
  let poster: CairnNode;
  let worker: CairnNode;
  let posterSide: JobProtocol;
  let workerSide: JobProtocol;
  const asked: bigint[] = [];
  const answers: Announcement[] = [];
  /** The envelope the poster answers with, per job (as Poster.openAnnouncement would). */
  const open = new Map<bigint, Uint8Array>();

  const announcement = (node: CairnNode, jobId: bigint) => {
    const fields: AnnouncementFields = {
      ...jobSpec(jobId),
      maxBids: 1,
      bidDeadlineMs: Date.now() + 60_000,
      posterAddrs: node.host.multiaddrs().slice(0, 1),
    };
    return seal(node.host.signer, Kind.KIND_JOB_ANNOUNCEMENT, encodeAnnouncement(fields));
  };

  beforeAll(async () => {
    poster = await startNode();
    worker = await startNode();
    posterSide = new JobProtocol(poster.host, {
      onNotice: () => undefined,
      onAnnouncementRequest: async (_from, jobId) => {
        asked.push(jobId);
        return open.get(jobId);
      },
      onAnnouncement: () => undefined,
    });
    workerSide = new JobProtocol(worker.host, {
      onNotice: () => undefined,
      onAnnouncementRequest: async () => undefined,
      onAnnouncement: (_from, a) => answers.push(a),
    });
    await posterSide.start();
    await workerSide.start();
    await connect(worker, poster);
  });

  afterAll(async () => {
    await posterSide?.stop();
    await workerSide?.stop();
    await stopAll([poster, worker]);
  });

  it('the poster answers a request with its signed announcement, which the worker checks and takes', async () => {
    open.set(7n, announcement(poster, 7n));
    await workerSide.askAnnouncement(poster.peerId, 7n);
    await waitFor(() => answers.length === 1, 'the answer');
    expect(asked).toEqual([7n]);
    expect(answers[0]!.jobId).toBe(7n);
    expect(answers[0]!.poster).toBe(poster.peerId);
    expect(worker.host.scores.score(poster.peerId)).toBeGreaterThanOrEqual(0);
  });

  it('a job the poster does not take bids for gets no answer', async () => {
    await workerSide.askAnnouncement(poster.peerId, 8n);
    await waitFor(() => asked.includes(8n), 'the request');
    await new Promise((r) => setTimeout(r, 300));
    expect(answers.map((a) => a.jobId)).toEqual([7n]);
  });

  it('an announcement nobody asked for is refused and scored against its sender', async () => {
    // The poster's own protocol object sends, as a poster that pushes jobs unasked would.
    const pushed = announcement(poster, 9n);
    const channel = (
      posterSide as unknown as { channel: { send(p: unknown, b: Uint8Array, a: unknown[]): Promise<void> } }
    ).channel;
    await channel.send(poster.host.peerIdOf(worker.peerId), pushed, []);
    await waitFor(() => worker.host.scores.score(poster.peerId) < 0, 'the sender to be scored down');
    expect(answers.map((a) => a.jobId)).toEqual([7n]);
  });

  it('an answer about another job than the one asked is refused too', async () => {
    const before = worker.host.scores.score(poster.peerId);
    open.set(10n, announcement(poster, 11n));
    await workerSide.askAnnouncement(poster.peerId, 10n);
    await waitFor(() => worker.host.scores.score(poster.peerId) < before, 'the sender to be scored down');
    expect(answers.map((a) => a.jobId)).toEqual([7n]);
  });
});
