/**
 * Inbound connections from one IP address wait their turn instead of racing for it.
 *
 * Before a handshake every connection from an address looks alike: a fresh honest node behind an
 * office NAT and a flooder behind the same NAT are one IP and a port. A token bucket that refuses
 * whoever arrives when it is empty hands each refill to the fastest dialler, and a flooder that is
 * refused in microseconds redials hundreds of times a second: an honest dial that arrives once
 * (and then backs off) won ~1 in 150 tries against the bench's junk flooder. So a connection over
 * its address's allowance is not refused; it is held, unread, in a per-IP queue and let into its
 * handshake in arrival order when the allowance refills (the per-IP rate, then the address
 * throttle of address-watch.ts). A flooder that waits for its connection, as the flooders in
 * issue 12 and the junk bench do, then holds one place in the queue and an honest newcomer is
 * let in after at most the connections ahead of it, a second or so at the throttled rate, instead
 * of losing a lottery. Holding costs a socket and no CPU.
 *
 * What a queue cannot sort out is a flooder that keeps many connections open at once: places are
 * bounded per IP (`waitingPerIp`) and arrivals beyond them are refused at accept, a lottery again,
 * as any rule that sees only the address must be. Two things keep such a flood from holding the
 * places cheaply:
 * - a waiting connection that has sent nothing (a dialler speaks first in multistream-select) is
 *   never let into a handshake, and once `silentGraceMs` old may be evicted by a newcomer, at most
 *   as often as the per-IP rate (each eviction costs libp2p's close path);
 * - connections in their handshake are capped per IP (`upgradingPerIp`), so sockets that send a
 *   header and stall hold at most that many of the node's pending-connection slots for the upgrade
 *   timeout, not rate × timeout of them (20/s × 5 s would be more than the 64 all addresses share).
 *
 * The accept gate (accept-gate.ts) asks `accept` before Node builds a socket; libp2p then calls
 * `turn` (as the gater's denyInboundConnection) in the same tick, with the connection, and waits
 * for it under its upgrade timeout; `upgraded` is told when the connection is up.
 */
import type { Socket } from 'node:net';
import { canonicalIp } from './addresses';
import { PeerRateLimiter } from './rate-limit';

export interface InboundQueueOptions {
  /** Connections per second from one IP let into a handshake (the burst is the same number). */
  perIpPerSecond: number;
  /** Connections from one IP waiting for their turn; past this, new ones are refused at accept. */
  waitingPerIp: number;
  /** Connections from one IP in their handshake at once. */
  upgradingPerIp: number;
  /** The address throttle's verdict when a connection's turn comes (it takes its own token). */
  admit: (ip: string) => boolean;
  /**
   * A waiting connection silent this long may be evicted by a newcomer. Not zero: Node accepts a
   * whole backlog in one go before it reads any of those sockets, so a connection accepted a moment
   * ago has not been read yet, whatever it sent. (Honest diallers speak in the same flight as their
   * TCP ACK: multistream-select's dialler speaks first.)
   */
  silentGraceMs?: number;
  now?: () => number;
}

interface Waiting {
  socket: Socket;
  ip: string;
  since: number;
  /** Counted as held already. */
  held?: boolean;
  /** Found silent past its grace after a poll phase (see `mark`): may be evicted. */
  silent?: boolean;
  settle(deny: boolean): void;
}

/** Per IP, how connections were treated (tests and metrics). */
export interface InboundCounts {
  /** Refused at accept: the IP's waiting places were full. */
  refused: number;
  /** Made to wait for their turn once they had spoken (over the rate, the throttle or the handshake cap). */
  held: number;
  /** Silent waiting connections closed to make room for a newcomer. */
  evicted: number;
}

const RETRY_MS = 20;

export class InboundQueue {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly upgrading = new Map<string, number>();
  /** Sockets let into their handshake and not yet upgraded, with their IP. */
  private readonly inHandshake = new WeakMap<Socket, string>();
  private readonly rate: PeerRateLimiter;
  private readonly evictions: PeerRateLimiter;
  private readonly now: () => number;
  private readonly graceMs: number;
  private timer?: NodeJS.Timeout;
  readonly counts = new Map<string, InboundCounts>();

  constructor(private readonly opts: InboundQueueOptions) {
    this.now = opts.now ?? Date.now;
    this.graceMs = opts.silentGraceMs ?? 100;
    this.rate = new PeerRateLimiter(opts.perIpPerSecond, opts.perIpPerSecond, 10_000, this.now);
    this.evictions = new PeerRateLimiter(opts.perIpPerSecond, opts.perIpPerSecond, 10_000, this.now);
  }

