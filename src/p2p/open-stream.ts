/**
 * Opens a protocol stream to a peer, on a connection we already have when there is one.
 * libp2p's dialProtocol never reuses a limited (relayed) connection: with only a relayed
 * connection to the peer it dials again, and with no address for the peer it looks one up in the
 * DHT; DCUtR's own dial to the peer then joins that lookup and times out with it. So a peer
 * reached through a relay is spoken to over the relayed connection, within the relay's limits,
 * until DCUtR replaces it with a direct one (which is then preferred).
 */
import type { Libp2p, PeerId, Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };

export async function openStream(
  libp2p: Libp2p,
  peer: PeerId,
  protocol: string,
  opts: { signal: AbortSignal },
): Promise<Stream> {
  const open = libp2p.getConnections(peer).filter((c) => c.status === 'open');
  const conn = open.find((c) => c.limits === undefined) ?? open[0];
  if (conn) return conn.newStream(protocol, { signal: opts.signal, runOnLimitedConnection: true });
  return libp2p.dialProtocol(peer, protocol, { signal: opts.signal, runOnLimitedConnection: true });
}
