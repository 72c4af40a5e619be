/**
 * NAT traversal parts of the libp2p host, built from `p2p.nat`: the circuit relay transport and
 * its reservation listen addresses (client), the relay hop service with its limits and
 * reservation policy (server), AutoNAT, UPnP port mapping and DCUtR. The host adds what this
 * returns to its own transports and services; nothing here is built when the section is off.
 */
import type { Libp2pOptions } from 'libp2p' with { 'resolution-mode': 'import' };
import type { CircuitRelayService } from '@libp2p/circuit-relay-v2' with { 'resolution-mode': 'import' };
import type { Libp2p } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };
import type { NatConfig } from '../config/p2p-nat';
import { remoteIp } from './addresses';
import type { EsmModules } from './esm';
import { autonatDialingAfresh, type ServiceFactory } from './autonat-fresh-dial';
import type { ReservationHolder } from './relay-policy';

type Transport = NonNullable<Libp2pOptions['transports']>[number];

/** Service names under libp2p.services. */
export const NAT_SERVICE = { relay: 'relay', autonat: 'autonat', upnp: 'upnp', dcutr: 'dcutr' } as const;

export interface NatParts {
  transports: Transport[];
  /** Extra listen addresses: one per relay to reserve a slot on. */
  listen: string[];
  services: Record<string, ServiceFactory>;
  /** Present on a relay-only node: keeps every address but relay circuits out of what we announce. */
  announceFilter?: (addrs: Multiaddr[]) => Multiaddr[];
}

export const isCircuit = (a: Multiaddr | string): boolean => a.toString().includes('/p2p-circuit');

export function natParts(m: EsmModules, nat: NatConfig): NatParts {
  const parts: NatParts = { transports: [], listen: [], services: {} };
  const { client, server } = nat.relay;
  if (client.enabled) {
    parts.transports.push(
      m.circuitRelay.circuitRelayTransport({
        // Matches the server's cap, as the package advises when a node runs both.
        maxInboundStopStreams: server.maxHopStreams,
        maxOutboundStopStreams: server.maxHopStreams,
      }) as unknown as Transport,
    );
    parts.listen.push(...client.relays.map((r) => `${r}/p2p-circuit`));
    for (let i = 0; i < client.discover; i++) parts.listen.push('/p2p-circuit');
  }
  if (server.enabled) {
    parts.services[NAT_SERVICE.relay] = m.circuitRelay.circuitRelayServer({
      maxInboundHopStreams: server.maxHopStreams,
      maxOutboundHopStreams: server.maxHopStreams,
      maxOutboundStopStreams: server.maxHopStreams,
      reservations: {
        maxReservations: server.maxReservations,
        reservationTtl: server.reservationTtlMs,
        applyDefaultLimit: true,
        defaultDurationLimit: server.limits.durationMs,
        defaultDataLimit: BigInt(server.limits.dataBytes),
      },
    }) as ServiceFactory;
  }
  if (nat.autonat)
    parts.services[NAT_SERVICE.autonat] = autonatDialingAfresh(m.autonat.autoNAT() as ServiceFactory, (v) =>
      m.multiaddr.isMultiaddr(v),
    );
  if (nat.upnp.enabled) {
    parts.services[NAT_SERVICE.upnp] = m.upnpNat.uPnPNAT({
      autoConfirmAddress: nat.upnp.autoConfirm,
      portMappingTTL: nat.upnp.leaseMs,
      portMappingDescription: 'cairn',
      ...(nat.upnp.gateways ? { gateways: nat.upnp.gateways } : {}),
    }) as ServiceFactory;
  }
  if (nat.dcutr) parts.services[NAT_SERVICE.dcutr] = m.dcutr.dcutr() as ServiceFactory;
  if (nat.relayOnly) parts.announceFilter = (addrs) => addrs.filter(isCircuit);
  return parts;
}

/** The relay hop service of a node that serves as a relay. */
export function relayService(node: Libp2p): CircuitRelayService | undefined {
  return (node.services as Record<string, unknown>)[NAT_SERVICE.relay] as CircuitRelayService | undefined;
}

/** Current reservations on our relay, with the IP each was made from. */
export function reservationHolders(node: Libp2p): ReservationHolder[] {
  const relay = relayService(node);
  if (!relay) return [];
  return [...relay.reservations.entries()].map(([peer, r]) => ({ peerId: peer.toString(), ip: remoteIp(r.addr) }));
}

/** What NAT traversal has achieved so far, for logs, the control channel and tests. */
export interface NatStatus {
  /** Our relay circuit addresses (reservations we hold). */
  relayAddrs: string[];
  /** Addresses the router maps to us (UPnP), with whether they are confirmed. */
  mappedAddrs: Array<{ addr: string; verified: boolean }>;
  /** Non-relay public addresses confirmed (AutoNAT, or a trusted mapping). */
  publicAddrs: string[];
  /** On a relay: reservations held by others. */
  reservations: number;
}

export function natStatus(node: Libp2p, isPrivate: (a: Multiaddr) => boolean | undefined): NatStatus {
  const addrs = node.getMultiaddrs();
  const relay = relayService(node);
  const meta = addressMetadata(node);
  return {
    relayAddrs: addrs.filter(isCircuit).map((a) => a.toString()),
    mappedAddrs: meta
      .filter((a) => a.type === 'ip-mapping')
      .map((a) => ({ addr: a.multiaddr.toString(), verified: a.verified })),
    publicAddrs: addrs.filter((a) => !isCircuit(a) && isPrivate(a) === false).map((a) => a.toString()),
    reservations: relay ? relay.reservations.size : 0,
  };
}

interface AddressMeta {
  multiaddr: Multiaddr;
  type: string;
  verified: boolean;
}

/**
 * The address manager's view with each address's origin. libp2p keeps it internal; read
 * through the components it passes every service (reached here by its stable field name),
 * and an empty list if a future version moves it.
 */
function addressMetadata(node: Libp2p): AddressMeta[] {
  const components = (node as unknown as { components?: { addressManager?: { getAddressesWithMetadata?: () => AddressMeta[] } } })
    .components;
  return components?.addressManager?.getAddressesWithMetadata?.() ?? [];
}