  /** At accept, before a socket exists: false refuses (the IP's places are full, none evictable). */
  accept(ip: string): boolean {
    const queue = this.waiting.get(ip);
    if (!queue || queue.length < this.opts.waitingPerIp) return true;
    const silent = queue.find((w) => w.silent && w.socket.bytesRead === 0);
    if (silent && this.evictions.tryTake(ip)) {
      this.count(ip).evicted++;
      this.leave(silent, true);
      silent.socket.destroy();
      return true;
    }
    this.count(ip).refused++;
    return false;
  }

  /**
   * Resolves false when the connection may start its handshake, true when it is to be closed
   * (evicted, or its socket closed while it waited). libp2p races it with the upgrade timeout.
   */
  turn(socket: Socket | undefined): Promise<boolean> {
    // Not a TCP socket (memory transport, a relayed connection): other limits apply.
    if (!socket?.remoteAddress) return Promise.resolve(false);
    const ip = canonicalIp(socket.remoteAddress);
    return new Promise<boolean>((resolve) => {
      let queue = this.waiting.get(ip);
      if (!queue) this.waiting.set(ip, (queue = []));
      const entry: Waiting = { socket, ip, since: this.now(), settle: resolve };
      queue.push(entry);
      socket.once('close', () => this.leave(entry, true));
      if (socket.bytesRead === 0) socket.once('data', () => this.serve(ip));
      this.serve(ip);
      if (this.waiting.get(ip)?.includes(entry)) this.schedule();
    });
  }

  /** The connection finished its upgrade: its handshake place is free. */
  upgraded(socket: Socket | undefined): void {
    if (!socket) return;
    const ip = this.inHandshake.get(socket);
    if (ip === undefined) return;
    this.inHandshake.delete(socket);
    this.release(ip);
  }

  /** Connections waiting from `ip` (tests). */
  waitingFrom(ip: string): number {
    return this.waiting.get(ip)?.length ?? 0;
  }

  sweep(): void {
    this.rate.sweep();
    this.evictions.sweep();
    if (this.counts.size > 10_000) this.counts.clear();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const queue of [...this.waiting.values()]) for (const w of [...queue]) this.leave(w, true);
  }

  /** Lets waiting connections from `ip` in, in arrival order, while the allowances last. */
  private serve(ip: string): void {
    const queue = this.waiting.get(ip);
    if (!queue) return;
    for (const w of [...queue]) {
      // A connection that has said nothing yet is skipped, not waited for: it keeps its place.
      if (w.socket.bytesRead === 0) continue;
      // The rate is looked at first and taken last, so a throttle refusal does not spend it.
      if ((this.upgrading.get(ip) ?? 0) >= this.opts.upgradingPerIp || !this.rate.peek(ip) || !this.opts.admit(ip)) {
        if (!w.held) this.count(ip).held++;
        w.held = true;
        this.schedule();
        return;
      }
      this.rate.tryTake(ip);
      this.leave(w, false);
      this.upgrading.set(ip, (this.upgrading.get(ip) ?? 0) + 1);
      this.inHandshake.set(w.socket, ip);
      w.socket.once('close', () => this.upgraded(w.socket));
    }
  }

  /** While anyone waits, look again shortly: allowances refill with time, not with events. */
  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const ip of [...this.waiting.keys()]) this.serve(ip);
      setImmediate(() => this.mark());
      if (this.waiting.size > 0) this.schedule();
    }, RETRY_MS);
    this.timer.unref();
  }

  /**
   * Marks waiting connections silent past their grace as evictable. Run from setImmediate, after
   * the event loop's poll phase: every socket with bytes in the kernel has been read by then, so a
   * node that was descheduled for a while (a busy machine) does not take an honest connection it
   * has not read yet for a silent one.
   */
  private mark(): void {
    const now = this.now();
    for (const queue of this.waiting.values())
      for (const w of queue) if (w.socket.bytesRead === 0 && now - w.since >= this.graceMs) w.silent = true;
  }

  private leave(entry: Waiting, deny: boolean): void {
    const queue = this.waiting.get(entry.ip);
    const i = queue?.indexOf(entry) ?? -1;
    if (queue && i >= 0) {
      queue.splice(i, 1);
      if (queue.length === 0) this.waiting.delete(entry.ip);
    }
    entry.settle(deny);
  }

  private release(ip: string): void {
    const n = (this.upgrading.get(ip) ?? 1) - 1;
    if (n > 0) this.upgrading.set(ip, n);
    else this.upgrading.delete(ip);
    this.serve(ip);
  }

  private count(ip: string): InboundCounts {
    let c = this.counts.get(ip);
    if (!c) this.counts.set(ip, (c = { refused: 0, held: 0, evicted: 0 }));
    return c;
  }
}
