/**
 * A market for end-to-end tests: a real devnet with the cairn contracts deployed, and node
 * configurations (each with its own data dir, peer key, account key file of mode 0600 and
 * listen port) for a poster and workers. The same configurations run in this process
 * (`startNode`) or as `src/main.ts` processes (`spawnNode`), so the in-process suite and the
 * process suite test the one assembly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RpcProvider } from 'starknet';
import { DEVNET_STRK_ADDRESS, Devnet } from '../../../scripts/devnet';
import { CairnClients } from '../../../src/chain/cairn';
import { type CairnDeployment, deployCairn } from '../../../src/chain/deploy';
import { STRK } from '../../../src/chain/params';
import { toBigInt } from '../../../src/chain/values';
import { type NodeConfig, parseConfig } from '../../../src/config/config.schema';
import { chainSources } from '../../../src/node/deployment';
import { type LocalNode, localNodeConfig } from '../../../src/node/local-node-config';
import { peerIdOfKeyFile } from '../../../src/node/node-key';
import { type CairnNode, startNode } from '../../../src/node/start-node';
import { freePort } from '../../../src/shared/free-port';
import { pollUntil } from '../../../src/shared/poll';

export const REPO = join(__dirname, '..', '..', '..');

export interface MarketNet {
  devnet: Devnet;
  deployment: CairnDeployment;
  deploymentFile: string;
  /** Read-only clients of the deployment. */
  clients: CairnClients;
  provider: RpcProvider;
  /** Predeployed accounts: [0] owner/arbiter, [1] poster, [2..] workers. */
  accounts: Array<{ address: string; key: string }>;
  dir: string;
}

export async function startMarketNet(dir: string, accounts = 6): Promise<MarketNet> {
  const devnet = await Devnet.start({ accounts });
  const { accounts: signers, predeployed } = await devnet.signers();
  const deployment = await deployCairn(signers[0]!, { token: DEVNET_STRK_ADDRESS });
  const deploymentFile = join(dir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify({ rpcUrl: devnet.rpcUrl, ...deployment }, null, 2));
  const provider = new RpcProvider({ nodeUrl: devnet.rpcUrl });
  return {
    devnet,
    deployment,
    deploymentFile,
    clients: new CairnClients(deployment, provider),
    provider,
    accounts: predeployed.map((a) => ({ address: a.address, key: a.private_key })),
    dir,
  };
}

export interface NodeSetup {
  name: string;
  config: NodeConfig;
  configFile: string;
  peerId: string;
  /** Its multiaddr with the peer id: what others bootstrap to. */
  addr: string;
  account: string;
}

export interface NodeSetupOptions {
  /** Index into net.accounts. */
  account: number;
  worker?: boolean;
  bootstrap?: NodeSetup[];
  /** Extra `jobs` configuration (timings, cheat, ...). */
  jobs?: Record<string, unknown>;
}

/** Test timings: short windows so a job's life takes seconds; devnet time travel does the rest. */
export const FAST_JOBS = {
  stakeFri: (500n * STRK).toString(),
  timings: {
    bidWindowMs: 1_500,
    reannounceMs: 1_000,
    findMissedAfterMs: 500,
    tickMs: 300,
    noticeEveryMs: 2_000,
    fetchTimeoutMs: 30_000,
  },
};

export async function nodeSetup(net: MarketNet, name: string, o: NodeSetupOptions): Promise<NodeSetup> {
  const dataDir = join(net.dir, name);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const port = await freePort();
  const peerId = await peerIdOfKeyFile(join(dataDir, 'peer.key'));
  const acct = net.accounts[o.account]!;
  const accountKeyFile = join(dataDir, 'account.key');
  writeFileSync(accountKeyFile, `${acct.key}\n`, { mode: 0o600 });
  chmodSync(accountKeyFile, 0o600);
  const raw = localNodeConfig({
    network: 'e2e',
    dataDir,
    logLevel: (process.env.CAIRN_E2E_LOG ?? 'warn') as LocalNode['logLevel'],
    port,
    bootstrap: (o.bootstrap ?? []).map((b) => b.addr),
    deploymentFile: net.deploymentFile,
    accountKeyFile,
    accountAddress: acct.address,
    jobs: {
      ...FAST_JOBS,
      ...(o.jobs ?? {}),
      timings: { ...FAST_JOBS.timings, ...((o.jobs?.timings as object) ?? {}) },
    },
    ...(o.worker ? { worker: { pricePerFuel: '1' } } : {}),
  });
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(raw, null, 2));
  return {
    name,
    config: parseConfig(raw),
    configFile,
    peerId,
    addr: `/ip4/127.0.0.1/tcp/${port}/p2p/${peerId}`,
    account: acct.address,
  };
}

/** Runs a node of `setup` in this process, as src/main.ts would. */
export async function startInProcess(setup: NodeSetup): Promise<CairnNode> {
  const { stake, reputation, jobChain } = chainSources(setup.config);
  return startNode({ config: setup.config, stake, reputation, ...(jobChain ? { jobChain } : {}) });
}

export interface NodeProcess {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/** Runs `src/main.ts` with the setup's configuration file, in its own process. */
export function spawnNode(setup: NodeSetup, env: Record<string, string> = {}): NodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'main.ts')], {
    cwd: REPO,
    env: { ...process.env, CAIRN_CONFIG: setup.configFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  const read = (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, lines, exited };
}

export async function balanceOf(net: MarketNet, address: string): Promise<bigint> {
  return toBigInt(await net.clients.token.read.balance_of(address));
}

export function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 90_000): Promise<T> {
  return pollUntil(probe, what, timeoutMs, 200);
}
