/**
 * Applies decoded events, in chain order, to the projections of one chunk (chunk-rows.ts): what
 * each market, registry and reputation event changes in the jobs, workers and daily statistics,
 * and the append-only rows (stake events, slashes, reputation evidence) it adds.
 */
import { shortString } from 'starknet';
import type { DecodedEvent, Value } from '../../../src/chain/events/event-codec';
import { type ChunkChanges, ChunkRows, type LoadedRows, dayOf } from './chunk-rows';
import type { Position, RawEventRow } from './rows';

export { dayOf };

export interface ProjectedEvent {
  raw: RawEventRow;
  decoded: DecodedEvent;
}

const big = (v: Value | undefined): bigint => BigInt(v as bigint);
const num = (v: Value | undefined): number => Number(v as bigint | number);
const str = (v: Value | undefined): string => String(v);
const plus = (a: string, b: bigint): string => (BigInt(a) + b).toString();

function feltText(felt: Value | undefined): string {
  try {
    return shortString.decodeShortString(str(felt));
  } catch {
    return str(felt);
  }
}

/** Which rows a chunk's events will touch, so they can be loaded in one query per table. */
export function touchedKeys(events: ProjectedEvent[]): { jobs: number[]; workers: string[]; days: string[] } {
  const jobs = new Set<number>();
  const workers = new Set<string>();
  const days = new Set<string>();
  for (const { decoded, raw } of events) {
    const f = decoded.fields;
    if (decoded.contract === 'market') {
      if (f.job_id !== undefined) jobs.add(num(f.job_id));
      if (decoded.name === 'JobAwarded') workers.add(str(f.worker));
      days.add(dayOf(raw.timestamp));
    } else if (f.worker !== undefined) {
      workers.add(str(f.worker));
      if (decoded.name === 'Slashed') days.add(dayOf(raw.timestamp));
    }
  }
  return { jobs: [...jobs], workers: [...workers], days: [...days] };
}

export class Projector {
  readonly changes: ChunkChanges;
  private readonly rows: ChunkRows;

  constructor(
    loaded: LoadedRows,
    /** Blocks above this number are not final yet: their changes are journaled. */
    horizon: number,
  ) {
    this.rows = new ChunkRows(loaded, horizon);
    this.changes = this.rows.changes;
  }

  apply({ raw, decoded }: ProjectedEvent): void {
    this.changes.rawEvents.push(raw);
    const p: Position = raw;
    const f = decoded.fields;
    if (decoded.contract === 'market') this.market(decoded.name, f, p);
    else if (decoded.contract === 'registry') this.registry(decoded.name, f, p);
    else if (decoded.name === 'ReputationUpdated') this.reputation(f, p);
  }

  private market(name: string, f: Record<string, Value>, p: Position): void {
    const id = num(f.job_id);
    switch (name) {
      case 'JobCreated': {
        this.rows.job(id, p, () => ({
          id,
          status: 'Open',
          poster: str(f.poster),
          worker: null,
          budget: big(f.budget).toString(),
          price: null,
          collateral: '0',
          manifest_hash: str(f.manifest_hash),
          exec_duration: num(f.exec_duration),
          max_attempts: num(f.max_attempts),
          attempts: 0,
          accept_by: null,
          deadline: null,
          review_until: null,
          commitment: null,
          dispute_reason: null,
          fee_bps: null,
          slash_bps: null,
          dispute_bond: '0',
          payout: '0',
          fee: '0',
          refund: '0',
          slashed: '0',
          created_at: p.timestamp,
          updated_at: p.timestamp,
          created_block: p.block_number,
          updated_block: p.block_number,
        }));
        const s = this.rows.stats(p);
        s.jobs_created++;
        s.budget_posted = plus(s.budget_posted, big(f.budget));
        return;
      }
      case 'JobCancelled': {
        const j = this.rows.job(id, p);
        j.status = 'Cancelled';
        j.refund = big(f.refund).toString();
        this.rows.stats(p).jobs_cancelled++;
        return;
      }
      case 'JobAwarded': {
        const j = this.rows.job(id, p);
        Object.assign(j, {
          status: 'Awarded',
          worker: str(f.worker),
          price: big(f.price).toString(),
          collateral: big(f.collateral).toString(),
          accept_by: num(f.accept_by),
          attempts: num(f.attempt),
          fee_bps: num(f.fee_bps),
          slash_bps: num(f.slash_bps),
          deadline: null,
          review_until: null,
        });
        this.rows.worker(str(f.worker), p).jobs_awarded++;
        const s = this.rows.stats(p);
        s.jobs_awarded++;
        s.price_awarded = plus(s.price_awarded, big(f.price));
        return;
      }
      case 'JobAccepted': {
        const j = this.rows.job(id, p);
        j.status = 'Accepted';
        j.deadline = num(f.deadline);
        return;
      }
      case 'ResultSubmitted': {
        const j = this.rows.job(id, p);
        j.status = 'Submitted';
        j.commitment = str(f.commitment);
        j.review_until = num(f.review_until);
        return;
      }
      case 'JobCompleted':
      case 'JobResolved': {
        const j = this.rows.job(id, p);
        j.status = name === 'JobCompleted' ? 'Completed' : 'Resolved';
        j.payout = big(f.payout).toString();
        j.fee = big(f.fee).toString();
        j.refund = big(f.refund).toString();
        if (f.slashed !== undefined) j.slashed = plus(j.slashed, big(f.slashed));
        const s = this.rows.stats(p);
        if (name === 'JobCompleted') s.jobs_completed++;
        else s.jobs_resolved++;
        s.volume = plus(s.volume, big(f.payout));
        s.fees = plus(s.fees, big(f.fee));
        return;
      }
      case 'JobDisputed': {
        const j = this.rows.job(id, p);
        j.status = 'Disputed';
        j.dispute_reason = feltText(f.reason);
        j.dispute_bond = big(f.bond).toString();
        this.rows.stats(p).jobs_disputed++;
        return;
      }
      case 'JobExpired': {
        // The contract clears the award; JobReopened or JobRefunded follows with the new status.
        const j = this.rows.job(id, p);
        Object.assign(j, { worker: null, price: null, collateral: '0', accept_by: null, deadline: null });
        j.slashed = plus(j.slashed, big(f.slashed));
        return;
      }
      case 'JobReopened':
        this.rows.job(id, p).status = 'Open';
        return;
      case 'JobRefunded': {
        const j = this.rows.job(id, p);
        j.status = 'Expired';
        j.refund = big(f.refund).toString();
        this.rows.stats(p).jobs_expired++;
        return;
      }
      default:
        return; // configuration events (fees, params, roles, ownership): raw only
    }
  }

