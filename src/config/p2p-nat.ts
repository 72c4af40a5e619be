/**
 * NAT traversal (`p2p.nat` in the node configuration): reachability checks (AutoNAT), circuit
 * relay v2 as client and as server, UPnP/NAT-PMP port mapping and DCUtR. Everything is off by
 * default: a node on an open TCP port needs none of it, and each part talks to the network
 * (a relay spends its bandwidth on strangers, UPnP opens a port on the router).
 *
 * Checked as a whole at start (natConfigIssues), so a combination that cannot work — hole
 * punching without a relay to coordinate over, a relay-only node that maps a port — fails
 * loudly instead of silently doing nothing.
 */
import { z } from 'zod';

/** A relay named by a full address with its peer id (a relay that lies about its id gets nothing). */
const RelayAddr = z
  .string()
  .regex(
    /^\/(ip4|ip6|dns4|dns6|dns)\/[^/]+\/tcp\/\d{1,5}\/p2p\/\w+$/,
    'expected /ip4/<host>/tcp/<port>/p2p/<relay peer id>',
  );

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * What a relay lets one relayed connection carry. libp2p's own defaults are 2 min and 128 KiB,
 * enough for identify and DCUtR only; here a bid, its award and a small job's data fit
 * (1 MiB per direction), and larger data is expected to move once a direct connection is made.
 */
export const RelayLimitsSchema = z
  .object({
    /** A relayed connection is closed this long after it opened. */
    durationMs: z
      .number()
      .int()
      .min(1_000)
      .max(60 * 60_000)
      .default(2 * 60_000),
    /** Bytes the relay forwards in each direction of one relayed connection before closing it. */
    dataBytes: z
      .number()
      .int()
      .min(16 * KiB)
      .max(1024 * MiB)
      .default(MiB),
  })
  .strict();

export const RelayServerSchema = z
  .object({
    /**
     * Serve as a relay (circuit relay v2 hop). Only for a node with an address others can dial:
     * a relay behind a NAT relays nothing. Posters and workers behind NATs reserve a slot here
     * and are reached through it.
     */
    enabled: z.boolean().default(false),
    /** Reservations held at once, all peers together; more are refused (RESERVATION_REFUSED). */
    maxReservations: z.number().int().min(1).max(10_000).default(64),
    /**
     * Reservations one remote IP may hold. A NAT puts a household behind one address, so more
     * than one; but one host must not take every slot with throwaway peer ids.
     */
    maxReservationsPerIp: z.number().int().min(1).max(1_000).default(4),
    /** A reservation lapses after this long unless its holder renews it (libp2p renews before). */
    reservationTtlMs: z
      .number()
      .int()
      .min(10_000)
      .max(24 * 3_600_000)
      .default(60 * 60_000),
    /** Per relayed connection, applied to every reservation. */
    limits: RelayLimitsSchema.prefault({}),
    /** Circuits being set up at once (HOP streams in, STOP streams out). */
    maxHopStreams: z.number().int().min(1).max(10_000).default(64),
  })
  .strict();

export const RelayClientSchema = z
  .object({
    /** Dial and accept relayed connections, and hold reservations on relays so we can be reached through them. */
    enabled: z.boolean().default(false),
    /** Relays to reserve a slot on at start (each is dialled and kept). */
    relays: z.array(RelayAddr).max(8).default([]),
    /** Further reservations taken on relays met on the network (peers that offer the hop protocol). */
    discover: z.number().int().min(0).max(8).default(0),
    /**
     * How often a configured relay whose reservation was lost (it restarted, the link dropped) is
     * dialled and reserved on again; the wait doubles, to 5 minutes, while it keeps failing.
     */
    recheckMs: z.number().int().min(100).max(300_000).default(10_000),
  })
  .strict();

