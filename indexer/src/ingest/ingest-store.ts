/**
 * The ingestor's database side: the build record and cursor, loading a chunk's rows, writing a
 * chunk (raw events, projections, journal, block hashes, cursor) in one transaction, and
 * replaying the journal backwards on a reorg. Bulk statements take the rows as one JSON
 * parameter (jsonb_populate_recordset), so a chunk costs a handful of round trips whatever its
 * size.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { BlockHeader } from '../../../src/chain/events/chain-source';
import type { ChunkChanges, LoadedRows } from './chunk-rows';
import {
  APPEND_TABLES,
  MUTABLE_TABLES,
  type JobRow,
  type MutableTable,
  type StatsRow,
  type WorkerRow,
} from './rows';

/** Bump with every migration that changes what the projections mean; a mismatch needs a reset. */
export const SCHEMA_VERSION = 2;

export interface BuildIdentity {
  schemaVersion: number;
  chainId: string;
  contracts: Record<string, string>;
  startBlock: number;
}

export interface Cursor {
  block: number;
  hash: string | null;
  timestamp: number;
}

export interface StoredBlock extends BlockHeader {
  journaled: boolean;
}

export class BuildMismatchError extends Error {
  constructor(readonly differences: string[]) {
    super(
      `the database was built for another configuration (${differences.join('; ')}); ` +
        'point DATABASE_URL/INDEXER_PG_DIR elsewhere, or start once with INDEXER_RESET=true to drop it and re-index',
    );
    this.name = 'BuildMismatchError';
  }
}

const ALL_TABLES = [
  'jobs',
  'workers',
  'market_stats_daily',
  ...APPEND_TABLES,
  'blocks',
  'undo_log',
  'ingest_state',
];

