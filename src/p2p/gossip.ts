/**
 * Gossip topics: subscription, validation and publishing. Each topic has one validator that runs
 * the full envelope pipeline and the topic's payload check, then hands the message to the topic's
 * handler, all before gossipsub forwards it, so nothing invalid is relayed and a worker can bid
 * before it spends time forwarding. Validation errors carry their gossip verdict; `toVerdict` is
 * the one adapter from our errors to gossipsub's.
 *
 * Messages are published unsigned at the gossipsub level (StrictNoSign) because the envelope is
 * already signed by its author: a second signature would double the cost for every receiver and
 * would only name the first hop. Message ids are the SHA-256 of the envelope, so identical
 * envelopes are deduplicated by gossipsub before they reach us.
 */
import { createHash } from 'node:crypto';
import type { GossipSub, Message } from '@libp2p/gossipsub' with { 'resolution-mode': 'import' };
import type { PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { SignatureVerifier } from './crypto';
import { open, type AdmittedEnvelope, type ReplayCache } from './envelope';
import { esm } from './esm';
import { MessageValidationError, reject, type GossipAction } from './errors';
import type { Logger } from '../shared/logging';
import { describe, isValidationError, type Penalties } from './penalties';
import { TOPIC_KINDS, stringifyTopic, type GossipTopicType } from './topics';

export interface GossipTopicHandler {
  /** Decodes and checks the payload; throws MessageValidationError (INVALID_PAYLOAD, MALFORMED). */
  check(env: AdmittedEnvelope): unknown;
  /** Receives what `check` returned, for a message that passed every check. */
  deliver(checked: unknown, env: AdmittedEnvelope, from: string): void;
}

export interface GossipDeps {
  pubsub: GossipSub;
  network: string;
  maxMessageBytes: number;
  freshnessMs: number;
  replay: ReplayCache;
  verifier: SignatureVerifier;
  penalties: Penalties;
  /** Called with the propagation source of every accepted message. */
  onValidMessage(peerId: string): void;
  log: Logger;
}

export function messageId(msg: Message): Uint8Array {
  return createHash('sha256').update(msg.data).digest();
}

export class GossipRouter {
  private readonly handlers = new Map<GossipTopicType, GossipTopicHandler>();
  /** Accepted messages per topic, for tests and metrics. */
  readonly accepted = new Map<GossipTopicType, number>();

  constructor(private readonly deps: GossipDeps) {}

  topic(type: GossipTopicType): string {
    return stringifyTopic({ type, network: this.deps.network });
  }

  /** Subscribes to a topic and installs its validator. */
  register(type: GossipTopicType, handler: GossipTopicHandler): void {
    const topic = this.topic(type);
    this.handlers.set(type, handler);
    const kinds = new Set([TOPIC_KINDS[type]]);
    const { TopicValidatorResult } = esm().gossipsub;
    this.deps.pubsub.topicValidators.set(topic, (peer: PeerId, msg: Message) => {
      const from = peer.toString();
      const verdict = this.validate(type, kinds, from, msg, handler);
      return verdict === 'accept'
        ? TopicValidatorResult.Accept
        : verdict === 'reject'
          ? TopicValidatorResult.Reject
          : TopicValidatorResult.Ignore;
    });
    this.deps.pubsub.subscribe(topic);
  }

  /** Publishes an already sealed envelope; resolves to the number of peers it was sent to. */
  async publish(type: GossipTopicType, envelope: Uint8Array): Promise<number> {
    const result = await this.deps.pubsub.publish(this.topic(type), envelope);
    return result.recipients.length;
  }

  subscribers(type: GossipTopicType): number {
    return this.deps.pubsub.getSubscribers(this.topic(type)).length;
  }

  /** Peers in our mesh for the topic (gossipsub forwards only to these). */
  meshPeers(type: GossipTopicType): number {
    const pubsub = this.deps.pubsub as unknown as { getMeshPeers?(topic: string): string[] };
    return pubsub.getMeshPeers?.(this.topic(type)).length ?? 0;
  }

  /** Gossipsub's own score for a peer (including our application score as P5). */
  score(peerId: string): number {
    const pubsub = this.deps.pubsub as unknown as { getScore?(id: string): number };
    return pubsub.getScore?.(peerId) ?? 0;
  }

  private validate(
    type: GossipTopicType,
    kinds: ReadonlySet<number>,
    from: string,
    msg: Message,
    handler: GossipTopicHandler,
  ): 'accept' | GossipAction {
    const via = `gossip:${type}`;
    let env: AdmittedEnvelope;
    let checked: unknown;
    try {
      if (msg.type !== 'unsigned')
        throw reject('WRONG_KIND', 'gossipsub-signed message on a StrictNoSign topic');
      env = open(msg.data, {
        maxBytes: this.deps.maxMessageBytes,
        kinds,
        freshnessMs: this.deps.freshnessMs,
        replay: this.deps.replay,
        verifier: this.deps.verifier,
      });
      checked = handler.check(env);
    } catch (err) {
      if (isValidationError(err)) return this.deps.penalties.report(from, err as MessageValidationError, via);
      this.deps.log.error({ peer: from, topic: type, err: describe(err) }, 'gossip validator failed');
      return 'ignore';
    }
    this.accepted.set(type, (this.accepted.get(type) ?? 0) + 1);
    this.deps.onValidMessage(from);
    try {
      handler.deliver(checked, env, from);
    } catch (err) {
      // Our bug, not the peer's: the message was valid and is still forwarded.
      this.deps.log.error({ peer: from, topic: type, err: describe(err) }, 'gossip handler failed');
    }
    return 'accept';
  }
}
