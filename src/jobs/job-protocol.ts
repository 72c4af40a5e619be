/**
 * The job protocol (`/cairn/<network>/job/1.0.0`), between a job's poster and its workers:
 * - RESULT_NOTICE, worker to poster: a result is ready (result-notice.ts);
 * - ANNOUNCEMENT_REQUEST, worker to poster: the signed announcement of an on-chain job the worker
 *   did not hear over gossip (it was offline); the poster answers on the same stream with the
 *   JOB_ANNOUNCEMENT envelope of a bid window open now, or not at all.
 * An announcement is taken only from a peer it was asked of, for the job asked about; anything
 * else is unsolicited and scored as such.
 */
import { esm } from '../p2p/esm';
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { Kind, seal } from '../p2p/envelope';
import { checkAnnouncement } from '../market/market';
import type { Announcement } from '../market/types';
import { reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import { protocolId } from '../p2p/topics';
import {
  decodeAnnouncementRequest,
  decodeResultNotice,
  encodeAnnouncementRequest,
  encodeResultNotice,
  type ResultNotice,
} from './result-notice';

export interface JobProtocolHandlers {
  onNotice(from: string, notice: ResultNotice): void;
  /** The poster's answer: the announcement envelope to send back, if the job's window is open. */
  onAnnouncementRequest(from: string, jobId: bigint): Promise<Uint8Array | undefined>;
  /** An authenticated announcement, of the job asked about, from a peer asked for it. */
  onAnnouncement(from: string, a: Announcement): void;
}

/** How long an answer to an announcement request is awaited. */
const ASK_TTL_MS = 10_000;

export class JobProtocol {
  private channel?: DirectChannel;
  /** Outstanding announcement requests: `${peer}|${jobId}` -> when they lapse. */
  private readonly asked = new Map<string, number>();

  constructor(
    private readonly host: P2pHost,
    private readonly handlers: JobProtocolHandlers,
  ) {}

  async start(): Promise<void> {
    this.channel = await this.host.channel({
      protocol: protocolId(this.host.config.network, 'job'),
      kinds: new Set([Kind.KIND_RESULT_NOTICE, Kind.KIND_ANNOUNCEMENT_REQUEST, Kind.KIND_JOB_ANNOUNCEMENT]),
      onFrame: (frame) => this.onFrame(frame),
    });
  }

  private async onFrame(frame: DirectFrame): Promise<void> {
    const { env, peerId } = frame;
    switch (env.kind) {
      case Kind.KIND_RESULT_NOTICE:
        env.authenticate();
        return this.handlers.onNotice(peerId, decodeResultNotice(env.payload));
      case Kind.KIND_ANNOUNCEMENT_REQUEST: {
        const jobId = decodeAnnouncementRequest(env.payload);
        env.authenticate();
        const answer = await this.handlers.onAnnouncementRequest(peerId, jobId);
        if (answer) frame.reply(answer);
        return;
      }
      default: {
        const a = checkAnnouncement(env);
        const key = `${peerId}|${a.jobId}`;
        const until = this.asked.get(key);
        this.asked.delete(key);
        if (until === undefined || until < Date.now())
          throw reject('UNSOLICITED', `an announcement of job ${a.jobId} nobody asked this peer for`);
        env.authenticate();
        this.handlers.onAnnouncement(peerId, a);
      }
    }
  }

  /** Sends a notice to `peer`, dialling `addrs` when not connected. */
  async send(peer: string, addrs: readonly string[], notice: ResultNotice): Promise<void> {
    await this.sendEnvelope(peer, addrs, Kind.KIND_RESULT_NOTICE, encodeResultNotice(notice));
  }

  /** Asks a connected `peer` for the announcement of `jobId`; the answer comes to onAnnouncement. */
  async askAnnouncement(peer: string, jobId: bigint): Promise<void> {
    const now = Date.now();
    for (const [k, until] of this.asked) if (until < now) this.asked.delete(k);
    this.asked.set(`${peer}|${jobId}`, now + ASK_TTL_MS);
    await this.sendEnvelope(peer, [], Kind.KIND_ANNOUNCEMENT_REQUEST, encodeAnnouncementRequest(jobId));
  }

  private async sendEnvelope(peer: string, addrs: readonly string[], kind: Kind, payload: Uint8Array) {
    if (!this.channel) throw new Error('job protocol not started');
    const { multiaddr } = esm().multiaddr;
    const mas = addrs.flatMap((a) => {
      try {
        return [multiaddr(a)];
      } catch {
        return [];
      }
    });
    await this.channel.send(this.host.peerIdOf(peer), seal(this.host.signer, kind, payload), mas);
  }

  async stop(): Promise<void> {
    await this.channel?.stop();
  }
}
