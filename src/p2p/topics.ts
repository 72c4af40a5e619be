/**
 * Gossip topics and direct protocols. A topic is a typed union, built and parsed by one pair of
 * functions, so no string is assembled by hand anywhere else. The network name is part of every
 * identifier: nodes of different deployments never mesh, and a protocol bump (the trailing
 * version) can run beside the old one while peers upgrade.
 */
import { Kind } from './proto/generated/cairn';

export const GOSSIP_TOPIC_TYPES = ['job_announcement', 'worker_advert'] as const;
export type GossipTopicType = (typeof GOSSIP_TOPIC_TYPES)[number];

export interface GossipTopic {
  type: GossipTopicType;
  network: string;
}

/** Bumped when a topic's payload changes incompatibly. */
const TOPIC_VERSION = 1;
/** The only encoding; named so a future one (e.g. compressed) gets its own topic. */
const ENCODING = 'proto';

export function stringifyTopic(topic: GossipTopic): string {
  return `/cairn/${topic.network}/${topic.type}/${TOPIC_VERSION}/${ENCODING}`;
}

export function parseTopic(topicStr: string): GossipTopic {
  const parts = topicStr.split('/');
  // ['', 'cairn', network, type, version, encoding]
  if (parts.length !== 6 || parts[0] !== '' || parts[1] !== 'cairn')
    throw new Error(`not a cairn topic: ${topicStr}`);
  const [, , network, type, version, encoding] = parts as [string, string, string, string, string, string];
  if (!(GOSSIP_TOPIC_TYPES as readonly string[]).includes(type))
    throw new Error(`unknown topic type: ${type}`);
  if (version !== String(TOPIC_VERSION) || encoding !== ENCODING)
    throw new Error(`unsupported topic version: ${topicStr}`);
  return { type: type as GossipTopicType, network };
}

/** The envelope kind each topic carries; anything else on the topic is rejected. */
export const TOPIC_KINDS: Record<GossipTopicType, Kind> = {
  job_announcement: Kind.KIND_JOB_ANNOUNCEMENT,
  worker_advert: Kind.KIND_WORKER_ADVERT,
};

export type DirectProtocolName = 'bid' | 'advert' | 'blob' | 'job';

export function protocolId(network: string, name: DirectProtocolName): string {
  return `/cairn/${network}/${name}/1.0.0`;
}

export function dhtProtocolId(network: string): string {
  return `/cairn/${network}/kad/1.0.0`;
}
