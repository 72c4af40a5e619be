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

/**
 * Bumped when a topic's payload changes incompatibly. worker_advert is at 2: its adverts carry
 * noised capacity buckets instead of exact figures (src/discovery/advert-noise.ts).
 */
const TOPIC_VERSIONS: Record<GossipTopicType, number> = { job_announcement: 1, worker_advert: 2 };
/** The only encoding; named so a future one (e.g. compressed) gets its own topic. */
const ENCODING = 'proto';

export function stringifyTopic(topic: GossipTopic): string {
  return `/cairn/${topic.network}/${topic.type}/${TOPIC_VERSIONS[topic.type]}/${ENCODING}`;
}

export function parseTopic(topicStr: string): GossipTopic {
  const parts = topicStr.split('/');
  // ['', 'cairn', network, type, version, encoding]
  if (parts.length !== 6 || parts[0] !== '' || parts[1] !== 'cairn')
    throw new Error(`not a cairn topic: ${topicStr}`);
  const [, , network, type, version, encoding] = parts as [string, string, string, string, string, string];
  if (!(GOSSIP_TOPIC_TYPES as readonly string[]).includes(type))
    throw new Error(`unknown topic type: ${type}`);
  if (version !== String(TOPIC_VERSIONS[type as GossipTopicType]) || encoding !== ENCODING)
    throw new Error(`unsupported topic version: ${topicStr}`);
  return { type: type as GossipTopicType, network };
}

/** The envelope kind each topic carries; anything else on the topic is rejected. */
export const TOPIC_KINDS: Record<GossipTopicType, Kind> = {
  job_announcement: Kind.KIND_JOB_ANNOUNCEMENT,
  worker_advert: Kind.KIND_WORKER_ADVERT,
};

export type DirectProtocolName = 'bid' | 'advert' | 'blob' | 'job' | 'advert-sync' | 'alert' | 'graph-input';

/** Each protocol's semver; advert is at 2 since its answers carry noised adverts. */
const PROTOCOL_VERSIONS: Record<DirectProtocolName, string> = {
  bid: '1.0.0',
  advert: '2.0.0',
  blob: '1.0.0',
  job: '1.0.0',
  'advert-sync': '1.0.0',
  alert: '1.0.0',
  'graph-input': '1.0.0',
};

export function protocolId(network: string, name: DirectProtocolName): string {
  return `/cairn/${network}/${name}/${PROTOCOL_VERSIONS[name]}`;
}

export function dhtProtocolId(network: string): string {
  return `/cairn/${network}/kad/1.0.0`;
}
