/**
 * Binds a worker account to the libp2p peer id its node signs bids with (StakingRegistry
 * `bind_peer`). A poster awards a bid only when the bidding peer is the one the worker's address
 * names on chain, so a worker whose node key changed, or was never bound, wins nothing.
 */
import type { CairnClients } from './cairn';

export interface BindResult {
  peerId: string;
  /** The transaction that bound it; absent when the chain already had this binding. */
  txHash?: string;
}

/** `clients` must send as the worker's account. Idempotent: an existing equal binding is kept. */
export async function bindPeer(clients: CairnClients, worker: string, peerId: string): Promise<BindResult> {
  const current = String(await clients.registry.read.peer_id_of(worker));
  if (current === peerId) return { peerId };
  const { txHash } = await clients.registry.invoke('bind_peer', peerId);
  return { peerId, txHash };
}
