import { ConfigError, loadConfig, parseConfig } from './config.schema';

describe('node configuration', () => {
  test('defaults are complete and the key file lives in the data dir', () => {
    const c = parseConfig({});
    expect(c.network).toBe('devnet');
    expect(c.p2p.listen).toEqual(['/ip4/127.0.0.1/tcp/0']);
    expect(c.p2p.keyFile).toBe('.cairn/peer.key');
    expect(c.p2p.simulation).toBe(false);
    expect(c.market.worker).toBeUndefined();
    // Tuned from the p2p bench; each is documented in the schema.
    expect(c.p2p.dhtAlpha).toBe(3);
    expect(c.p2p.livenessPingMs).toBe(30_000);
    expect(c.market.relayAnnouncements).toBe(false);
  });

  test('tuning values out of range are refused', () => {
    expect(() => parseConfig({ p2p: { dhtAlpha: 0 } })).toThrow(ConfigError);
    expect(() => parseConfig({ p2p: { livenessPingMs: 10 } })).toThrow(/livenessPingMs/);
  });

  test('environment variables are read and validated', () => {
    const c = loadConfig({
      CAIRN_NETWORK: 'sepolia',
      CAIRN_P2P_LISTEN: '/ip4/0.0.0.0/tcp/4001, /ip4/127.0.0.1/tcp/4002',
      CAIRN_P2P_BOOTSTRAP: '/ip4/10.0.0.1/tcp/4001/p2p/12D3KooWR5dqwwd9AghvnB4Do13QEeRqSaY6DcAWZtd6CzL1bY7N',
      CAIRN_P2P_LAN: 'true',
      CAIRN_DEPLOYMENT: '/srv/cairn/deployment.json',
    });
    expect(c.chain.deploymentFile).toBe('/srv/cairn/deployment.json');
    expect(c.network).toBe('sepolia');
    expect(c.p2p.listen).toHaveLength(2);
    expect(c.p2p.bootstrap).toHaveLength(1);
    expect(c.p2p.lan).toBe(true);
  });

  test('every problem is reported at once', () => {
    let err: unknown;
    try {
      parseConfig({ network: 'Bad Name', p2p: { listen: ['tcp://x'], bootstrap: ['/ip4/1.2.3.4/tcp/1'] } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const issues = (err as ConfigError).issues.join('\n');
    expect(issues).toContain('network');
    expect(issues).toContain('p2p.listen.0');
    expect(issues).toContain('p2p.bootstrap.0');
  });

  test('a worker section parses felts and amounts', () => {
    const c = parseConfig({
      market: {
        worker: {
          address: '0xabc',
          cores: 4,
          memoryMb: 8192,
          fuelPerSecond: 1000,
          pricePerFuel: '1000000000000000000000',
        },
      },
    });
    expect(c.market.worker?.address).toBe(0xabcn);
    expect(c.market.worker?.pricePerFuel).toBe(10n ** 21n);
    // A worker advertises what its sandbox runs, unless it says less.
    expect(c.market.worker?.wasmFeatures).toContain('bulk-memory');
    expect(c.market.worker?.wasmFeatures).not.toContain('simd');
  });

  test('a worker cannot advertise a WebAssembly feature its sandbox refuses', () => {
    const worker = { address: '0xabc', cores: 4, memoryMb: 8192, fuelPerSecond: 1000, pricePerFuel: 1 };
    expect(() => parseConfig({ market: { worker: { ...worker, wasmFeatures: ['simd'] } } })).toThrow(
      /market\.worker\.wasmFeatures\.0/,
    );
    expect(() => parseConfig({ market: { worker: { ...worker, wasmFeatures: ['threads'] } } })).toThrow(
      ConfigError,
    );
  });

  test('the executor and prover sections are validated with the rest, blobs kept in the data dir', () => {
    const c = parseConfig({ dataDir: '/srv/cairn' });
    expect(c.executor.storeDir).toBe('/srv/cairn/blobs');
    expect(c.prover.enabled).toBe(true);
    expect(() => parseConfig({ executor: { threads: 0 } })).toThrow(/executor\.threads/);
    expect(() => parseConfig({ prover: { proveTimeoutMs: -1 } })).toThrow(/prover\.proveTimeoutMs/);
  });

  test('the control channel is on, its socket in the data dir, TCP off unless configured', () => {
    const c = parseConfig({ dataDir: '/srv/cairn' });
    expect(c.control).toMatchObject({
      enabled: true,
      socketPath: '/srv/cairn/control.sock',
      maxLineBytes: 1024 * 1024,
    });
    expect(c.control.tcp).toBeUndefined();
    const tcp = parseConfig({ control: { tcp: { port: 7001, tokenFile: '/srv/cairn/token' } } }).control.tcp;
    expect(tcp).toMatchObject({ host: '127.0.0.1', port: 7001, maxAuthFailures: 5 });
    expect(() => parseConfig({ control: { tcp: { port: 7001 } } })).toThrow(/control\.tcp\.tokenFile/);
    expect(loadConfig({ CAIRN_CONTROL_SOCKET: '/run/c.sock' }).control.socketPath).toBe('/run/c.sock');
  });

  test('the role follows the worker section unless given, and a worker role needs one', () => {
    const worker = { address: '0xabc', cores: 1, memoryMb: 512, fuelPerSecond: 1000, pricePerFuel: 1 };
    expect(parseConfig({}).role).toBe('poster');
    expect(parseConfig({ market: { worker } }).role).toBe('both');
    expect(parseConfig({ role: 'worker', market: { worker } }).role).toBe('worker');
    // poster: the worker section is set aside, so the node bids on nothing.
    const poster = loadConfig({ CAIRN_ROLE: 'poster', CAIRN_CONFIG: undefined });
    expect(poster.role).toBe('poster');
    expect(parseConfig({ role: 'poster', market: { worker } }).market.worker).toBeUndefined();
    expect(() => parseConfig({ role: 'worker' })).toThrow(
      /role: a worker node needs a market\.worker section/,
    );
  });
});
