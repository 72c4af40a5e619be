/**
 * Makes gossipsub's silent drops cost their sender. Gossipsub 17 skips messages on topics outside
 * `allowedTopics`, logs and skips frames that do not decode as an RPC, and closes the inbound
 * stream on a frame over `maxInboundDataLength` (the sender simply reopens it), all without
 * touching the peer's score: a flood of any of these cost the node CPU and the attacker nothing.
 * Each now goes through Penalties like any other rejected message. Stream resets beyond the
 * allowance (ResetMeter) are charged too.
 *
 * Installed on the instance, not by forking gossipsub: `pipePeerReadStream` is wrapped so each
 * inbound frame is tagged with its sender (a WeakMap from the frame's bytes to the peer), which
 * `decodeRpc` (called with the bytes only) reads when decoding fails. The tag costs one generator
 * step per frame; no frame is decoded twice.
 */
import type { GossipSub } from '@libp2p/gossipsub' with { 'resolution-mode': 'import' };
import type { PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { reject } from './errors';
import type { Penalties } from './penalties';
import type { ResetMeter } from './resets';

interface Chunk {
  subarray(): Uint8Array;
}

interface RpcLike {
  messages?: Array<{ topic?: string }>;
}

/** The parts of GossipSub's instance this module wraps (public in JS, not in its typings). */
interface GossipInternals {
  pipePeerReadStream(peerId: PeerId, source: AsyncIterable<Chunk>): Promise<void>;
  decodeRpc(bytes: Uint8Array): RpcLike;
  handleReceivedRpc(from: PeerId, rpc: RpcLike): Promise<void>;
}

export interface GossipJunkOptions {
  allowedTopics: ReadonlySet<string>;
  penalties: Penalties;
  resets: ResetMeter;
}

const VIA = 'gossipsub';

export function chargeGossipJunk(pubsub: GossipSub, opts: GossipJunkOptions): void {
  const gs = pubsub as unknown as GossipInternals;
  const sender = new WeakMap<Uint8Array, string>();
  const pipe = gs.pipePeerReadStream.bind(gs);
  const decode = gs.decodeRpc.bind(gs);
  const handle = gs.handleReceivedRpc.bind(gs);

  gs.pipePeerReadStream = (peerId, source) => pipe(peerId, tagged(peerId.toString(), source));

  async function* tagged(peer: string, source: AsyncIterable<Chunk>): AsyncGenerator<Chunk> {
    try {
      for await (const chunk of source) {
        const bytes = chunk.subarray();
        sender.set(bytes, peer);
        yield { subarray: () => bytes };
      }
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      if (name === 'InvalidDataLengthError' || name === 'InvalidDataLengthLengthError')
        opts.penalties.report(peer, reject('OVERSIZED_FRAME', 'over maxInboundDataLength'), VIA, 'drop');
      else if (name === 'StreamResetError' && opts.resets.overAllowance(peer))
        opts.penalties.report(peer, reject('STREAM_RESET', 'gossipsub stream'), VIA, 'drop');
      throw err;
    }
  }

  gs.decodeRpc = (bytes) => {
    try {
      return decode(bytes);
    } catch (err) {
      const peer = sender.get(bytes);
      if (peer !== undefined)
        opts.penalties.report(peer, reject('INVALID_RPC', (err as Error).message), VIA, 'drop');
      throw err;
    }
  };

  gs.handleReceivedRpc = (from, rpc) => {
    let unknown = 0;
    for (const m of rpc.messages ?? []) if (!opts.allowedTopics.has(m.topic ?? '')) unknown++;
    if (unknown > 0)
      opts.penalties.report(from.toString(), reject('UNKNOWN_TOPIC', `${unknown} message(s)`), VIA, 'drop');
    return handle(from, rpc);
  };
}
