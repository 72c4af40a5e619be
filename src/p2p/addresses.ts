/**
 * The IP address of a connection's remote end, for per-address accounting (accept gate, address
 * throttle, colocation census). Every key goes through canonicalIp, so the accept gate (which sees
 * Node's text, `::ffff:10.0.0.1` on a dual-stack listener) and the accounting after the handshake
 * (which sees multiaddr's, `::ffff:a00:1`) name one address the same way.
 */
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };

export function remoteIp(addr: Multiaddr): string | undefined {
  for (const c of addr.getComponents()) if (c.name === 'ip4' || c.name === 'ip6') return canonicalIp(c.value as string);
  return undefined;
}

const MAPPED_V4 = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * One text per address: IPv4 as is; IPv6 compressed and lower-cased (RFC 5952, through the WHATWG
 * URL parser), an IPv4-mapped IPv6 address as its IPv4 address. Text that is not an address (a
 * scoped `fe80::1%eth0`) is only lower-cased.
 */
export function canonicalIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  let host: string;
  try {
    host = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return ip.toLowerCase();
  }
  const m = MAPPED_V4.exec(host);
  if (!m) return host;
  const hi = parseInt(m[1] as string, 16);
  const lo = parseInt(m[2] as string, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}
