/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * docker-compose.yml, checked without a Docker engine (there is none here): it is parsed, each
 * cairn service's environment (with what scripts/compose/launch.ts adds from the deployer's
 * files) must pass the node's or the indexer's configuration schema, every variable it sets
 * must be one that something reads, every command and healthcheck must name a file and a
 * `cairn` subcommand that exist, and the account addresses it names must be the ones devnet's
 * seed 42 predeploys (a devnet is started to check that).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Devnet } from '../../scripts/devnet';
import { ACCOUNTS, bootstrapAddr } from '../../scripts/compose/deploy';
import { composeEnv } from '../../scripts/compose/launch';
import { buildProgram } from '../../src/cli/program';
import { loadConfig as loadNodeConfig } from '../../src/config/config.schema';
import { loadConfig as loadIndexerConfig } from '../../indexer/src/config/indexer-config';
import { peerIdOfKeyFile } from '../../src/node/node-key';
import { normalizeAddress } from '../../src/shared/felt';

const REPO = join(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const NODES = ['poster', 'worker-1', 'worker-2', 'worker-3'];

/** Source files whose text names every variable a service may set (they read process.env). */
const READERS = {
  node: ['src/config/config.schema.ts', 'src/node/deployment.ts', 'scripts/compose/launch.ts'],
  indexer: ['indexer/src/config/indexer-config.ts', 'scripts/compose/launch.ts'],
  deployer: ['scripts/compose/deploy.ts'],
};

function variablesRead(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const f of files)
    for (const m of readFileSync(join(REPO, f), 'utf8').matchAll(
      /\b(CAIRN_[A-Z0-9_]+|INDEXER_[A-Z0-9_]+|DATABASE_URL)\b/g,
    ))
      names.add(m[1]!);
  return names;
}

/**
 * Checks that a command run in the image (WORKDIR /app, the repository) exists: `npx tsx FILE`
 * and `node FILE` name a file; `node bin/cairn.js A B` names a cairn subcommand; launch.ts
 * runs the rest of the line as its own command.
 */
function checkCommand(cmd: string[]): void {
  expect(cmd.length).toBeGreaterThan(0);
  const [first, ...rest] = cmd;
  if (first === 'npx') {
    expect(rest[0]).toBe('tsx');
    expect(readFileSync(join(REPO, 'node_modules', '.bin', 'tsx'))).toBeTruthy();
    return checkCommand(['node', ...rest.slice(1)]);
  }
  expect(first).toBe('node');
  if (rest[0] === '-e') {
    expect(rest[1]).toMatch(/fetch\('http:\/\/127\.0\.0\.1:\d+\/ready'\)/);
    return;
  }
  const file = rest[0]!;
  expect(() => readFileSync(join(REPO, file))).not.toThrow();
  if (file === 'scripts/compose/launch.ts') return checkCommand(rest.slice(1));
  if (file === 'bin/cairn.js') {
    const program = buildProgram();
    const group = program.commands.find((c) => c.name() === rest[1]);
    expect(group).toBeDefined();
    expect(group!.commands.map((c) => c.name())).toContain(rest[2]);
  }
}

