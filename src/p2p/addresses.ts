/**
 * The IP address of a connection's remote end, for per-address accounting (colocation census).
 */
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };

export function remoteIp(addr: Multiaddr): string | undefined {
  for (const c of addr.getComponents()) if (c.name === 'ip4' || c.name === 'ip6') return c.value;
  return undefined;
}
