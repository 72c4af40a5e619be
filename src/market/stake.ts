/**
 * What the market needs from the chain, as interfaces the settlement work implements over
 * starknet.js, with in-memory implementations for tests and simulations.
 *
 * StakeVerifier mirrors StakingRegistry: a bid's claimed Starknet address must be bound to the
 * sending peer id (`peer_id_of(worker)`, base58 text as `bind_peer` stored it) and eligible for
 * the job's collateral (`eligibility(worker, collateral) == 0`, else its short-string reason).
 * ReputationSource mirrors Reputation.score_of: basis points 0..10000, a newcomer has 5000.
 */
export type Eligibility = { ok: true } | { ok: false; reason: string };

export interface StakeVerifier {
  verify(workerAddress: string, peerId: string, collateral: bigint): Promise<Eligibility>;
}

export interface ReputationSource {
  scoreOf(workerAddress: string): Promise<number>;
}

export const MAX_REPUTATION = 10_000;
export const NEWCOMER_REPUTATION = 5_000;

/** Reasons, verbatim from contracts/src/staking/errors.cairo, plus the binding check's own. */
export const STAKE_REASONS = {
  NOT_STAKED: 'Worker has no stake',
  BELOW_MIN_STAKE: 'Worker stake below minimum',
  UNSTAKING: 'Worker is unstaking',
  SUSPENDED: 'Worker is suspended',
  INSUFFICIENT_FREE_STAKE: 'Insufficient free stake',
  NO_PEER_ID: 'Worker has no peer id',
  /** Not a contract reason: the address is bound, but to another peer than the bidder. */
  PEER_MISMATCH: 'Peer id not bound to worker',
} as const;

interface StakeEntry {
  staked: bigint;
  locked: bigint;
  pendingUnstake: bigint;
  suspendedUntilS: number;
  peerId?: string;
}

/** Normalises a felt's text form so lookups do not depend on padding or case. */
export function normaliseAddress(address: string): string {
  return `0x${BigInt(address).toString(16)}`;
}

/** Same checks, same order, same reasons as StakingRegistry.eligibility. */
export class InMemoryStakeRegistry implements StakeVerifier {
  private readonly entries = new Map<string, StakeEntry>();

  constructor(
    public minStake: bigint,
    private readonly nowS: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  private entry(address: string): StakeEntry {
    const key = normaliseAddress(address);
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { staked: 0n, locked: 0n, pendingUnstake: 0n, suspendedUntilS: 0 }));
    return e;
  }

  stake(address: string, amount: bigint): this {
    this.entry(address).staked += amount;
    return this;
  }

  bindPeer(address: string, peerId: string): this {
    this.entry(address).peerId = peerId;
    return this;
  }

  lock(address: string, amount: bigint): this {
    this.entry(address).locked += amount;
    return this;
  }

  requestUnstake(address: string, amount: bigint): this {
    this.entry(address).pendingUnstake += amount;
    return this;
  }

  suspend(address: string, untilS: number): this {
    this.entry(address).suspendedUntilS = untilS;
    return this;
  }

  eligibility(address: string, collateral: bigint): string | undefined {
    const e = this.entries.get(normaliseAddress(address));
    if (!e || e.staked === 0n) return STAKE_REASONS.NOT_STAKED;
    if (e.pendingUnstake > 0n) return STAKE_REASONS.UNSTAKING;
    if (e.staked < this.minStake) return STAKE_REASONS.BELOW_MIN_STAKE;
    if (this.nowS() < e.suspendedUntilS) return STAKE_REASONS.SUSPENDED;
    if (e.staked - e.locked - e.pendingUnstake < collateral) return STAKE_REASONS.INSUFFICIENT_FREE_STAKE;
    if (!e.peerId) return STAKE_REASONS.NO_PEER_ID;
    return undefined;
  }

  async verify(workerAddress: string, peerId: string, collateral: bigint): Promise<Eligibility> {
    const reason = this.eligibility(workerAddress, collateral);
    if (reason) return { ok: false, reason };
    if (this.entries.get(normaliseAddress(workerAddress))?.peerId !== peerId) {
      return { ok: false, reason: STAKE_REASONS.PEER_MISMATCH };
    }
    return { ok: true };
  }
}

export class InMemoryReputation implements ReputationSource {
  private readonly scores = new Map<string, number>();

  set(address: string, bps: number): this {
    if (!Number.isInteger(bps) || bps < 0 || bps > MAX_REPUTATION)
      throw new RangeError(`reputation out of range: ${bps}`);
    this.scores.set(normaliseAddress(address), bps);
    return this;
  }

  async scoreOf(workerAddress: string): Promise<number> {
    return this.scores.get(normaliseAddress(workerAddress)) ?? NEWCOMER_REPUTATION;
  }
}
