/**
 * A node's reading of the chain: follows the events of a cairn deployment from a block cursor and
 * hands them, decoded and in chain order, to whoever listens (the node's job life). One follower
 * per node, whatever its number of jobs.
 *
 * - The cursor (block number and hash) is kept in a file of the node's data dir, written after
 *   each delivered range, so a restarted node carries on where it stopped instead of rereading
 *   the chain.
 * - Reorgs: before each step the cursor block's hash is checked against the chain; when it
 *   changed, the follower steps back `reorgDepth` blocks and delivers that range again with a
 *   `rewound` flag. Listeners treat events as news, not as truth: they re-read the job from the
 *   contract before acting, so a delivery repeated after a reorg is harmless and one that
 *   vanished with the old branch is never acted on twice.
 * - A range that fails (RPC down) is retried at the next poll from the same cursor.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Logger } from '../../shared/logging';
import { type BlockHeader, type ChainSource, sameBlock } from './chain-source';
import type { AbiCodec, DecodedEvent } from './event-codec';

export interface FollowedEvent extends DecodedEvent {
  blockNumber: number;
  txHash: string;
}

export interface Delivery {
  events: FollowedEvent[];
  /** The last block of the range delivered. */
  toBlock: number;
  /** Set when this range is delivered again after a reorg. */
  rewound: boolean;
}

export type FollowerListener = (d: Delivery) => void | Promise<void>;

export interface ChainFollowerOptions {
  /** First block to read when there is no cursor yet (the deployment's block). */
  startBlock: number;
  /** Where the cursor persists; in memory only if absent. */
  cursorFile?: string;
  pollMs?: number;
  /**
   * While this says news is due (a worker won a bid and waits for the award on chain), the
   * follower polls every `hurryPollMs` instead: a poll with nothing new is one read.
   */
  hurry?: () => boolean;
  hurryPollMs?: number;
  /** Told each newest block a poll reads (its time is the chain's clock). */
  onLatest?: (header: BlockHeader) => void;
  /** Blocks per events request. */
  chunk?: number;
  /** How far to step back when the cursor block changed. */
  reorgDepth?: number;
  log?: Logger;
}

interface Cursor {
  /** The last block delivered, with its identity; -1 before the first. */
  number: number;
  hash?: string;
  txDigest?: string;
}

export class ChainFollower {
  private cursor: Cursor;
  private readonly listeners: FollowerListener[] = [];
  private timer?: NodeJS.Timeout;
  private stepping?: Promise<void>;
  private stopped = true;
  /** A poll is reading the chain (its end schedules the next). */
  private polling = false;

  constructor(
    private readonly source: ChainSource,
    private readonly codec: AbiCodec,
    private readonly opts: ChainFollowerOptions,
  ) {
    this.cursor = this.loadCursor() ?? { number: opts.startBlock - 1 };
  }

  /** The last block delivered. */
  get position(): number {
    return this.cursor.number;
  }

  on(listener: FollowerListener): void {
    this.listeners.push(listener);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.stepping;
  }

  /** Reads and delivers everything up to the head; resolves when caught up (tests, start-up). */
  async catchUp(): Promise<void> {
    while (await this.step()) {
      // until a step finds nothing new
    }
  }

  /** News is due (see `hurry`): the next poll comes now rather than at the end of the wait. */
  wake(): void {
    if (this.stopped || this.polling) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = true;
      this.stepping = this.catchUp()
        .catch((err: unknown) => this.opts.log?.warn({ err: (err as Error).message }, 'chain follower step failed; retrying'))
        .finally(() => {
          this.polling = false;
          this.schedule(this.nextPollMs());
        });
    }, ms);
  }

  private nextPollMs(): number {
    const poll = this.opts.pollMs ?? 1000;
    return this.opts.hurry?.() ? Math.min(poll, this.opts.hurryPollMs ?? 20) : poll;
  }

  /** One range; false when there was nothing new. */
  private async step(): Promise<boolean> {
    // A poll with nothing new is one read: the newest block is the cursor's own (a block of the
    // same height on another branch is not, and goes on to the reorg check below).
    let head: number | undefined;
    if (this.cursor.hash !== undefined && this.source.latest) {
      const top = await this.source.latest();
      if (top) this.opts.onLatest?.(top);
      const at = { hash: this.cursor.hash, txDigest: this.cursor.txDigest };
      if (top?.number === this.cursor.number && sameBlock(top, at)) return false;
      head = top?.number;
    }
    let rewound = false;
    if (this.cursor.hash !== undefined) {
      const now = await this.source.block(this.cursor.number);
      if (!now || !sameBlock(now, { hash: this.cursor.hash, txDigest: this.cursor.txDigest })) {
        const back = Math.max(this.opts.startBlock - 1, this.cursor.number - (this.opts.reorgDepth ?? 16));
        this.opts.log?.warn({ from: this.cursor.number, to: back }, 'chain reorganised under the cursor; rereading');
        this.cursor = { number: back, ...(await this.identity(back)) };
        rewound = true;
      }
    }
    head ??= await this.source.head();
    if (head <= this.cursor.number) return false;
    const from = this.cursor.number + 1;
    const to = Math.min(head, from + (this.opts.chunk ?? 500) - 1);
    const end = await this.source.block(to);
    if (!end) return false; // the head moved back under us: the next step sees the reorg
    const raw = await this.source.events(from, to, this.codec.addresses());
    // The events must come from the branch whose end block the cursor will name.
    const after = await this.source.block(to);
    if (!after || !sameBlock(end, after)) return true;
    const events: FollowedEvent[] = [];
    for (const e of raw) {
      const decoded = this.codec.decode(e.fromAddress, e.keys, e.data);
      if (decoded) events.push({ ...decoded, blockNumber: e.blockNumber, txHash: e.txHash });
    }
    for (const l of this.listeners) await l({ events, toBlock: to, rewound });
    this.cursor = { number: to, hash: end.hash, txDigest: end.txDigest };
    this.saveCursor();
    return true;
  }

  private async identity(n: number): Promise<Pick<Cursor, 'hash' | 'txDigest'>> {
    if (n < 0) return {};
    const b: BlockHeader | undefined = await this.source.block(n);
    return b ? { hash: b.hash, txDigest: b.txDigest } : {};
  }

  private loadCursor(): Cursor | undefined {
    const f = this.opts.cursorFile;
    if (!f || !existsSync(f)) return undefined;
    const c = JSON.parse(readFileSync(f, 'utf8')) as Cursor;
    return Number.isInteger(c.number) ? c : undefined;
  }

  private saveCursor(): void {
    const f = this.opts.cursorFile;
    if (!f) return;
    // Written whole then renamed: a crash leaves the old cursor or the new one, never half.
    writeFileSync(`${f}.tmp`, JSON.stringify(this.cursor));
    renameSync(`${f}.tmp`, f);
  }
}
