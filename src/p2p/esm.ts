/**
 * libp2p 3 and its companions, all ESM-only, loaded once through the shared ES-module loader
 * (src/shared/esm.ts, which says why) and handed out synchronously afterwards through `esm()`.
 * Type-only imports elsewhere carry `with { 'resolution-mode': 'import' }` and are erased.
 */
import { importEsm } from '../shared/esm';

export interface EsmModules {
  libp2p: typeof import('libp2p', { with: { 'resolution-mode': 'import' } });
  tcp: typeof import('@libp2p/tcp', { with: { 'resolution-mode': 'import' } });
  memory: typeof import('@libp2p/memory', { with: { 'resolution-mode': 'import' } });
  noise: typeof import('@chainsafe/libp2p-noise', { with: { 'resolution-mode': 'import' } });
  plaintext: typeof import('@libp2p/plaintext', { with: { 'resolution-mode': 'import' } });
  noiseCrypto: typeof import('@chainsafe/libp2p-noise/crypto', { with: { 'resolution-mode': 'import' } });
  utils: typeof import('@libp2p/utils', { with: { 'resolution-mode': 'import' } });
  yamux: typeof import('@chainsafe/libp2p-yamux', { with: { 'resolution-mode': 'import' } });
  yamuxStream: typeof import('@chainsafe/libp2p-yamux/stream', { with: { 'resolution-mode': 'import' } });
  identify: typeof import('@libp2p/identify', { with: { 'resolution-mode': 'import' } });
  ping: typeof import('@libp2p/ping', { with: { 'resolution-mode': 'import' } });
  kadDht: typeof import('@libp2p/kad-dht', { with: { 'resolution-mode': 'import' } });
  gossipsub: typeof import('@libp2p/gossipsub', { with: { 'resolution-mode': 'import' } });
  circuitRelay: typeof import('@libp2p/circuit-relay-v2', { with: { 'resolution-mode': 'import' } });
  dcutr: typeof import('@libp2p/dcutr', { with: { 'resolution-mode': 'import' } });
  upnpNat: typeof import('@libp2p/upnp-nat', { with: { 'resolution-mode': 'import' } });
  autonat: typeof import('@libp2p/autonat', { with: { 'resolution-mode': 'import' } });
  keys: typeof import('@libp2p/crypto/keys', { with: { 'resolution-mode': 'import' } });
  peerId: typeof import('@libp2p/peer-id', { with: { 'resolution-mode': 'import' } });
  multiaddr: typeof import('@multiformats/multiaddr', { with: { 'resolution-mode': 'import' } });
  cid: typeof import('multiformats/cid', { with: { 'resolution-mode': 'import' } });
  sha2: typeof import('multiformats/hashes/sha2', { with: { 'resolution-mode': 'import' } });
  base58: typeof import('multiformats/bases/base58', { with: { 'resolution-mode': 'import' } });
}

/** Where each module comes from. */
const SPECIFIERS: Record<keyof EsmModules, string> = {
  libp2p: 'libp2p',
  tcp: '@libp2p/tcp',
  memory: '@libp2p/memory',
  noise: '@chainsafe/libp2p-noise',
  plaintext: '@libp2p/plaintext',
  noiseCrypto: '@chainsafe/libp2p-noise/crypto',
  utils: '@libp2p/utils',
  yamux: '@chainsafe/libp2p-yamux',
  yamuxStream: '@chainsafe/libp2p-yamux/stream',
  identify: '@libp2p/identify',
  ping: '@libp2p/ping',
  kadDht: '@libp2p/kad-dht',
  gossipsub: '@libp2p/gossipsub',
  circuitRelay: '@libp2p/circuit-relay-v2',
  dcutr: '@libp2p/dcutr',
  upnpNat: '@libp2p/upnp-nat',
  autonat: '@libp2p/autonat',
  keys: '@libp2p/crypto/keys',
  peerId: '@libp2p/peer-id',
  multiaddr: '@multiformats/multiaddr',
  cid: 'multiformats/cid',
  sha2: 'multiformats/hashes/sha2',
  base58: 'multiformats/bases/base58',
};

let loaded: EsmModules | undefined;
let loading: Promise<EsmModules> | undefined;

/** Loads every ESM dependency of the p2p layer; idempotent and safe to call concurrently. */
export function loadEsm(): Promise<EsmModules> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= (async () => {
    const entries = await Promise.all(
      Object.entries(SPECIFIERS).map(async ([name, specifier]) => [name, await importEsm(specifier)] as const),
    );
    loaded = Object.fromEntries(entries) as unknown as EsmModules;
    return loaded;
  })();
  return loading;
}

/** The loaded modules; only valid after `loadEsm()` has resolved (the host awaits it on start). */
export function esm(): EsmModules {
  if (!loaded) throw new Error('ESM modules not loaded: await loadEsm() first');
  return loaded;
}
