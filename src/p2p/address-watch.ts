/**
 * Misbehaviour by address, with care. Bans follow peer ids, so a flooder that comes back under a
 * fresh identity each time is cut off after its first junk, but every identity still costs a
 * Noise handshake and identify. When `offenders` distinct identities from one IP have offended
 * within `windowMs`, new inbound connections from that IP are admitted at `perSecond` (checked
 * before the handshake) until the window passes without new offenders. Nothing is refused for
 * good and no peer is banned by address: honest peers behind the same NAT still get in at that
 * rate, waiting their turn in arrival order (inbound-queue.ts asks `admit` when a connection's
 * turn comes), and peers already connected are not touched.
 */
import { PeerRateLimiter } from './rate-limit';

export interface AddressWatchOptions {
  offenders: number;
  windowMs: number;
  perSecond: number;
  /** Addresses never throttled (the colocation whitelist: known NATs, VPN exits). */
  whitelist: ReadonlySet<string>;
  now?: () => number;
}

export class AddressWatch {
  /** Per IP: offending peer id → when it last offended. */
  private readonly offenders = new Map<string, Map<string, number>>();
  private readonly bucket: PeerRateLimiter;
  private readonly now: () => number;

  constructor(private readonly opts: AddressWatchOptions) {
    this.now = opts.now ?? Date.now;
    this.bucket = new PeerRateLimiter(opts.perSecond, Math.max(1, opts.perSecond), 10_000, this.now);
  }

  offended(ip: string | undefined, peerId: string): void {
    if (ip === undefined || this.opts.whitelist.has(ip)) return;
    let peers = this.offenders.get(ip);
    if (!peers) {
      if (this.offenders.size >= 10_000) this.sweep();
      this.offenders.set(ip, (peers = new Map()));
    }
    peers.set(peerId, this.now());
  }

  throttled(ip: string): boolean {
    const peers = this.offenders.get(ip);
    if (!peers) return false;
    const since = this.now() - this.opts.windowMs;
    for (const [id, at] of peers) if (at < since) peers.delete(id);
    if (peers.size === 0) this.offenders.delete(ip);
    return peers.size >= this.opts.offenders;
  }

  /** Whether a new inbound connection from `ip` may start its handshake now (takes a token if so). */
  admit(ip: string | undefined): boolean {
    if (ip === undefined || !this.throttled(ip)) return true;
    return this.bucket.tryTake(ip);
  }

  sweep(): void {
    for (const ip of [...this.offenders.keys()]) this.throttled(ip);
    this.bucket.sweep();
  }
}
