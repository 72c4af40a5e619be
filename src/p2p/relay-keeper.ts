/**
 * Keeps the reservations a node was configured to hold on its relays (`p2p.nat.relay.client.relays`).
 *
 * libp2p's relay transport takes a configured relay's reservation once, as the node starts
 * listening on its circuit, and drops it for good when the connection it was made on closes or a
 * refresh fails: it looks again only for relays it discovered. A NATed worker whose relay
 * restarted, or whose link blinked, was then unreachable until its own restart. Here every
 * `checkMs` each configured relay whose circuit is missing from our addresses is dialled and
 * reserved on again, with backoff (doubling to `maxBackoffMs`) while it keeps failing.
 */
import type { Libp2p, PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };
import type { Logger } from '../shared/logging';
import { describe } from './errors';

export interface KeptRelay {
  addr: Multiaddr;
  peerId: PeerId;
}

export interface RelayKeeperOptions {
  checkMs: number;
  maxBackoffMs: number;
  now?: () => number;
}

export interface RelayKeeperDeps {
  relays: KeptRelay[];
  /** Our current listen addresses (circuits included). */
  addresses(): string[];
  /** Dials the relay and reserves a slot on it. */
  reserve(relay: KeptRelay): Promise<void>;
}

interface RelayState {
  failures: number;
  nextMs: number;
  inFlight: boolean;
}

/** Whether `addresses` hold a circuit through `relayId`. */
export function holdsCircuit(addresses: string[], relayId: string): boolean {
  const through = `/p2p/${relayId}/p2p-circuit`;
  return addresses.some((a) => a.includes(through));
}

export class RelayKeeper {
  private readonly state = new Map<string, RelayState>();
  private timer?: NodeJS.Timeout;
  /** Reservations taken again, and attempts that failed (tests and status). */
  readonly stats = { restored: 0, failed: 0 };

  constructor(
    private readonly deps: RelayKeeperDeps,
    private readonly opts: RelayKeeperOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.deps.relays.length === 0) return;
    this.timer = setInterval(() => this.check(), this.opts.checkMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass: starts a reservation on each configured relay we lost and may try again now. */
  check(): Promise<void>[] {
    const now = (this.opts.now ?? Date.now)();
    const addresses = this.deps.addresses();
    const attempts: Promise<void>[] = [];
    for (const relay of this.deps.relays) {
      const id = relay.peerId.toString();
      let s = this.state.get(id);
      if (holdsCircuit(addresses, id)) {
        this.state.delete(id);
        continue;
      }
      if (!s) {
        s = { failures: 0, nextMs: now, inFlight: false };
        this.state.set(id, s);
      }
      if (s.inFlight || now < s.nextMs) continue;
      attempts.push(this.attempt(relay, s));
    }
    return attempts;
  }

  private async attempt(relay: KeptRelay, s: RelayState): Promise<void> {
    s.inFlight = true;
    const relayId = relay.peerId.toString();
    try {
      await this.deps.reserve(relay);
      this.stats.restored++;
      s.failures = 0;
      this.log.info({ relay: relayId }, 'relay reservation taken again');
    } catch (err) {
      this.stats.failed++;
      s.failures++;
      const backoff = Math.min(this.opts.maxBackoffMs, this.opts.checkMs * 2 ** (s.failures - 1));
      s.nextMs = (this.opts.now ?? Date.now)() + backoff;
      // One warning per streak, then quiet: a relay that is down stays down for a while.
      const level = s.failures === 1 ? 'warn' : 'debug';
      this.log[level]({ relay: relayId, failures: s.failures, retryInMs: backoff, err: describe(err) }, 'relay reservation lost; could not take it again');
    } finally {
      s.inFlight = false;
    }
  }
}

/** The relay transport's reservation store, reached through libp2p's components (not public API). */
interface ReservationStore {
  addRelay(peerId: PeerId, type: 'configured' | 'discovered'): Promise<unknown>;
  relayFilter?: { remove(item: Uint8Array): boolean };
}

const RELAY_TRANSPORT_TAG = '@libp2p/circuit-relay-v2-transport';

/**
 * The circuit relay transport's reservation store, or an error that names what changed: the
 * store is libp2p internals (@libp2p/circuit-relay-v2 4.x), so an upgrade that moves it fails the
 * node's start and its tests, not a relay loss months later.
 */
export function reservationStoreOf(node: Libp2p): ReservationStore {
  const transports = (node as unknown as { components?: { transportManager?: { getTransports?(): unknown[] } } }).components
    ?.transportManager?.getTransports?.();
  const transport = transports?.find(
    (t) => (t as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === RELAY_TRANSPORT_TAG,
  ) as { reservationStore?: ReservationStore } | undefined;
  const store = transport?.reservationStore;
  if (!store || typeof store.addRelay !== 'function')
    throw new Error(
      'the circuit relay transport has no reservation store where @libp2p/circuit-relay-v2 4.x keeps it; ' +
        'lost relay reservations could not be taken again (check src/p2p/relay-keeper.ts against the installed version)',
    );
  return store;
}

/** Dials a configured relay and takes a reservation on it, as the transport did at start. */
export async function reserveOn(node: Libp2p, store: ReservationStore, relay: KeptRelay, timeoutMs = 10_000): Promise<void> {
  await node.dial(relay.addr, { signal: AbortSignal.timeout(timeoutMs) });
  // A relay whose dial once failed is marked invalid for the process's life; it answered now.
  store.relayFilter?.remove(relay.peerId.toMultihash().bytes);
  await store.addRelay(relay.peerId, 'configured');
}
