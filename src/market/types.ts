import type { JobRequirements } from '../discovery/capabilities';

/**
 * The terms of a job as the announcement carries them: the on-chain job (src/chain/job.ts) as
 * its poster created it, and the market's collateral rate, which the poster reads from the
 * contract. Nothing here is the poster's own invention: a worker can check each on chain.
 */
export interface JobTerms {
  /** The JobMarket's id (create_job's return value), a u64 from 1. */
  jobId: bigint;
  posterAddress: bigint;
  manifestHash: bigint;
  requirements: JobRequirements;
  /** The budget escrowed on chain: the most the poster pays for the job, fri. */
  budget: bigint;
  /** The market's collateral_bps: the winner locks this share of its price (collateralFor). */
  collateralBps: number;
  /** The job's exec_duration: seconds from accept to submit. */
  execDurationS: bigint;
  /** This award's number (1 for a fresh job) and the job's max_attempts. */
  attempt: number;
  maxAttempts: number;
  /**
   * SHA-256 of the manifest's bytes (hex): what the awarded worker fetches it by. Its 250-bit
   * cut must be `manifestHash`. Absent in simulations that never run the job.
   */
  manifestSha256?: string;
}

/** What a poster asks the network for. */
export interface JobSpec extends JobTerms {
  /** How long bids are taken; the node's default if absent. */
  bidWindowMs?: number;
  /** Close the window early once this many valid bids are in; the node's default if absent. */
  maxBids?: number;
  /**
   * Closing early because every worker the advert book knows has bid (src/market/bid-window.ts)
   * waits for at least this many bids (default 1): a graph unit's k replicas need k workers.
   */
  minBids?: number;
  /**
   * Take bids until the deadline even when every worker the advert book knows has bid: for a
   * poster who wants offers from workers it has not heard advertise yet (and for tests that
   * need a job to stay in its bid window for a known time).
   */
  fullWindow?: boolean;
  /** Refuse bids that carry no award consent (a job that will be awarded on chain). */
  requireConsent?: boolean;
  /**
   * The job's own choice among ranked candidates, made as the window closes and before the
   * candidate's chain checks (a graph's units see which workers the windows closing with them
   * took): a reason refuses it and the next is tried. A candidate it lets through is taken at
   * once, so that windows closing together spread over the workers in one round of chain checks
   * rather than each trying, one round of reads at a time, the workers the others took.
   */
  vetBid?: (bid: ReceivedBid) => Promise<string | undefined>;
  /** The candidate vetBid let through failed its chain checks: undo what the vet took. */
  releaseBid?: (bid: ReceivedBid) => void;
  /**
   * A check of a ranked candidate that depends on the bid alone (the job life checks its
   * consent signature with the worker's account), read at the close together with its stake;
   * its reason refuses the bid.
   */
  checkBid?: (bid: ReceivedBid) => Promise<string | undefined>;
}

/** The signed content of a job announcement (the JobAnnouncement payload). */
export interface AnnouncementFields extends JobTerms {
  bidDeadlineMs: number;
  maxBids: number;
  /** Where to reach the poster (signed by it), for workers not connected to it. */
  posterAddrs: string[];
}

/** An announcement as a worker sees it, after validation. */
export interface Announcement extends AnnouncementFields {
  /** The poster's peer id (text and bytes): the signer of the announcement. */
  poster: string;
  posterBytes: Uint8Array;
  /** SHA-256 of the announcement envelope; bids and the outcome refer to it. */
  digest: Uint8Array;
}

/**
 * The worker account's SNIP-12 consent to be awarded a job at its bid's price
 * (src/chain/award-consent.ts): what `award_job` checks on chain. A bid without one cannot be
 * awarded on chain (only simulations, which never touch the chain, bid without it).
 */
export interface BidConsent {
  /** Unix seconds after which the consent no longer allows the award. */
  expiry: bigint;
  signature: bigint[];
}

export interface BidPayload {
  jobId: bigint;
  poster: Uint8Array;
  announcementDigest: Uint8Array;
  workerAddress: bigint;
  price: bigint;
  consent?: BidConsent;
}

/** A bid a poster accepted into a job's window. */
export interface ReceivedBid extends BidPayload {
  /** The bidding peer (authenticated: transport and signature agree). */
  worker: string;
  /** The same peer id as bytes (its identity multihash), as the outcome names the winner. */
  workerPeerId: Uint8Array;
  /** SHA-256 of the bid envelope, named in the outcome. */
  digest: Uint8Array;
  receivedAtMs: number;
}

export interface OutcomePayload {
  jobId: bigint;
  announcementDigest: Uint8Array;
  winner: Uint8Array;
  winnerAddress: bigint;
  price: bigint;
  winningBidDigest: Uint8Array;
}
