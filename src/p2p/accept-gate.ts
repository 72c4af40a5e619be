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
 * So the per-address rules start here: a connection from an IP whose waiting places are full
 * (inbound-queue.ts) is refused at accept. A connection over its address's rate or throttle is
 * not refused here any more: it waits its turn in the queue, so a flooder that redials as soon as
 * it is refused no longer takes every refill from an honest dialler on the same address. The gate
 * is a BlockList subclass given to the TCP listener as a server option; it holds no rules, `check`
 * is its whole behaviour.
 */
import { BlockList, createServer, type IPVersion, type SocketAddress } from 'node:net';
import { canonicalIp } from './addresses';
import type { InboundQueue } from './inbound-queue';

export class AcceptGate extends BlockList {
  constructor(readonly queue: InboundQueue) {
    super();
  }

  /** True refuses: Node closes the accepted handle without building a Socket. */
  override check(address: string | SocketAddress, type?: IPVersion): boolean {
    const text = typeof address === 'string' ? address : address.address;
    return !this.queue.accept(type === 'ipv4' ? text : canonicalIp(text));
  }

  /** Connections refused at accept from `ip` (tests and metrics). */
  refusedFrom(ip: string): number {
    return this.queue.counts.get(ip)?.refused ?? 0;
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