export const UpnpSchema = z
  .object({
    /** Ask the router (UPnP IGD, found by SSDP) to forward our TCP listen port to us. */
    enabled: z.boolean().default(false),
    /**
     * Trust the router's word for the mapped address at once. Otherwise AutoNAT must confirm it
     * (4 peers able to dial it), which a small network may never have.
     */
    autoConfirm: z.boolean().default(false),
    /** Device descriptor URLs; when absent the gateway is searched for with SSDP. */
    gateways: z.array(z.url()).max(4).optional(),
    /** The mapping's lease; renewed a minute before it ends. */
    leaseMs: z
      .number()
      .int()
      .min(120_000)
      .max(24 * 3_600_000)
      .default(720_000),
  })
  .strict();

export const NatSchema = z
  .object({
    /**
     * Answer and ask AutoNAT: peers dial back our observed addresses, and an address becomes one
     * we announce only once enough of them could reach it. Needs a few reachable peers.
     */
    autonat: z.boolean().default(false),
    relay: z
      .object({ client: RelayClientSchema.prefault({}), server: RelayServerSchema.prefault({}) })
      .strict()
      .prefault({}),
    upnp: UpnpSchema.prefault({}),
    /**
     * Direct Connection Upgrade through Relay: on a relayed connection, dial the peer's public
     * address if it has one (e.g. a UPnP mapping), else try a synchronised hole punch. The
     * latter needs both ends to dial from their listen port, which Node's TCP cannot (no
     * SO_REUSEPORT on outgoing sockets); `npm run bench:nat` measures what it achieves.
     */
    dcutr: z.boolean().default(false),
    /**
     * With dcutr: a data fetch from a peer we reach only through a relay first waits this long
     * for DCUtR's direct connection, so the job's data does not cross the relay when a direct
     * path is about to open (the upgrade takes a few hundred ms after the relayed connection).
     */
    directWaitMs: z.number().int().min(0).max(30_000).default(2_000),
    /**
     * Be reachable only through relays: our addresses are announced (identify, job
     * announcements) only as relay circuits, never our own IP. Needs relay.client with a relay.
     */
    relayOnly: z.boolean().default(false),
  })
  .strict();
export type NatConfig = z.infer<typeof NatSchema>;
export type NatConfigInput = z.input<typeof NatSchema>;

/** Combinations that cannot work, one line each (empty when the section is coherent). */
export function natConfigIssues(nat: NatConfig): string[] {
  const issues: string[] = [];
  const client = nat.relay.client;
  if (client.enabled && client.relays.length === 0 && client.discover === 0)
    issues.push('p2p.nat.relay.client: enabled without relays or discover: no reservation would be made');
  if (!client.enabled && (client.relays.length > 0 || client.discover > 0))
    issues.push('p2p.nat.relay.client: relays or discover given but the client is not enabled');
  if (nat.dcutr && !client.enabled)
    issues.push('p2p.nat.dcutr: needs p2p.nat.relay.client.enabled (DCUtR upgrades relayed connections)');
  if (nat.relayOnly) {
    if (!client.enabled || client.relays.length + client.discover === 0)
      issues.push('p2p.nat.relayOnly: needs p2p.nat.relay.client with at least one relay');
    if (nat.upnp.enabled) issues.push('p2p.nat.relayOnly: a relay-only node must not map a port (upnp.enabled)');
    if (nat.dcutr) issues.push('p2p.nat.relayOnly: a relay-only node must not hand its addresses out (dcutr)');
    if (nat.relay.server.enabled) issues.push('p2p.nat.relayOnly: a relay-only node cannot serve as a relay');
  }
  const server = nat.relay.server;
  if (server.enabled && server.maxReservationsPerIp > server.maxReservations)
    issues.push('p2p.nat.relay.server: maxReservationsPerIp is above maxReservations');
  if (nat.upnp.gateways && !nat.upnp.enabled)
    issues.push('p2p.nat.upnp: gateways given but upnp is not enabled');
  return issues;
}
