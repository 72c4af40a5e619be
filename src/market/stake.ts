/**
 * What the market needs from the chain, as interfaces the settlement work implements over
 * starknet.js (`src/chain/`), with in-memory implementations for tests and simulations.
 *
 * `StakeRegistry` is the StakingRegistry contract's read side, one method per view, so a chain
 * implementation is three calls and a decode:
 *   peer_id_of(worker) -> ByteArray           => peerIdOf(worker): the text bound by bind_peer, '' if none
 *   eligibility(worker, collateral) -> felt252 => eligibility(...): undefined for 0, else the
 *                                                 short string decoded ('Worker is suspended', ...)
 *   free_stake_of(worker) -> u256              => freeStakeOf(worker)
 * The market never calls the registry directly: `RegistryStakeVerifier` turns it into the one
 * question a poster asks of a bid (may this peer, claiming this address, be awarded a job that
 * locks this collateral?), adding the check the contract cannot make: that the address is bound
 * to the peer that actually signed the bid.
 *
 * ReputationSource mirrors Reputation.score_of: basis points 0..10000, a newcomer has 5000.
 */
import { normalizeAddress } from '../shared/felt';

export type Eligibility = { ok: true } | { ok: false; reason: string; detail?: string };

/** The StakingRegistry views the market reads; worker addresses are 0x-prefixed felts. */
export interface StakeRegistry {
  peerIdOf(workerAddress: string): Promise<string>;
  /** undefined when eligible (the contract returns 0), else the contract's reason. */
  eligibility(workerAddress: string, collateral: bigint): Promise<string | undefined>;
  freeStakeOf(workerAddress: string): Promise<bigint>;
}

/** The poster's question about a bid. */
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

/** Eligibility on chain, then the binding of the claimed address to the signing peer. */
export class RegistryStakeVerifier implements StakeVerifier {
  constructor(private readonly registry: StakeRegistry) {}

  async verify(workerAddress: string, peerId: string, collateral: bigint): Promise<Eligibility> {
    // Both read at once (a window's close waits for them); the binding counts only when eligible.
    const binding = this.registry.peerIdOf(workerAddress);
    binding.catch(() => undefined); // awaited below unless the eligibility check already refused
    const reason = await this.registry.eligibility(workerAddress, collateral);
    if (reason === STAKE_REASONS.INSUFFICIENT_FREE_STAKE) {
      // The one reason a worker can act on at once; say by how much it falls short.
      const free = await this.registry.freeStakeOf(workerAddress);
      return { ok: false, reason, detail: `${reason}: ${free} fri free, job locks ${collateral}` };
    }
    if (reason !== undefined) return { ok: false, reason };
    const bound = await binding;
    if (bound !== peerId) {
      return {
        ok: false,
        reason: STAKE_REASONS.PEER_MISMATCH,
        detail: `address is bound to ${bound || 'no peer'}`,
      };
    }
    return { ok: true };
  }
}

interface StakeEntry {
  staked: bigint;
  locked: bigint;
  pendingUnstake: bigint;
  suspendedUntilS: number;
  peerId?: string;
}

/** Same checks, same order, same reasons as StakingRegistry; state is set by the test. */
export class InMemoryStakeRegistry implements StakeRegistry {
  private readonly entries = new Map<string, StakeEntry>();

  constructor(
    public minStake: bigint,
    private readonly nowS: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  private entry(address: string): StakeEntry {
    const key = normalizeAddress(address);
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { staked: 0n, locked: 0n, pendingUnstake: 0n, suspendedUntilS: 0 }));
    return e;
  }

  stake(address: string, amount: bigint): this {
    return this.update(address, (e) => (e.staked += amount));
  }

  bindPeer(address: string, peerId: string): this {
    return this.update(address, (e) => (e.peerId = peerId));
  }

  lock(address: string, amount: bigint): this {
    return this.update(address, (e) => (e.locked += amount));
  }

  requestUnstake(address: string, amount: bigint): this {
    return this.update(address, (e) => (e.pendingUnstake += amount));
  }

  suspend(address: string, untilS: number): this {
    return this.update(address, (e) => (e.suspendedUntilS = untilS));
  }

  /** Changes an address's entry (created empty), chainable as the setters above are. */
  private update(address: string, change: (e: StakeEntry) => unknown): this {
    change(this.entry(address));
    return this;
  }

  private reasonOf(address: string, collateral: bigint): string | undefined {
    const e = this.entries.get(normalizeAddress(address));
    if (!e || e.staked === 0n) return STAKE_REASONS.NOT_STAKED;
    if (e.pendingUnstake > 0n) return STAKE_REASONS.UNSTAKING;
    if (e.staked < this.minStake) return STAKE_REASONS.BELOW_MIN_STAKE;
    if (this.nowS() < e.suspendedUntilS) return STAKE_REASONS.SUSPENDED;
    if (free(e) < collateral) return STAKE_REASONS.INSUFFICIENT_FREE_STAKE;
    if (!e.peerId) return STAKE_REASONS.NO_PEER_ID;
    return undefined;
  }

  async eligibility(address: string, collateral: bigint): Promise<string | undefined> {
    return this.reasonOf(address, collateral);
  }

  async peerIdOf(address: string): Promise<string> {
    return this.entries.get(normalizeAddress(address))?.peerId ?? '';
  }

  async freeStakeOf(address: string): Promise<bigint> {
    const e = this.entries.get(normalizeAddress(address));
    return e ? free(e) : 0n;
  }
}

/** The contract's free_of (staked - locked - pending unstake), floored at 0 for hand-made states. */
function free(e: StakeEntry): bigint {
  const f = e.staked - e.locked - e.pendingUnstake;
  return f > 0n ? f : 0n;
}

export class InMemoryReputation implements ReputationSource {
  private readonly scores = new Map<string, number>();

  set(address: string, bps: number): this {
    if (!Number.isInteger(bps) || bps < 0 || bps > MAX_REPUTATION)
      throw new RangeError(`reputation out of range: ${bps}`);
    this.scores.set(normalizeAddress(address), bps);
    return this;
  }

  async scoreOf(workerAddress: string): Promise<number> {
    return this.scores.get(normalizeAddress(workerAddress)) ?? NEWCOMER_REPUTATION;
  }
}