describe('docker-compose.yml', () => {
  let dir: string;
  /** /shared as the deployer leaves it, here. */
  let shared: string;
  const inRepo = (env: Record<string, string>): NodeJS.ProcessEnv =>
    Object.fromEntries(
      Object.entries(env).map(([k, v]) => [
        k,
        v.replace(/^\/app\//, `${REPO}/`).replace(/^\/shared\b/, shared),
      ]),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-compose-'));
    shared = join(dir, 'shared');
    mkdirSync(join(shared, 'keys'), { recursive: true });
    writeFileSync(
      join(shared, 'deployment.json'),
      JSON.stringify({
        rpcUrl: 'http://devnet:5050/rpc',
        market: '0x4bade2d3205fcfd07dd6bc61ce9b1379cdfe254b97705be206c8b0581144269',
        registry: '0x4bed37ef57f3db31f7e6f8bcb2af8b3e15de7d8104cfc27053f250b88bfecad',
        reputation: '0x69e25d600b0d7e176871d6b8d8e1238a62c6f1f94ef098fcb162a3290273dc',
        token: '0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d',
        deployBlock: 3,
      }),
    );
    const peerId = await peerIdOfKeyFile(join(shared, 'poster.peer.key'));
    writeFileSync(join(shared, 'bootstrap'), `${bootstrapAddr('poster', '4001', peerId)}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has every service: postgres, devnet, a one-shot deployer, the indexer, a poster and three workers', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['deployer', 'devnet', 'indexer', 'postgres', 'poster', 'worker-1', 'worker-2', 'worker-3'].sort(),
    );
    for (const name of ['deployer', 'indexer', ...NODES]) {
      expect(services[name]!.build).toBe('.');
      expect(services[name]!.volumes).toContain('shared:/shared');
    }
    for (const name of ['indexer', ...NODES])
      expect(services[name]!.depends_on?.deployer).toEqual({ condition: 'service_completed_successfully' });
    expect(services.indexer!.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    for (const w of NODES.slice(1))
      expect(services[w]!.depends_on?.poster).toEqual({ condition: 'service_healthy' });
    // Each node keeps its data (journal, peer key, chain cursor) in a volume of its own.
    const dataVolumes = NODES.map((n) => services[n]!.volumes!.find((v) => v.endsWith(':/data')));
    expect(new Set(dataVolumes).size).toBe(4);
    for (const v of dataVolumes) expect(compose.volumes).toHaveProperty(v!.split(':')[0]!);
  });

  it('has a healthcheck on every long-running service, and the deployer runs once', () => {
    for (const name of ['postgres', 'devnet', 'indexer', ...NODES])
      expect(services[name]!.healthcheck?.test.length).toBeGreaterThan(1);
    expect(services.deployer!.healthcheck).toBeUndefined();
    expect((services.deployer as { restart?: string }).restart).toBe('no');
  });

  it("runs commands that exist: scripts, the indexer, and cairn's own subcommands", () => {
    for (const name of ['deployer', 'indexer', ...NODES]) checkCommand(services[name]!.command!);
    for (const name of ['indexer', ...NODES]) {
      const [kind, ...cmd] = services[name]!.healthcheck!.test;
      expect(kind).toBe('CMD');
      checkCommand(cmd);
    }
    expect(services.deployer!.command).toEqual(['npx', 'tsx', 'scripts/compose/deploy.ts']);
    for (const n of NODES) expect(services[n]!.command!.slice(-3)).toEqual(['bin/cairn.js', 'node', 'start']);
  });

  it("sets only variables something reads, and the nodes' pass the node's configuration schema", () => {
    const read = variablesRead(READERS.node);
    for (const n of NODES) {
      const env = services[n]!.environment!;
      for (const k of Object.keys(env))
        expect({ service: n, variable: k, read: read.has(k) }).toMatchObject({ read: true });
      const config = loadNodeConfig(composeEnv(inRepo(env)));
      expect(config.dataDir).toBe('/data');
      expect(config.chain.deploymentFile).toBe(join(shared, 'deployment.json'));
      expect(config.chain.accountKeyFile).toBe(join(shared, 'keys', `${n}.key`));
      expect(config.p2p.listen).toEqual(['/ip4/0.0.0.0/tcp/4001']);
      if (n === 'poster') {
        expect(config.role).toBe('poster');
        expect(config.p2p.keyFile).toBe(join(shared, 'poster.peer.key'));
      } else {
        expect(config.role).toBe('both');
        expect(config.p2p.bootstrap).toEqual([readFileSync(join(shared, 'bootstrap'), 'utf8').trim()]);
        expect(config.jobs.stakeFri).toBe((500n * 10n ** 18n).toString());
      }
    }
    for (const k of Object.keys(services.deployer!.environment!))
      expect(variablesRead(READERS.deployer)).toContain(k);
  });

  it("sets only variables the indexer reads, and they pass the indexer's configuration schema", () => {
    const env = services.indexer!.environment!;
    const read = variablesRead(READERS.indexer);
    for (const k of Object.keys(env))
      expect({ variable: k, read: read.has(k) }).toMatchObject({ read: true });
    const config = loadIndexerConfig(composeEnv(inRepo(env)));
    expect(config.databaseUrl).toBe(
      `postgres://${services.postgres!.environment!.POSTGRES_USER}:${services.postgres!.environment!.POSTGRES_PASSWORD}@postgres:5432/${services.postgres!.environment!.POSTGRES_DB}`,
    );
    expect(config.rpcUrl).toBe('http://devnet:5050/rpc');
    expect(config.startBlock).toBe(3);
    expect(config.httpHost).toBe('0.0.0.0');
    expect(services.indexer!.healthcheck!.test.join(' ')).toContain(`:${config.httpPort}/ready`);
  });

  it("names the accounts devnet's seed 42 predeploys, as the deployer's key files do", async () => {
    const command = services.devnet!.command!;
    expect(command[command.indexOf('--seed') + 1]).toBe('42');
    const devnet = await Devnet.start({ seed: 42, accounts: 6 });
    try {
      const { predeployed } = await devnet.signers();
      const address = (i: number) => normalizeAddress(predeployed[i]!.address);
      expect(normalizeAddress(services.poster!.environment!.CAIRN_ACCOUNT_ADDRESS!)).toBe(
        address(ACCOUNTS.poster),
      );
      for (const w of ['worker-1', 'worker-2', 'worker-3'] as const) {
        const env = inRepo(services[w]!.environment!);
        const file = JSON.parse(readFileSync(env.CAIRN_CONFIG!, 'utf8')) as {
          market: { worker: { address: string } };
        };
        expect(normalizeAddress(file.market.worker.address)).toBe(address(ACCOUNTS[w]));
      }
    } finally {
      await devnet.stop();
    }
  });
});
