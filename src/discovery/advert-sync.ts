/**
 * Advert book sync: a node that connects to a peer it synced with before fetches only the adverts
 * that changed in that peer's book since, instead of waiting a whole advert interval to hear
 * every worker again on gossip, or fetching the whole book.
 *
 * Version vectors over the book's changes, one entry per sync partner: every book numbers its
 * changes (AdvertBook.version, under a random epoch), and a node remembers, for each peer, the
 * (epoch, version) it reached there last. A reconnect sends those two numbers and gets back the
 * changed adverts, each exactly as its worker signed it; a cursor from another epoch (the peer
 * restarted) gets the whole book. Chosen over set reconciliation (IBLT, minisketch) because a
 * node mostly reconnects to the peers it knew (its bootstrap and keep-alive peers), where a
 * cursor costs 16 bytes and one round trip, is exact (no decode failures, no estimate of the
 * difference first) and needs no per-sync work proportional to the book on the requester. Its
 * weakness is a first meeting: with no cursor, the first sync with a peer is a full one, so a
 * node does full syncs with at most `fullSyncPeers` peers after it starts and relies on gossip
 * for the rest; and deletions are not sent (entries expire by their signed timestamps on both
 * sides alike).
 *
 * Every synced advert is checked as if heard on gossip (stored-advert.ts); a responder that passes
 * on a forged one is penalised like its author would be. Serving is bounded: an answer stops at
 * `maxAdvertsPerAnswer` (the requester asks again from where it stopped), and a peer may start a
 * new sync at most once per `minIntervalMs`.
 */
import type { PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { Kind, seal } from '../p2p/envelope';
import { describe, reject } from '../p2p/errors';
import type { P2pHost } from '../p2p/host';
import { isValidationError } from '../p2p/penalties';
import {
  AdvertSyncBatch as AdvertSyncBatchPb,
  AdvertSyncRequest as AdvertSyncRequestPb,
} from '../p2p/proto/generated/cairn';
import { protocolId } from '../p2p/topics';
import type { Logger } from '../shared/logging';
import type { AdvertBook, KnownAdvert } from './advert-book';
import { verifyStoredAdvert } from './stored-advert';

export interface AdvertSyncOptions {
  /** Sync with a peer when a connection to it opens (a delta where we hold its cursor). */
  onConnect: boolean;
  /** Full syncs on connect after start; later first meetings rely on gossip. */
  fullSyncPeers: number;
  maxAdvertsPerAnswer: number;
  /** Least time between two new syncs served to one peer, and between two we start on connect with one. */
  minIntervalMs: number;
  timeoutMs: number;
}

export interface SyncCursor {
  epoch: bigint;
  version: bigint;
}

export interface SyncResult {
  peer: string;
  /** The responder had no use for our cursor and sent its book from the start. */
  full: boolean;
  /** Adverts received, and how many of them were news to our book. */
  adverts: number;
  accepted: number;
  /** Request and answer rounds (more than one when an answer hit the responder's cap). */
  rounds: number;
  /** Bytes of the frames on the sync stream (envelopes with their length prefixes), both ways. */
  bytesSent: number;
  bytesReceived: number;
}

interface Round {
  resolve(last: AdvertSyncBatchPb): void;
  reject(err: Error): void;
  result: SyncResult;
}

/** Cursors kept; the least recently used goes first (a forgotten cursor costs one full sync). */
const MAX_CURSORS = 1024;
const MAX_HISTORY = 64;
/** Envelope and batch fields around the adverts of a batch, with room to spare. */
const BATCH_OVERHEAD_BYTES = 256;

function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n >>>= 7;
    len++;
  }
  return len;
}

const frameBytes = (b: Uint8Array): number => b.length + varintLength(b.length);

export class AdvertSync {
  private channel?: DirectChannel;
  private readonly cursors = new Map<string, SyncCursor>();
  private readonly rounds = new Map<string, Round>();
  /** Per peer: when we last started serving it a sync, and where a capped answer stopped. */
  private readonly served = new Map<string, { atMs: number; continueFrom?: bigint }>();
  private fullSyncs = 0;
  /** Connections that opened, and those that opened no sync for coming too soon after the last. */
  readonly onConnectStats = { connects: 0, tooSoon: 0 };
  /** When we last started a sync with each peer (oldest first, bounded like the cursors). */
  private readonly lastStarted = new Map<string, number>();
  /** The latest syncs this node made, newest last (for tests, benches and metrics). */
  readonly history: SyncResult[] = [];
  private readonly log: Logger;
  private readonly onConnect = (evt: CustomEvent<PeerId>): void => this.connected(evt.detail);

