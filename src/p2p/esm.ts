/**
 * The libp2p 3 packages are ESM-only; the node is CommonJS (module node16). Their `exports` maps
 * offer only `import` (some add `module-sync`), so neither Node's `require(esm)` nor tsx's
 * require hook can load all of them (`@chainsafe/libp2p-noise`, `-yamux` and `protons-runtime`
 * have no `require` or `module-sync` entry). TypeScript under node16 also refuses a static
 * `import` of them from a CommonJS file (TS1479).
 *
 * So every ESM dependency is loaded once, here, with a real dynamic `import()` (tsc under node16
 * and tsx both keep it as one) and handed out synchronously afterwards through `esm()`. Type-only
 * imports elsewhere carry `with { 'resolution-mode': 'import' }` and are erased.
 *
 * Jest compiles `import()` to `require()` and has no ESM loader without
 * --experimental-vm-modules, so its test environment (test/p2p/support/esm-environment.cjs)
 * installs a native importer under a global symbol, which this module prefers when present.
 */
export interface EsmModules {
  libp2p: typeof import('libp2p', { with: { 'resolution-mode': 'import' } });
  tcp: typeof import('@libp2p/tcp', { with: { 'resolution-mode': 'import' } });
  memory: typeof import('@libp2p/memory', { with: { 'resolution-mode': 'import' } });
  noise: typeof import('@chainsafe/libp2p-noise', { with: { 'resolution-mode': 'import' } });
  noiseCrypto: typeof import('@chainsafe/libp2p-noise/crypto', { with: { 'resolution-mode': 'import' } });
  utils: typeof import('@libp2p/utils', { with: { 'resolution-mode': 'import' } });
  yamux: typeof import('@chainsafe/libp2p-yamux', { with: { 'resolution-mode': 'import' } });
  yamuxStream: typeof import('@chainsafe/libp2p-yamux/stream', { with: { 'resolution-mode': 'import' } });
  identify: typeof import('@libp2p/identify', { with: { 'resolution-mode': 'import' } });
  ping: typeof import('@libp2p/ping', { with: { 'resolution-mode': 'import' } });
  kadDht: typeof import('@libp2p/kad-dht', { with: { 'resolution-mode': 'import' } });
  gossipsub: typeof import('@libp2p/gossipsub', { with: { 'resolution-mode': 'import' } });
  keys: typeof import('@libp2p/crypto/keys', { with: { 'resolution-mode': 'import' } });
  peerId: typeof import('@libp2p/peer-id', { with: { 'resolution-mode': 'import' } });
  multiaddr: typeof import('@multiformats/multiaddr', { with: { 'resolution-mode': 'import' } });
  cid: typeof import('multiformats/cid', { with: { 'resolution-mode': 'import' } });
  sha2: typeof import('multiformats/hashes/sha2', { with: { 'resolution-mode': 'import' } });
  base58: typeof import('multiformats/bases/base58', { with: { 'resolution-mode': 'import' } });
}

type Importer = (specifier: string) => Promise<unknown>;

/** Set by the jest environment; see the module comment. */
export const ESM_IMPORTER = Symbol.for('cairn.esmImport');

function importer(): Importer {
  const injected = (globalThis as { [ESM_IMPORTER]?: Importer })[ESM_IMPORTER];
  return injected ?? ((specifier: string) => import(specifier));
}

/** Where each module comes from. */
const SPECIFIERS: Record<keyof EsmModules, string> = {
  libp2p: 'libp2p',
  tcp: '@libp2p/tcp',
  memory: '@libp2p/memory',
  noise: '@chainsafe/libp2p-noise',
  noiseCrypto: '@chainsafe/libp2p-noise/crypto',
  utils: '@libp2p/utils',
  yamux: '@chainsafe/libp2p-yamux',
  yamuxStream: '@chainsafe/libp2p-yamux/stream',
  identify: '@libp2p/identify',
  ping: '@libp2p/ping',
  kadDht: '@libp2p/kad-dht',
  gossipsub: '@libp2p/gossipsub',
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
    const load = importer();
    const entries = await Promise.all(
      Object.entries(SPECIFIERS).map(async ([name, specifier]) => [name, await load(specifier)] as const),
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
