/**
 * Priority alerts (`alerts` in the node configuration, src/alerts/): whose alerts this node acts
 * on, and how many it takes before it drops and scores the rest.
 */
import { z } from 'zod';

/** A libp2p peer id in text form (Ed25519 ids start 12D3KooW). */
const PeerIdText = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{46,60}$/, 'expected a base58 peer id');

export const alertsConfigSchema = z.object({
  /**
   * Issuers whose alerts this node acts on (refuses the module, lowers the peer). Alerts from
   * anyone else are checked, relayed within the rate limits and logged, but change nothing here:
   * an alert is a claim, and each node decides whose claims it believes.
   */
  trustedIssuers: z.array(PeerIdText).max(256).default([]),
  /** Alerts one issuer may have relayed per minute, and its burst; more are dropped and scored. */
  perIssuerPerMinute: z.number().min(0.1).max(600).default(6),
  issuerBurst: z.number().int().min(1).max(100).default(3),
  /** Alert frames one neighbour may send per minute, and its burst; more are dropped and scored. */
  perPeerPerMinute: z.number().min(1).max(6000).default(60),
  peerBurst: z.number().int().min(1).max(1000).default(30),
  /** Hops an alert travels at most; a network's diameter is far below. */
  maxHops: z.number().int().min(1).max(64).default(16),
});
export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
