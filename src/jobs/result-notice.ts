/**
 * The job protocol (`/cairn/<network>/job/1.0.0`): the worker's notice to the poster that a
 * result is ready, with the hashes to fetch on the blob protocol. A notice is a pointer, not
 * evidence: the poster acts on it only when the chain says the job is Submitted by that worker
 * for that attempt, and checks the fetched bytes against the commitment on chain.
 */
import { Kind, seal } from '../p2p/envelope';
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { esm } from '../p2p/esm';
import { decodePayload, reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import { ResultNotice as ResultNoticePb } from '../p2p/proto/generated/cairn';
import { protocolId } from '../p2p/topics';

export interface ResultNotice {
  jobId: bigint;
  attempt: number;
  outputSha256: string;
  proofSha256?: string;
}

const SHA256_BYTES = 32;

export function encodeResultNotice(n: ResultNotice): Uint8Array {
  return ResultNoticePb.encode({
    jobId: n.jobId,
    attempt: n.attempt,
    outputSha256: Buffer.from(n.outputSha256, 'hex'),
    proofSha256: n.proofSha256 ? Buffer.from(n.proofSha256, 'hex') : new Uint8Array(0),
  }).finish();
}

export function decodeResultNotice(payload: Uint8Array): ResultNotice {
  const pb = decodePayload(ResultNoticePb, payload, 'result notice');
  if (pb.jobId === 0n) throw reject('INVALID_PAYLOAD', 'result notice: job_id 0 is no on-chain job');
  if (pb.attempt < 1 || pb.attempt > 10)
    throw reject('INVALID_PAYLOAD', 'result notice: attempt out of range');
  if (pb.outputSha256.length !== SHA256_BYTES)
    throw reject('INVALID_PAYLOAD', 'result notice: output_sha256 must be 32 bytes');
  if (pb.proofSha256.length !== 0 && pb.proofSha256.length !== SHA256_BYTES)
    throw reject('INVALID_PAYLOAD', 'result notice: proof_sha256 must be 32 bytes or empty');
  return {
    jobId: pb.jobId,
    attempt: pb.attempt,
    outputSha256: Buffer.from(pb.outputSha256).toString('hex'),
    ...(pb.proofSha256.length ? { proofSha256: Buffer.from(pb.proofSha256).toString('hex') } : {}),
  };
}

/** The job protocol on one node: sends notices, hands received ones (with their sender) on. */
export class JobProtocol {
  private channel?: DirectChannel;

  constructor(
    private readonly host: P2pHost,
    private readonly onNotice: (from: string, notice: ResultNotice) => void,
  ) {}

  async start(): Promise<void> {
    this.channel = await this.host.channel({
      protocol: protocolId(this.host.config.network, 'job'),
      kinds: new Set([Kind.KIND_RESULT_NOTICE]),
      onFrame: (frame: DirectFrame) => {
        frame.env.authenticate();
        this.onNotice(frame.peerId, decodeResultNotice(frame.env.payload));
      },
    });
  }

  /** Sends a notice to `peer`, dialling `addrs` when not connected. */
  async send(peer: string, addrs: readonly string[], notice: ResultNotice): Promise<void> {
    if (!this.channel) throw new Error('job protocol not started');
    const envelope = seal(this.host.signer, Kind.KIND_RESULT_NOTICE, encodeResultNotice(notice));
    const { multiaddr } = esm().multiaddr;
    const mas = addrs.flatMap((a) => {
      try {
        return [multiaddr(a)];
      } catch {
        return [];
      }
    });
    await this.channel.send(this.host.peerIdOf(peer), envelope, mas);
  }

  async stop(): Promise<void> {
    await this.channel?.stop();
  }
}