/** Amounts as text: a numeric(78) read as a JS number would lose digits. */
const STATS_COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, jobs_created, jobs_awarded, jobs_completed, jobs_disputed,
  jobs_resolved, jobs_cancelled, jobs_expired, slashes, budget_posted::text, price_awarded::text, volume::text, fees::text,
  slashed_amount::text`;

/**
 * Writes the rows in $1 (a JSON array with jsonb_populate_recordset, one object with
 * jsonb_populate_record) into a mutable table, replacing the row of the same key.
 */
function upsertSql(
  table: MutableTable,
  names: string[],
  populate: 'jsonb_populate_recordset' | 'jsonb_populate_record',
): string {
  const pk = MUTABLE_TABLES[table];
  const cols = names.map((c) => `"${c}"`).join(', ');
  const set = names
    .filter((c) => c !== pk)
    .map((c) => `"${c}" = EXCLUDED."${c}"`)
    .join(', ');
  return `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${populate}(NULL::${table}, $1::jsonb)
           ON CONFLICT ("${pk}") DO UPDATE SET ${set}`;
}

function columnsOf(row: object): string[] {
  return Object.keys(row);
}

export class IngestStore {
  constructor(readonly ds: DataSource) {}

  /** Creates the build record, or checks the existing one; resets everything when asked. */
  async open(identity: BuildIdentity, reset: boolean): Promise<Cursor> {
    return this.ds.transaction(async (m) => {
      const rows = (await m.query('SELECT * FROM ingest_state WHERE id = 1 FOR UPDATE')) as {
        schema_version: number;
        chain_id: string;
        contracts: Record<string, string>;
        start_block: string;
        cursor_block: string;
        cursor_hash: string | null;
        cursor_timestamp: string;
      }[];
      const row = rows[0];
      if (row) {
        const diff: string[] = [];
        if (row.schema_version !== identity.schemaVersion)
          diff.push(`schema version ${row.schema_version}, now ${identity.schemaVersion}`);
        if (row.chain_id !== identity.chainId) diff.push(`chain ${row.chain_id}, now ${identity.chainId}`);
        for (const [role, addr] of Object.entries(identity.contracts))
          if (row.contracts[role] !== addr)
            diff.push(`${role} ${row.contracts[role] ?? '(none)'}, now ${addr}`);
        if (Number(row.start_block) !== identity.startBlock)
          diff.push(`start block ${row.start_block}, now ${identity.startBlock}`);
        if (diff.length === 0 && !reset)
          return {
            block: Number(row.cursor_block),
            hash: row.cursor_hash,
            timestamp: Number(row.cursor_timestamp),
          };
        if (diff.length > 0 && !reset) throw new BuildMismatchError(diff);
      }
      if (reset || row) await m.query(`TRUNCATE ${ALL_TABLES.join(', ')} RESTART IDENTITY`);
      await m.query(
        `INSERT INTO ingest_state (id, schema_version, chain_id, contracts, start_block, cursor_block, cursor_hash, cursor_timestamp)
         VALUES (1, $1, $2, $3, $4, $5, NULL, 0)`,
        [
          identity.schemaVersion,
          identity.chainId,
          JSON.stringify(identity.contracts),
          identity.startBlock,
          identity.startBlock - 1,
        ],
      );
      return { block: identity.startBlock - 1, hash: null, timestamp: 0 };
    });
  }

  async cursor(): Promise<Cursor> {
    const [row] = (await this.ds.query(
      'SELECT cursor_block, cursor_hash, cursor_timestamp FROM ingest_state WHERE id = 1',
    )) as {
      cursor_block: string;
      cursor_hash: string | null;
      cursor_timestamp: string;
    }[];
    if (!row) throw new Error('ingest_state is empty: open() first');
    return {
      block: Number(row.cursor_block),
      hash: row.cursor_hash,
      timestamp: Number(row.cursor_timestamp),
    };
  }

  async storedBlock(n: number): Promise<StoredBlock | undefined> {
    const [row] = (await this.ds.query('SELECT * FROM blocks WHERE number = $1', [n])) as {
      number: string;
      hash: string;
      parent_hash: string;
      timestamp: string;
      journaled: boolean;
      tx_digest: string | null;
    }[];
    return (
      row && {
        number: Number(row.number),
        hash: row.hash,
        parentHash: row.parent_hash,
        timestamp: Number(row.timestamp),
        journaled: row.journaled,
        txDigest: row.tx_digest ?? undefined,
      }
    );
  }

  async load(
    keys: { jobs: number[]; workers: string[]; days: string[] },
    m?: EntityManager,
  ): Promise<LoadedRows> {
    const q = (sql: string, p: unknown[]) => (m ?? this.ds).query(sql, p);
    const [jobs, workers, stats] = await Promise.all([
      keys.jobs.length
        ? (q('SELECT * FROM jobs WHERE id = ANY($1::bigint[])', [keys.jobs]) as Promise<JobRow[]>)
        : [],
      keys.workers.length
        ? (q('SELECT * FROM workers WHERE address = ANY($1::text[])', [keys.workers]) as Promise<WorkerRow[]>)
        : [],
      keys.days.length
        ? (q(`SELECT ${STATS_COLUMNS} FROM market_stats_daily WHERE day = ANY($1::date[])`, [
            keys.days,
          ]) as Promise<StatsRow[]>)
        : [],
    ]);
    // pg returns bigint as strings: the projector works with numbers.
    const nums = <T extends object>(row: T, cols: (keyof T)[]) => {
      for (const c of cols) if (row[c] !== null) (row as Record<keyof T, unknown>)[c] = Number(row[c]);
      return row;
    };
    return {
      jobs: new Map(
        jobs.map((r) => [
          Number(r.id),
          nums(r, [
            'id',
            'exec_duration',
            'accept_by',
            'deadline',
            'review_until',
            'created_at',
            'updated_at',
            'created_block',
            'updated_block',
          ]),
        ]),
      ),
      workers: new Map(
        workers.map((r) => [
          r.address,
          nums(r, ['unstake_available_at', 'suspended_until', 'first_block', 'updated_block']),
        ]),
      ),
      stats: new Map(stats.map((r) => [r.day, r])),
    };
  }

  /** Everything of one chunk, and the cursor, in one transaction. */
  async write(
    changes: ChunkChanges,
    blocks: StoredBlock[],
    cursor: BlockHeader,
    prune: number,
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      const insert = async (table: string, rows: object[]) => {
        if (rows.length === 0) return;
        const cols = columnsOf(rows[0]!)
          .map((c) => `"${c}"`)
          .join(', ');
        await m.query(
          `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
          [JSON.stringify(rows)],
        );
      };
      const upsert = async (table: MutableTable, rows: object[]) => {
        if (rows.length === 0) return;
        await m.query(upsertSql(table, columnsOf(rows[0]!), 'jsonb_populate_recordset'), [
          JSON.stringify(rows),
        ]);
      };
      await insert('raw_events', changes.rawEvents);
      await insert('stake_events', changes.stakeEvents);
      await insert('slashes', changes.slashes);
      await insert('reputation_events', changes.reputation);
      await upsert(
        'jobs',
        [...changes.dirtyJobs].map((id) => changes.jobs.get(id)!),
      );
      await upsert(
        'workers',
        [...changes.dirtyWorkers].map((a) => changes.workers.get(a)!),
      );
      await upsert(
        'market_stats_daily',
        [...changes.dirtyStats].map((d) => changes.stats.get(d)!),
      );
      await insert('undo_log', changes.undo);
      if (blocks.length)
        await m.query(
          `INSERT INTO blocks (number, hash, parent_hash, timestamp, journaled, tx_digest)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bool[], $6::text[])
           ON CONFLICT (number) DO UPDATE SET hash = EXCLUDED.hash, parent_hash = EXCLUDED.parent_hash,
             timestamp = EXCLUDED.timestamp, journaled = EXCLUDED.journaled, tx_digest = EXCLUDED.tx_digest`,
          [
            blocks.map((b) => b.number),
            blocks.map((b) => b.hash),
            blocks.map((b) => b.parentHash),
            blocks.map((b) => b.timestamp),
            blocks.map((b) => b.journaled),
            blocks.map((b) => b.txDigest ?? null),
          ],
        );
      // Final blocks need no journal; the cursor's own hash is kept to check the next parent.
      await m.query('DELETE FROM undo_log WHERE block_number <= $1', [prune]);
      await m.query('DELETE FROM blocks WHERE number <= $1 AND number <> $2', [prune, cursor.number]);
      await m.query(
        'UPDATE ingest_state SET cursor_block = $1, cursor_hash = $2, cursor_timestamp = $3 WHERE id = 1',
        [cursor.number, cursor.hash, cursor.timestamp],
      );
    });
  }

  /**
   * Refreshes the planner's statistics. After a bulk ingest they describe the empty tables, and
   * the planner then sorts thousands of rows for a 50-row page instead of walking an index.
   */
  async analyze(): Promise<void> {
    await this.ds.query(
      'ANALYZE jobs, workers, stake_events, slashes, reputation_events, market_stats_daily',
    );
  }

  /**
   * Undoes every block above `fork`: journal newest first, appended rows deleted; cursor to the
   * fork. Answers how many journal rows it replayed and which jobs they touched.
   */
  async rollback(
    fork: BlockHeader | { number: number; hash: null; timestamp: number },
  ): Promise<{ undone: number; jobs: string[] }> {
    return this.ds.transaction(async (m) => {
      const undo = (await m.query(
        'SELECT table_name, pk, before FROM undo_log WHERE block_number > $1 ORDER BY id DESC',
        [fork.number],
      )) as {
        table_name: MutableTable;
        pk: string;
        before: Record<string, unknown> | null;
      }[];
      for (const u of undo) {
        const pk = MUTABLE_TABLES[u.table_name];
        if (!(u.table_name in MUTABLE_TABLES))
          throw new Error(`undo_log names unknown table ${u.table_name}`);
        if (u.before === null) {
          await m.query(`DELETE FROM ${u.table_name} WHERE "${pk}" = $1`, [u.pk]);
        } else {
          await m.query(upsertSql(u.table_name, Object.keys(u.before), 'jsonb_populate_record'), [
            JSON.stringify(u.before),
          ]);
        }
      }
      for (const t of APPEND_TABLES) await m.query(`DELETE FROM ${t} WHERE block_number > $1`, [fork.number]);
      await m.query('DELETE FROM undo_log WHERE block_number > $1', [fork.number]);
      await m.query('DELETE FROM blocks WHERE number > $1', [fork.number]);
      await m.query(
        'UPDATE ingest_state SET cursor_block = $1, cursor_hash = $2, cursor_timestamp = $3 WHERE id = 1',
        [fork.number, fork.hash, fork.timestamp],
      );
      const jobs = new Set(undo.filter((u) => u.table_name === 'jobs').map((u) => String(u.pk)));
      return { undone: undo.length, jobs: [...jobs] };
    });
  }
}
