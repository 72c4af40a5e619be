/**
 * The first look at an inbound TCP connection, taken before Node builds a Socket for it. Node's
 * net.Server asks its `blockList` about the remote address in its accept callback and closes a
 * refused handle on the spot. libp2p's own refusals come much later: it wraps the socket in a
 * multiaddr connection, starts the upgrade timeout (a timer whose firing, 5 s after the socket is
 * gone, still builds a DOMException), throws an error with a stack trace and resets the socket.
 * Against a flooder redialling from one address under fresh identities, hundreds of times a
 * second, that was ~0.3 ms of the victim's event loop per refused attempt and the largest item in
 * its profile under flood (`npm run bench:p2p -- --only=junk`).
 *
 * So the per-address admission rules run here, in this order: new connections per second from one
 * IP (`connections.inboundPerIpPerSecond`, plentiful, spent first), then the address throttle
 * (address-watch.ts, scarce, spent only by connections the rate let through). The gate is a
 * BlockList subclass given to the TCP listener as a server option; it holds no rules, `check` is
 * its whole behaviour.
 */
import { BlockList, createServer, type IPVersion, type SocketAddress } from 'node:net';
import { canonicalIp } from './addresses';
import { PeerRateLimiter } from './rate-limit';

export interface AcceptGateOptions {
  /** New connections per second admitted from one IP (the burst is the same number). */
  perIpPerSecond: number;
  /** The address throttle's verdict for an IP whose connection the rate let through. */
  admit: (ip: string) => boolean;
  now?: () => number;
}

export class AcceptGate extends BlockList {
  private readonly rate: PeerRateLimiter;
  private readonly admit: (ip: string) => boolean;
  /** Connections closed at accept for going over the per-IP rate, per IP (tests and metrics). */
  readonly overRate = new Map<string, number>();

  constructor(opts: AcceptGateOptions) {
    super();
    this.admit = opts.admit;
    this.rate = new PeerRateLimiter(opts.perIpPerSecond, opts.perIpPerSecond, 10_000, opts.now);
  }

  /** True refuses: Node closes the accepted handle without building a Socket. */
  override check(address: string | SocketAddress, type?: IPVersion): boolean {
    const text = typeof address === 'string' ? address : address.address;
    const ip = type === 'ipv4' ? text : canonicalIp(text);
    if (!this.rate.tryTake(ip)) {
      if (this.overRate.size >= 10_000) this.overRate.clear();
      this.overRate.set(ip, (this.overRate.get(ip) ?? 0) + 1);
      return true;
    }
    return !this.admit(ip);
  }

  sweep(): void {
    this.rate.sweep();
  }
}

/**
 * Whether this Node consults a server's `blockList` (22.13, 23.4 and later). An older one would
 * accept the option and ignore it, and the per-address limits with it, so the host refuses to
 * start instead.
 */
export function serverBlockListSupported(): boolean {
  const probe = new BlockList();
  return (createServer({ blockList: probe }) as { blockList?: BlockList }).blockList === probe;
}
