/**
 * Follows the chain: checks the stored cursor against the chain (a parent hash that does not
 * match means a reorg: roll back to the fork point), reads the next chunk of events, projects
 * it and commits it with the new cursor in one transaction. Errors of the database or the RPC
 * are logged and retried with backoff, resuming from the committed cursor; only a reorg deeper
 * than the journal can undo, or a database built for something else, stops it.
 */
import type { Logger } from 'pino';
import {
  type BlockHeader,
  type ChainSource,
  type RawEvent,
  sameBlock,
} from '../../../src/chain/events/chain-source';
import type { AbiCodec, DecodedEvent, Value } from '../../../src/chain/events/event-codec';
import type { IndexerMetrics } from '../metrics';
import { COMMIT_EVENT_VERSION, CommitFeed } from './commit-feed';
import {
  BuildMismatchError,
  type Cursor,
  type IngestStore,
  SCHEMA_VERSION,
  type StoredBlock,
} from './ingest-store';
import { type ProjectedEvent, Projector, touchedKeys } from './projector';

export interface IngestorOptions {
  startBlock: number;
  finalityDepth: number;
  chunkBlocks: number;
  pollMs: number;
  retryMs: number;
  reset?: boolean;
}

export class ReorgTooDeepError extends Error {
  constructor(
    readonly block: number,
    readonly cursor: number,
    readonly finalityDepth: number,
  ) {
    super(
      `reorg below the journal: block ${block} changed on chain but was final when ingested (cursor ${cursor}, ` +
        `finality depth ${finalityDepth}); the projections cannot be rolled back that far — re-index with INDEXER_RESET=true`,
    );
    this.name = 'ReorgTooDeepError';
  }
}

/** The chain changed while a chunk was being read; the chunk is dropped and read again. */
export class ChainMovedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChainMovedError';
  }
}

export type StepResult = 'advanced' | 'idle' | 'reorged';

export interface IngestStatus {
  head: number;
  cursor: number;
  caughtUp: boolean;
  lastError: string | null;
  fatal: string | null;
}

