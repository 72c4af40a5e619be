/**
 * The projections of one chunk, held in memory: rows are loaded once per chunk by primary key,
 * changed by the projector (projector.ts), and written back in bulk (ingest-store.ts). For blocks
 * above the finality horizon the first change of a row in a block records the row's
 * before-image, which is what a reorg replays backwards.
 */
import type {
  JobRow,
  MutableTable,
  Position,
  RawEventRow,
  ReputationEventRow,
  SlashRow,
  StakeEventRow,
  StatsRow,
  UndoRow,
  WorkerRow,
} from './rows';

/** Rows a chunk starts from, loaded by primary key (absent = does not exist yet). */
export interface LoadedRows {
  jobs: Map<number, JobRow>;
  workers: Map<string, WorkerRow>;
  stats: Map<string, StatsRow>;
}

export interface ChunkChanges extends LoadedRows {
  dirtyJobs: Set<number>;
  dirtyWorkers: Set<string>;
  dirtyStats: Set<string>;
  rawEvents: RawEventRow[];
  stakeEvents: StakeEventRow[];
  slashes: SlashRow[];
  reputation: ReputationEventRow[];
  undo: UndoRow[];
}

export class ProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionError';
  }
}

/** The UTC day of a block timestamp, the key of the daily statistics. */
export function dayOf(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** A chunk's rows: each is fetched through here, which journals it and marks it for writing. */
export class ChunkRows {
  readonly changes: ChunkChanges;
  /** (table, pk) pairs whose before-image is already journaled for the current block. */
  private journaled = new Set<string>();
  private journalBlock = -1;

  constructor(
    loaded: LoadedRows,
    /** Blocks above this number are not final yet: their changes are journaled. */
    private readonly horizon: number,
  ) {
    this.changes = {
      ...loaded,
      dirtyJobs: new Set(),
      dirtyWorkers: new Set(),
      dirtyStats: new Set(),
      rawEvents: [],
      stakeEvents: [],
      slashes: [],
      reputation: [],
      undo: [],
    };
  }

  private journal(
    table: MutableTable,
    pk: string,
    before: JobRow | WorkerRow | StatsRow | undefined,
    block: number,
  ): void {
    if (block <= this.horizon) return;
    if (block !== this.journalBlock) {
      this.journalBlock = block;
      this.journaled.clear();
    }
    const key = `${table}:${pk}`;
    if (this.journaled.has(key)) return;
    this.journaled.add(key);
    this.changes.undo.push({
      block_number: block,
      table_name: table,
      pk,
      before: before ? structuredClone(before) : null,
    });
  }

  job(id: number, p: Position, create?: () => JobRow): JobRow {
    let row = this.changes.jobs.get(id);
    this.journal('jobs', String(id), row, p.block_number);
    if (!row) {
      if (!create)
        throw new ProjectionError(
          `event for unknown job ${id} at block ${p.block_number}: was startBlock set after the job's creation?`,
        );
      row = create();
      this.changes.jobs.set(id, row);
    }
    row.updated_at = p.timestamp;
    row.updated_block = p.block_number;
    this.changes.dirtyJobs.add(id);
    return row;
  }

  worker(address: string, p: Position): WorkerRow {
    let row = this.changes.workers.get(address);
    this.journal('workers', address, row, p.block_number);
    if (!row) {
      row = {
        address,
        staked: '0',
        locked: '0',
        pending_unstake: '0',
        unstake_available_at: 0,
        suspended_until: 0,
        peer_id: null,
        completed: 0,
        failed: 0,
        slashed_count: 0,
        score: 5000,
        jobs_awarded: 0,
        first_block: p.block_number,
        updated_block: p.block_number,
      };
      this.changes.workers.set(address, row);
    }
    row.updated_block = p.block_number;
    this.changes.dirtyWorkers.add(address);
    return row;
  }

  stats(p: Position): StatsRow {
    const day = dayOf(p.timestamp);
    let row = this.changes.stats.get(day);
    this.journal('market_stats_daily', day, row, p.block_number);
    if (!row) {
      row = {
        day,
        jobs_created: 0,
        jobs_awarded: 0,
        jobs_completed: 0,
        jobs_disputed: 0,
        jobs_resolved: 0,
        jobs_cancelled: 0,
        jobs_expired: 0,
        slashes: 0,
        budget_posted: '0',
        price_awarded: '0',
        volume: '0',
        fees: '0',
        slashed_amount: '0',
      };
      this.changes.stats.set(day, row);
    }
    this.changes.dirtyStats.add(day);
    return row;
  }
}
