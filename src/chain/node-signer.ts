/**
 * The node's signer: starknet.js's own, which can also sign a message hash the node computed
 * itself. An award consent's hash is computed with its constant parts cached (award-consent.ts);
 * handing starknet.js the typed data instead would hash it all again, several milliseconds a bid.
 */
import { Signer, type Signature } from 'starknet';

export class NodeSigner extends Signer {
  /** Signs `hash` as is; callers compute it as the verifying contract does (a pinned vector each). */
  signHash(hash: bigint): Promise<Signature> {
    return this.signRaw(`0x${hash.toString(16)}`);
  }
}
