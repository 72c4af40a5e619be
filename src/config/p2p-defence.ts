/**
 * The limits that protect a public node from its peers, in one place, with the defaults a node
 * on the open internet runs with. Each limit bounds one resource a peer could otherwise hold or
 * one cost it could otherwise impose for free; the README's "Defence" table mirrors this file.
 *
 * `p2p.simulation` (many nodes on one machine, tests and benches) relaxes the few limits that
 * assume peers arrive from many addresses. Those relaxations live in SIMULATION_RELAXATIONS below
 * and nowhere else, so a reader sees exactly what a simulation turns off.
 */
import { z } from 'zod';

const ms = (min: number) => z.number().int().min(min);

export const BansSchema = z.object({
  /**
   * A peer whose score falls to the disconnect threshold is disconnected and refused (both ways)
   * for this long; its score is then lifted to parole, one step above the threshold, so the next
   * offence refuses it again. Every repeated offence multiplies the refusal by `escalation`.
   */
  firstMs: ms(10).default(60_000),
  escalation: z.number().min(1).max(100).default(4),
  /** No refusal lasts longer: 1 min, 4, 16, 64, 256 min, then a day per offence. */
  maxMs: ms(10).default(24 * 3_600_000),
  /** Offences are forgotten after this long without a new one. */
  memoryMs: ms(10).default(24 * 3_600_000),
});

export const ColocationSchema = z.object({
  /**
   * Peers on one IP address before the colocation penalty applies, counting only peers still in
   * probation (not yet proven, or with a negative score). Proven peers never pay it.
   */
  threshold: z.number().int().min(1).default(5),
  /** Gossipsub P6 weight for each probationary peer: weight × (probationary peers − threshold)². */
  weight: z.number().max(0).default(-20),
  /** A peer is proven once it has delivered a valid message, or stayed this long without a penalty. */
  provenAfterMs: ms(0).default(5 * 60_000),
  /** Addresses (exact IPv4/IPv6 text) whose peers never pay the colocation penalty: known NATs, VPN exits. */
  whitelist: z.array(z.string().min(2).max(45)).default([]),
});

export const StreamLimitsSchema = z.object({
  /** A direct-protocol stream with no frame either way for this long is closed. */
  idleMs: ms(10).default(120_000),
  /** An inbound direct stream must deliver its first whole frame within this. */
  firstFrameMs: ms(10).default(10_000),
  /** A frame whose first bytes arrived must be complete within this (slowloris). */
  partialFrameMs: ms(10).default(10_000),
  /** After our side closes, the remote has this long to close its side before the stream is reset. */
  closeMs: ms(10).default(5_000),
  /** Stream resets tolerated per peer per minute (honest peers reset on shutdown); each further one costs score. */
  resetsPerMinute: z.number().int().min(0).default(10),
});

export const ConnectionLimitsSchema = z.object({
  /** Time from TCP accept to a secured, multiplexed connection; a socket that never finishes Noise holds a pending slot no longer. */
  upgradeTimeoutMs: ms(100).default(5_000),
  /** Inbound connections being upgraded at once, all addresses together. */
  maxPendingInbound: z.number().int().min(1).default(64),
  /**
   * New inbound connections per second from one IP let into their handshake (a NAT'd office opens
   * several at once; a redial loop does not get far). Connections over it wait their turn.
   */
  inboundPerIpPerSecond: z.number().int().min(1).default(20),
  /**
   * Inbound connections from one IP waiting for their turn (over the rate or the address
   * throttle); past this they are refused at accept. A dialler that waits for its connection holds
   * one place, so an honest newcomer behind the same address waits behind a few, not a lottery.
   */
  waitingPerIp: z.number().int().min(1).default(16),
  /**
   * Inbound connections from one IP in their handshake at once: sockets that send a header and
   * stall hold at most this many of maxPendingInbound until the upgrade timeout.
   */
  upgradingPerIp: z.number().int().min(1).default(8),
  /** A TCP socket that carries no byte either way for this long is closed (liveness pings keep honest ones busy every 30 s). */
  socketInactivityMs: ms(1000).default(120_000),
});

export const AddressThrottleSchema = z.object({
  /** Distinct offending peer ids from one IP within windowMs before that IP is throttled. */
  offenders: z.number().int().min(1).default(5),
  windowMs: ms(1000).default(60_000),
  /** New inbound connections per second admitted from a throttled IP (before the handshake). */
  perSecond: z.number().min(0.1).default(2),
});

export const DialBackoffSchema = z.object({
  /** After a failed or refused dial, the next dial to that peer waits this long, doubling per failure. */
  firstMs: ms(0).default(1_000),
  maxMs: ms(0).default(60_000),
});

export const DefenceSchema = z.object({
  bans: BansSchema.default(() => BansSchema.parse({})),
  colocation: ColocationSchema.default(() => ColocationSchema.parse({})),
  streams: StreamLimitsSchema.default(() => StreamLimitsSchema.parse({})),
  connections: ConnectionLimitsSchema.default(() => ConnectionLimitsSchema.parse({})),
  dialBackoff: DialBackoffSchema.default(() => DialBackoffSchema.parse({})),
  addressThrottle: AddressThrottleSchema.default(() => AddressThrottleSchema.parse({})),
});

export type DefenceConfig = z.infer<typeof DefenceSchema>;
export type DefenceConfigInput = z.input<typeof DefenceSchema>;

/**
 * What `p2p.simulation` changes, and only this: every simulated peer connects from 127.0.0.1, so
 * per-address limits would treat a 50-node network as one Sybil farm.
 */
export const SIMULATION_RELAXATIONS = {
  /** Fifty nodes starting at once dial one another from one address. */
  inboundPerIpPerSecond: 100_000,
  waitingPerIp: 1000,
  upgradingPerIp: 1000,
  maxPendingInbound: 1000,
  /** Every peer shares 127.0.0.1. */
  colocationWeight: 0,
  /** Every offender shares 127.0.0.1 with every honest node of the simulation. */
  addressThrottleOffenders: Number.MAX_SAFE_INTEGER,
} as const;

/** The limits in force: the configured ones, relaxed where a simulation needs it. */
export function effectiveDefence(defence: DefenceConfig, simulation: boolean): DefenceConfig {
  if (!simulation) return defence;
  return {
    ...defence,
    colocation: { ...defence.colocation, weight: SIMULATION_RELAXATIONS.colocationWeight },
    addressThrottle: {
      ...defence.addressThrottle,
      offenders: SIMULATION_RELAXATIONS.addressThrottleOffenders,
    },
    connections: {
      ...defence.connections,
      inboundPerIpPerSecond: SIMULATION_RELAXATIONS.inboundPerIpPerSecond,
      waitingPerIp: SIMULATION_RELAXATIONS.waitingPerIp,
      upgradingPerIp: SIMULATION_RELAXATIONS.upgradingPerIp,
      maxPendingInbound: SIMULATION_RELAXATIONS.maxPendingInbound,
    },
  };
}