function jsonSafe(v: Value): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export class Ingestor {
  readonly status: IngestStatus = { head: -1, cursor: -1, caughtUp: false, lastError: null, fatal: null };
  private stopped = false;
  /** Events written since the planner statistics were last refreshed (-1: never this run). */
  private sinceAnalyze = -1;
  private wake: (() => void) | undefined;

  constructor(
    private readonly chain: ChainSource,
    private readonly codec: AbiCodec,
    private readonly store: IngestStore,
    private readonly opts: IngestorOptions,
    private readonly log: Logger,
    private readonly metrics: IndexerMetrics,
    /** Told after each commit and rollback: what subscriptions and the query cache follow. */
    readonly feed: CommitFeed = new CommitFeed(),
  ) {}

  /** Checks (or writes) the database's build record. */
  async open(contracts: Record<string, string>): Promise<Cursor> {
    const cursor = await this.store.open(
      {
        schemaVersion: SCHEMA_VERSION,
        chainId: await this.chain.chainId(),
        contracts,
        startBlock: this.opts.startBlock,
      },
      this.opts.reset ?? false,
    );
    this.status.cursor = cursor.block;
    return cursor;
  }

  /** One step: a reorg check and at most one chunk. */
  async step(): Promise<StepResult> {
    const head = await this.chain.head();
    const cursor = await this.store.cursor();
    this.status.head = head;
    this.status.cursor = cursor.block;
    this.metrics.headBlock.set(head);

    if (cursor.hash !== null) {
      // The next block must name ours as its parent, and ours must still be ours.
      const [next, current, stored] = await Promise.all([
        head > cursor.block ? this.chain.block(cursor.block + 1) : undefined,
        this.chain.block(cursor.block),
        this.store.storedBlock(cursor.block),
      ]);
      const moved =
        (next !== undefined && next.parentHash !== cursor.hash) ||
        current === undefined ||
        !sameBlock(current, stored ?? { hash: cursor.hash });
      if (moved) {
        await this.rollback(cursor);
        return 'reorged';
      }
    }
    if (head <= cursor.block) {
      this.markLag(head, cursor, cursor.timestamp);
      if (this.sinceAnalyze < 0) {
        await this.store.analyze();
        this.sinceAnalyze = 0;
      }
      this.status.caughtUp = true;
      return 'idle';
    }
    const timer = this.metrics.chunkSeconds.startTimer();
    const from = cursor.block + 1;
    const to = Math.min(head, from + this.opts.chunkBlocks - 1);
    const horizon = head - this.opts.finalityDepth;
    const raw = await this.chain.events(from, to, this.codec.addresses());

    const wanted = new Set<number>(raw.map((e) => e.blockNumber));
    for (let n = Math.max(from, horizon + 1); n <= to; n++) wanted.add(n);
    wanted.add(to);
    const numbers = [...wanted].sort((a, b) => a - b);
    const headers = new Map<number, BlockHeader>();
    for (const h of await mapLimit(numbers, 8, (n) => this.chain.block(n))) if (h) headers.set(h.number, h);
    this.checkConsistent(numbers, headers, raw, cursor, horizon);

    const events = raw.map((e) => this.project(e, headers.get(e.blockNumber)!));
    const projector = new Projector(await this.store.load(touchedKeys(events)), horizon);
    for (const e of events) projector.apply(e);

    const toHeader = headers.get(to)!;
    const blocks: StoredBlock[] = numbers
      .filter((n) => n > horizon || n === to)
      .map((n) => ({ ...headers.get(n)!, journaled: n > horizon }));
    await this.store.write(projector.changes, blocks, toHeader, horizon);
    this.feed.emit({
      v: COMMIT_EVENT_VERSION,
      kind: 'advanced',
      block: { number: to, hash: toHeader.hash, timestamp: toHeader.timestamp },
      jobs: [...projector.changes.dirtyJobs].map(String),
    });

    for (const e of events) this.metrics.eventsIngested.inc({ contract: e.decoded.contract });
    this.sinceAnalyze = this.sinceAnalyze < 0 ? -1 : this.sinceAnalyze + events.length;
    if (this.sinceAnalyze > 100_000) this.sinceAnalyze = -1; // refreshed at the next catch-up
    this.status.cursor = to;
    this.metrics.cursorBlock.set(to);
    const headTs =
      to === head ? toHeader.timestamp : ((await this.chain.block(head))?.timestamp ?? toHeader.timestamp);
    this.markLag(head, { block: to, hash: toHeader.hash, timestamp: toHeader.timestamp }, headTs);
    this.status.caughtUp = to >= head;
    timer();
    this.log.debug({ from, to, head, events: events.length }, 'chunk committed');
    return 'advanced';
  }

  private markLag(head: number, cursor: Cursor, headTimestamp: number): void {
    this.metrics.cursorBlock.set(cursor.block);
    this.metrics.lagBlocks.set(Math.max(0, head - cursor.block));
    this.metrics.lagSeconds.set(Math.max(0, headTimestamp - cursor.timestamp));
  }

  /** Every block the chunk relies on must be there and agree with the events and its neighbours. */
  private checkConsistent(
    numbers: number[],
    headers: Map<number, BlockHeader>,
    raw: RawEvent[],
    cursor: Cursor,
    horizon: number,
  ): void {
    for (const n of numbers)
      if (!headers.has(n)) throw new ChainMovedError(`block ${n} disappeared while reading`);
    for (const e of raw)
      if (headers.get(e.blockNumber)!.hash !== e.blockHash)
        throw new ChainMovedError(
          `block ${e.blockNumber} changed while reading (event hash differs from header)`,
        );
    for (const n of numbers) {
      const prev = n === cursor.block + 1 ? cursor.hash : headers.get(n - 1)?.hash;
      if (n > horizon && prev !== undefined && prev !== null && headers.get(n)!.parentHash !== prev)
        throw new ChainMovedError(`block ${n} does not extend block ${n - 1} any more`);
    }
  }

  private project(e: RawEvent, header: BlockHeader): ProjectedEvent {
    const decoded: DecodedEvent = this.codec.decode(e.fromAddress, e.keys, e.data) ?? {
      contract: 'market',
      name: `unknown:${e.keys[0] ?? ''}`,
      fields: {},
    };
    return {
      decoded,
      raw: {
        block_number: e.blockNumber,
        block_hash: e.blockHash,
        tx_hash: e.txHash,
        tx_index: e.txIndex,
        event_index: e.eventIndex,
        timestamp: header.timestamp,
        contract: decoded.contract,
        name: decoded.name,
        keys: e.keys,
        data: e.data,
        decoded: jsonSafe(decoded.fields) as Record<string, unknown>,
      },
    };
  }

  /** Walks back from the cursor over journaled blocks to the newest block the chain still has. */
  private async rollback(cursor: Cursor): Promise<void> {
    let k = cursor.block;
    let fork: { number: number; hash: string | null; timestamp: number } | undefined;
    while (k >= this.opts.startBlock) {
      const stored = await this.store.storedBlock(k);
      const onChain = await this.chain.block(k);
      if (stored && onChain && sameBlock(stored, onChain)) {
        fork = stored;
        break;
      }
      if (!stored?.journaled || cursor.block - k >= this.opts.finalityDepth) {
        throw new ReorgTooDeepError(k, cursor.block, this.opts.finalityDepth);
      }
      k--;
    }
    fork ??= { number: this.opts.startBlock - 1, hash: null, timestamp: 0 };
    const { undone, jobs } = await this.store.rollback(fork as BlockHeader);
    this.feed.emit({
      v: COMMIT_EVENT_VERSION,
      kind: 'rolledBack',
      block: { number: fork.number, hash: fork.hash, timestamp: fork.timestamp },
      from: cursor.block,
      jobs,
    });
    this.metrics.rollbacks.inc();
    this.metrics.rolledBackBlocks.inc(cursor.block - fork.number);
    this.status.cursor = fork.number;
    this.status.caughtUp = false;
    this.log.warn(
      { from: cursor.block, fork: fork.number, undoneRows: undone },
      'reorg: rolled back to the fork point',
    );
  }

  /** Runs until stop(); throws only what a restart cannot fix. */
  async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let result: StepResult;
      try {
        result = await this.step();
        if (failures > 0) this.log.info({ cursor: this.status.cursor }, 'ingest recovered');
        failures = 0;
        this.status.lastError = null;
      } catch (err) {
        if (err instanceof ReorgTooDeepError || err instanceof BuildMismatchError) {
          this.status.fatal = err.message;
          this.log.fatal({ err }, err.message);
          throw err;
        }
        failures++;
        const kind = err instanceof ChainMovedError ? 'chain_moved' : classify(err);
        this.metrics.errors.inc({ kind });
        this.status.lastError = `${kind}: ${(err as Error).message}`;
        const delay = Math.min(this.opts.retryMs * 2 ** Math.min(failures - 1, 10), 30_000);
        this.log.error(
          { err: (err as Error).message, kind, retryInMs: delay, cursor: this.status.cursor },
          'ingest step failed; retrying from the committed cursor',
        );
        await this.sleep(delay);
        continue;
      }
      if (result === 'idle') await this.sleep(this.opts.pollMs);
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }
}

function classify(err: unknown): string {
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === 'ChainSourceError') return 'rpc';
  if (e.code === 'ECONNREFUSED' || e.code === '57P01' || /connect|terminat|Connection/i.test(e.message ?? ''))
    return 'database';
  return 'other';
}