  constructor(
    private readonly host: P2pHost,
    private readonly book: AdvertBook,
    private readonly opts: AdvertSyncOptions,
  ) {
    this.log = host.log.child({ module: 'advert-sync' });
  }

  async start(): Promise<void> {
    this.channel = await this.host.channel({
      protocol: protocolId(this.host.config.network, 'advert-sync'),
      kinds: new Set([Kind.KIND_ADVERT_SYNC_REQUEST, Kind.KIND_ADVERT_SYNC_BATCH]),
      onFrame: (frame) => this.onFrame(frame),
    });
    if (this.opts.onConnect) this.host.libp2p.addEventListener('peer:connect', this.onConnect);
  }

  stop(): void {
    if (this.host.started) this.host.libp2p.removeEventListener('peer:connect', this.onConnect);
    for (const round of this.rounds.values()) round.reject(new Error('stopped'));
    this.rounds.clear();
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Where our last sync with `peerId` ended, if we remember. */
  cursor(peerId: string): SyncCursor | undefined {
    return this.cursors.get(peerId);
  }

  /** Forgets every cursor: the next sync with each peer is a full one (benches compare both). */
  forgetCursors(): void {
    this.cursors.clear();
  }

  private connected(peer: PeerId): void {
    const id = peer.toString();
    // A connection that drops and comes back soon (a relay, a flaky link, AutoNAT's dial-back)
    // opens no new sync: the peer would refuse it as too frequent and score us for asking.
    const last = this.lastStarted.get(id);
    this.onConnectStats.connects++;
    if (this.rounds.has(id) || (last !== undefined && Date.now() - last < this.opts.minIntervalMs)) {
      this.onConnectStats.tooSoon++;
      return;
    }
    if (!this.cursors.has(id)) {
      if (this.fullSyncs >= this.opts.fullSyncPeers) return;
      this.fullSyncs++;
    }
    this.sync(peer).then(
      (r) => this.log.debug({ ...r }, 'advert book synced'),
      (err: unknown) => this.log.debug({ peer: id, err: describe(err) }, 'advert book sync failed'),
    );
  }

  /** Fetches what changed in `peer`'s book since our cursor there (everything without one). */
  async sync(peer: PeerId): Promise<SyncResult> {
    const channel = this.channel;
    if (!channel) throw new Error('advert sync not started');
    const id = peer.toString();
    if (this.rounds.has(id)) throw new Error(`a sync with ${id} is already running`);
    const result: SyncResult = {
      peer: id,
      full: false,
      adverts: 0,
      accepted: 0,
      rounds: 0,
      bytesSent: 0,
      bytesReceived: 0,
    };
    this.lastStarted.delete(id);
    this.lastStarted.set(id, Date.now());
    if (this.lastStarted.size > MAX_CURSORS) this.lastStarted.delete(this.lastStarted.keys().next().value as string);
    let cursor = this.cursors.get(id) ?? { epoch: 0n, version: 0n };
    for (;;) {
      const request = seal(
        this.host.signer,
        Kind.KIND_ADVERT_SYNC_REQUEST,
        AdvertSyncRequestPb.encode({ epoch: cursor.epoch, since: cursor.version }).finish(),
      );
      result.rounds++;
      result.bytesSent += frameBytes(request);
      const last = await this.round(channel, peer, request, result);
      if (last.full && result.rounds === 1) result.full = true;
      cursor = { epoch: last.epoch, version: last.version };
      this.cursors.delete(id);
      this.cursors.set(id, cursor);
      if (this.cursors.size > MAX_CURSORS) this.cursors.delete(this.cursors.keys().next().value as string);
      if (!last.more) {
        this.history.push(result);
        if (this.history.length > MAX_HISTORY) this.history.shift();
        return result;
      }
    }
  }

  private round(
    channel: DirectChannel,
    peer: PeerId,
    request: Uint8Array,
    result: SyncResult,
  ): Promise<AdvertSyncBatchPb> {
    const id = peer.toString();
    return new Promise<AdvertSyncBatchPb>((resolve, rejectFn) => {
      const timer = setTimeout(
        () => finish(undefined, new Error(`advert sync with ${id} timed out`)),
        this.opts.timeoutMs,
      );
      const finish = (last?: AdvertSyncBatchPb, err?: Error): void => {
        clearTimeout(timer);
        if (this.rounds.get(id) === round) this.rounds.delete(id);
        if (last) resolve(last);
        else rejectFn(err);
      };
      const round: Round = { resolve: (l) => finish(l), reject: (e) => finish(undefined, e), result };
      this.rounds.set(id, round);
      channel.send(peer, request).catch((err: unknown) => finish(undefined, new Error(describe(err))));
    });
  }

  private onFrame(frame: DirectFrame): void {
    const env = frame.env.authenticate();
    if (env.kind === Kind.KIND_ADVERT_SYNC_REQUEST) return this.serve(frame);
    const round = this.rounds.get(frame.peerId);
    if (!round) throw reject('UNSOLICITED', 'advert sync batch nobody asked for');
    let batch: AdvertSyncBatchPb;
    try {
      batch = AdvertSyncBatchPb.decode(env.payload);
    } catch (err) {
      throw reject('MALFORMED', `advert sync batch: ${(err as Error).message}`);
    }
    round.result.bytesReceived += frameBytes(env.bytes);
    const now = Date.now();
    const checks = {
      verifier: this.host.verifier,
      maxBytes: this.host.config.p2p.maxMessageBytes,
      ttlMs: this.book.ttlMs,
      freshnessMs: this.host.config.p2p.freshnessWindowMs,
      nowMs: now,
    };
    for (const bytes of batch.adverts) {
      let stored;
      try {
        stored = verifyStoredAdvert(bytes, checks);
      } catch (err) {
        // Expired on the way is nobody's fault; anything else the responder should not pass on.
        if (isValidationError(err) && err.action === 'ignore') continue;
        round.reject(new Error(`bad advert from ${frame.peerId}: ${describe(err)}`));
        throw err;
      }
      round.result.adverts++;
      const { signerId, advert, timestampMs } = stored;
      // Aged by its signed timestamp, so a synced advert expires when the worker's own would.
      if (this.book.upsert(signerId, advert.caps, advert.sequence, Math.min(now, timestampMs), bytes))
        round.result.accepted++;
    }
    if (batch.last) round.resolve(batch);
  }

  private serve(frame: DirectFrame): void {
    let req: AdvertSyncRequestPb;
    try {
      req = AdvertSyncRequestPb.decode(frame.env.payload);
    } catch (err) {
      throw reject('MALFORMED', `advert sync request: ${(err as Error).message}`);
    }
    const now = Date.now();
    const full = req.epoch !== this.book.epoch;
    const since = full ? 0n : req.since;
    const prev = this.served.get(frame.peerId);
    const continues = !full && prev?.continueFrom === since;
    if (prev && !continues && now - prev.atMs < this.opts.minIntervalMs)
      throw reject('RATE_LIMITED', `advert sync again within ${this.opts.minIntervalMs} ms`);
    const changed = this.book.changedSince(since, now);
    const sent = changed.slice(0, this.opts.maxAdvertsPerAnswer);
    const more = changed.length > sent.length;
    const version = more ? (sent[sent.length - 1] as KnownAdvert).version : this.book.version;
    this.served.set(frame.peerId, {
      atMs: continues && prev ? prev.atMs : now,
      continueFrom: more ? version : undefined,
    });
    if (this.served.size > MAX_CURSORS) this.served.delete(this.served.keys().next().value as string);

    const budget = this.host.config.p2p.maxMessageBytes - BATCH_OVERHEAD_BYTES;
    const batches: Uint8Array[][] = [[]];
    let size = 0;
    for (const a of sent) {
      const bytes = a.signed as Uint8Array;
      const cost = frameBytes(bytes) + 1;
      if (cost > budget) continue;
      if (size + cost > budget) {
        batches.push([]);
        size = 0;
      }
      (batches[batches.length - 1] as Uint8Array[]).push(bytes);
      size += cost;
    }
    batches.forEach((adverts, i) => {
      const last = i === batches.length - 1;
      const payload = AdvertSyncBatchPb.encode({
        epoch: this.book.epoch,
        version: last ? version : 0n,
        adverts,
        last,
        full,
        more: last && more,
      }).finish();
      if (!frame.reply(seal(this.host.signer, Kind.KIND_ADVERT_SYNC_BATCH, payload)))
        this.log.warn({ peer: frame.peerId, batch: i, of: batches.length }, 'advert sync batch dropped');
    });
  }
}
