/** The peer id of a node's key file, created (mode 0600) if the node has not run yet. */
import { loadEsm } from '../p2p/esm';
import { loadOrCreateIdentity } from '../p2p/identity';

export async function peerIdOfKeyFile(keyFile: string): Promise<string> {
  const m = await loadEsm();
  const { privateKey } = await loadOrCreateIdentity(keyFile);
  return m.peerId.peerIdFromPrivateKey(privateKey).toString();
}