  private stakeEvent(
    worker: string,
    kind: string,
    f: Record<string, Value>,
    p: Position,
    after: Value | undefined,
  ): void {
    this.changes.stakeEvents.push({
      ...pos(p),
      worker,
      kind,
      amount: big(f.amount).toString(),
      balance_after: after === undefined ? null : big(after).toString(),
      job_id: f.job_id === undefined ? null : num(f.job_id),
    });
  }

  private registry(name: string, f: Record<string, Value>, p: Position): void {
    if (f.worker === undefined) return; // MarketSet, ParamsUpdated, ownership
    const address = str(f.worker);
    const w = this.rows.worker(address, p);
    switch (name) {
      case 'Staked':
        w.staked = big(f.staked).toString();
        return this.stakeEvent(address, 'staked', f, p, f.staked);
      case 'UnstakeRequested':
        w.pending_unstake = big(f.pending).toString();
        w.unstake_available_at = num(f.available_at);
        return this.stakeEvent(address, 'unstake_requested', f, p, undefined);
      case 'UnstakeCancelled':
        w.pending_unstake = '0';
        w.unstake_available_at = 0;
        return this.stakeEvent(address, 'unstake_cancelled', f, p, undefined);
      case 'Withdrawn':
        w.staked = big(f.staked).toString();
        w.pending_unstake = '0';
        w.unstake_available_at = 0;
        return this.stakeEvent(address, 'withdrawn', f, p, f.staked);
      case 'PeerBound':
        w.peer_id = str(f.peer_id);
        return;
      case 'CollateralLocked':
      case 'CollateralReleased':
        w.locked = big(f.locked).toString();
        return this.stakeEvent(
          address,
          name === 'CollateralLocked' ? 'collateral_locked' : 'collateral_released',
          f,
          p,
          f.locked,
        );
      case 'Slashed': {
        w.locked = plus(w.locked, -big(f.amount));
        w.staked = big(f.staked).toString();
        w.suspended_until = num(f.suspended_until);
        this.changes.slashes.push({
          ...pos(p),
          worker: address,
          job_id: num(f.job_id),
          amount: big(f.amount).toString(),
          staked_after: big(f.staked).toString(),
          suspended_until: num(f.suspended_until),
        });
        const s = this.rows.stats(p);
        s.slashes++;
        s.slashed_amount = plus(s.slashed_amount, big(f.amount));
        return this.stakeEvent(address, 'slashed', f, p, f.staked);
      }
      default:
        return;
    }
  }

  private reputation(f: Record<string, Value>, p: Position): void {
    const address = str(f.worker);
    const w = this.rows.worker(address, p);
    w.completed = num(f.completed);
    w.failed = num(f.failed);
    w.slashed_count = num(f.slashed);
    w.score = num(f.score);
    this.changes.reputation.push({
      ...pos(p),
      worker: address,
      job_id: num(f.job_id),
      outcome: feltText(f.outcome),
      completed: w.completed,
      failed: w.failed,
      slashed: w.slashed_count,
      score: w.score,
    });
  }
}

function pos(p: Position): Position {
  return {
    block_number: p.block_number,
    tx_hash: p.tx_hash,
    event_index: p.event_index,
    timestamp: p.timestamp,
  };
}
