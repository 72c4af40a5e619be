/**
 * Gossipsub peer-scoring parameters, chosen for this network rather than taken from defaults.
 * The score of a peer is the sum over topics of weighted counters (P1-P4, capped), plus our
 * application score (P5), the IP-colocation penalty (P6) and the router's behaviour penalty (P7).
 * Scale: an honest peer sits between 0 and ~40; one invalid message costs 20, and the penalty
 * grows with the square of the count, so three invalid messages push a peer past the graylist.
 */
import type { PeerScoreParams, PeerScoreThresholds, TopicScoreParams } from '@libp2p/gossipsub/score' with {
  'resolution-mode': 'import',
};
import { GOSSIP_TOPIC_TYPES, stringifyTopic, type GossipTopicType } from '../topics';

/** Counters decay once per heartbeat. */
const DECAY_INTERVAL_MS = 1000;

/** The per-interval factor that halves a counter in `halfLifeS` seconds. */
function decayFor(halfLifeS: number): number {
  return Math.pow(0.5, DECAY_INTERVAL_MS / 1000 / halfLifeS);
}

/** Announcements drive the market; a worker advert matters less than a job arriving. */
const TOPIC_WEIGHT: Record<GossipTopicType, number> = { job_announcement: 1, worker_advert: 0.5 };

function topicParams(type: GossipTopicType): TopicScoreParams {
  return {
    topicWeight: TOPIC_WEIGHT[type],
    // P1: a small reward for staying in the mesh, so pruning keeps long-lived honest peers.
    timeInMeshWeight: 0.01,
    timeInMeshQuantum: 1000,
    timeInMeshCap: 600,
    // P2: reward peers that deliver a message first; at most +10 per topic, half-life one minute.
    firstMessageDeliveriesWeight: 1,
    firstMessageDeliveriesDecay: decayFor(60),
    firstMessageDeliveriesCap: 10,
    // P3/P3b off: announcements come in bursts when posters have work, so an honest mesh peer
    // would be punished for every quiet minute. (Lodestar disables P3 on low-rate topics too.)
    meshMessageDeliveriesWeight: 0,
    meshMessageDeliveriesDecay: decayFor(60),
    meshMessageDeliveriesCap: 1,
    meshMessageDeliveriesThreshold: 1,
    meshMessageDeliveriesWindow: 10,
    meshMessageDeliveriesActivation: 30_000,
    meshFailurePenaltyWeight: 0,
    meshFailurePenaltyDecay: decayFor(60),
    // P4: the square of the invalid-message count, weight -20, half-life five minutes: one bad
    // message is forgiven, a stream of them is not.
    invalidMessageDeliveriesWeight: -20,
    invalidMessageDeliveriesDecay: decayFor(300),
  };
}

export interface GossipScoreOptions {
  network: string;
  /** Our application score for the peer (P5): PeerScoreStore's plus the colocation penalty. */
  appScore: (peerId: string) => number;
}

export function gossipScoreParams(opts: GossipScoreOptions): Partial<PeerScoreParams> {
  const topics: Record<string, TopicScoreParams> = {};
  for (const type of GOSSIP_TOPIC_TYPES)
    topics[stringifyTopic({ type, network: opts.network })] = topicParams(type);
  return {
    topics,
    // Caps what goodwill from P1/P2 can offset: never more than a couple of invalid messages.
    topicScoreCap: 30,
    // P5 at weight 1: the application score (-100..100) counts as much as gossip behaviour.
    appSpecificScore: opts.appScore,
    appSpecificWeight: 1,
    // P6 off here: gossipsub's charges every peer on a crowded address, the honest with the junk,
    // and counts departed peers it retains. scoring/colocation.ts computes it by behaviour instead
    // and it arrives through P5.
    IPColocationFactorWeight: 0,
    IPColocationFactorThreshold: 5,
    IPColocationFactorWhitelist: new Set(),
    // P7: re-grafting during backoff or broken IWANT promises; a few are tolerated.
    behaviourPenaltyWeight: -10,
    behaviourPenaltyThreshold: 6,
    behaviourPenaltyDecay: decayFor(60),
    decayInterval: DECAY_INTERVAL_MS,
    decayToZero: 0.01,
    // Remember a departed peer's score for 10 minutes, so reconnecting does not wash it clean.
    retainScore: 10 * 60_000,
  };
}

export const GOSSIP_SCORE_THRESHOLDS: PeerScoreThresholds = {
  // One invalid message (-20) is tolerated; two (-20 * 2^2 = -80) stop gossip exchange with the peer.
  gossipThreshold: -40,
  publishThreshold: -80,
  // Three invalid messages (-180): every RPC from the peer is ignored; the peer manager then
  // disconnects it.
  graylistThreshold: -160,
  // Peer exchange is off (doPX false); this only matters if it is turned on.
  acceptPXThreshold: 20,
  opportunisticGraftThreshold: 5,
};
