/**
 * `p2p.simulationCosts`: what a simulation of many nodes on one machine may skip to afford them
 * (the 1,000-node scale bench), kept apart from the public-node settings and refused unless
 * `p2p.simulation` is set. Each saves CPU that a real node spends on its own core and that a
 * simulation pays a thousand times over on two; none changes what reaches the market layer or
 * how (which messages, which peers, which signatures are checked). Why each leaves the bench's
 * figures (delivery, first bid, discovery) honest:
 *
 * - `plaintext`: connections use libp2p's plaintext exchange instead of Noise. Noise costs an
 *   X25519 handshake and an Ed25519 signature per connection and a ChaCha20-Poly1305 pass per
 *   frame (a fifth of an idle simulated node's CPU, a quarter of its setup). Peer ids are still
 *   exchanged and every market and gossip message still carries its own Ed25519 signature,
 *   checked as on a public node (src/p2p/envelope.ts); only the channel secrecy goes, which no
 *   figure measures. A real node encrypts on its own core, in microseconds per frame.
 * - `muxerKeepAlive: false`: yamux's own 30 s ping on every connection is off. The liveness
 *   prober (src/p2p/liveness.ts) pings each connection anyway and closes the dead ones; the
 *   second ping finds nothing the first does not.
 * - `housekeepingMs`: the node's own periodic sweeps (the peer manager's gossip-score check, every
 *   gossip heartbeat on a public node; the alert service's reopening of closed sessions, every 5 s)
 *   run this often instead. A peer that sends junk is still penalised the moment its frame is
 *   judged (src/p2p/penalties.ts); the sweep only catches a score that decayed below graylist
 *   without a fresh offence, and reopened alert sessions are not what the scale bench measures.
 *   Each sweep walks every connection: at 25 connections a node, twice a second, a quarter of an
 *   idle simulated node's CPU.
 */
import { z } from 'zod';

export const SimulationCostsSchema = z.object({
  plaintext: z.boolean().default(false),
  muxerKeepAlive: z.boolean().default(true),
  housekeepingMs: z.number().int().min(1000).max(600_000).optional(),
});

export type SimulationCosts = z.infer<typeof SimulationCostsSchema>;

/** A public node must run the full stack: any relaxation without `p2p.simulation` is refused. */
export function simulationCostIssues(costs: SimulationCosts, simulation: boolean): string[] {
  if (simulation) return [];
  const issues: string[] = [];
  if (costs.plaintext)
    issues.push('p2p.simulationCosts.plaintext: unencrypted connections need p2p.simulation (never on a public node)');
  if (!costs.muxerKeepAlive)
    issues.push('p2p.simulationCosts.muxerKeepAlive: turning it off needs p2p.simulation');
  if (costs.housekeepingMs !== undefined)
    issues.push('p2p.simulationCosts.housekeepingMs: needs p2p.simulation');
  return issues;
}
