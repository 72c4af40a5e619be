/**
 * The node's configuration: one zod schema, read from the environment (CAIRN_*) and an optional
 * JSON file (CAIRN_CONFIG), validated once at start so a typo fails loudly before any socket
 * opens. Sections are independent; other parts of the node add theirs beside `p2p`/`market`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { executorConfigSchema } from '../executor/config';
import { SANDBOX_WASM_FEATURES } from '../executor/wasm/features';
import { proverConfigSchema } from '../prover/config';
import { ConfigError, issueLines } from '../shared/config-error';
import { positiveInt } from '../shared/config-numbers';
import { DefenceSchema } from './p2p-defence';
import { discoveryConfigSchema } from './discovery';
import { alertsConfigSchema } from './alerts';
import { NatSchema, natConfigIssues } from './p2p-nat';
import { SimulationCostsSchema, simulationCostIssues } from './p2p-simulation';

/** A TCP or in-memory listen address; full parsing happens in libp2p, this catches typos early. */
const ListenAddr = z
  .string()
  .regex(
    /^\/(ip4|ip6|dns4|dns6|dns)\/[^/]+\/tcp\/\d{1,5}$|^\/memory\/[\w.-]+$/,
    'expected /ip4/<host>/tcp/<port> or /memory/<name>',
  );

/** A bootstrap peer must name its peer id, or a man in the middle could answer for it. */
const BootstrapAddr = z
  .string()
  .regex(
    /^\/(ip4|ip6|dns4|dns6|dns)\/[^/]+\/tcp\/\d{1,5}\/p2p\/\w+$|^\/memory\/[\w.-]+\/p2p\/\w+$/,
    'expected /ip4/<host>/tcp/<port>/p2p/<peer id>',
  );

const Felt = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,64}$/, 'expected a 0x-prefixed felt')
  .transform((s) => BigInt(s));

const Amount = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative(), z.bigint()])
  .transform((v) => BigInt(v));

export const P2pConfigSchema = z.object({
  /** Created with mode 0600 on first start; its Ed25519 key is the node's peer id. */
  keyFile: z.string().min(1).optional(),
  listen: z.array(ListenAddr).min(1).default(['/ip4/127.0.0.1/tcp/0']),
  bootstrap: z.array(BootstrapAddr).default([]),
  /**
   * LAN or loopback deployment: keep private addresses in DHT records (the default mapper strips
   * them, which would leave a loopback network with no dialable providers) and serve the DHT
   * without waiting to learn a public address.
   */
  lan: z.boolean().default(false),
  /**
   * Many nodes on one host (tests, benchmarks). Turns off the gossipsub IP-colocation penalty,
   * which would otherwise score every peer behind 127.0.0.1 as a Sybil, and lifts the connection
   * manager's per-host inbound rate limit (SIMULATION_RELAXATIONS in src/config/p2p-defence.ts
   * lists all it changes). Never set this on a public node.
   */
  simulation: z.boolean().default(false),
  /** Costs a simulation may skip (src/config/p2p-simulation.ts); refused without `simulation`. */
  simulationCosts: SimulationCostsSchema.prefault({}),
  /** Connections kept before the connection manager prunes; a worker needs few, a poster more. */
  maxConnections: positiveInt(200),
  /** Largest envelope accepted on gossip or a direct stream; every payload here is well under 1 KiB. */
  maxMessageBytes: z
    .number()
    .int()
    .min(256)
    .max(1 << 20)
    .default(4096),
  /**
   * How far a message's timestamp may be from our clock. 30 s absorbs NTP-grade skew and gossip
   * delay; the replay cache holds (signer, nonce) for twice this long.
   */
  freshnessWindowMs: positiveInt(30_000),
  /** Direct-protocol frames per second a peer may send before frames are dropped (token bucket). */
  directRatePerSecond: z.number().positive().default(1000),
  directBurst: z.number().positive().default(2000),
  /** Concurrent inbound streams per connection per direct protocol; a session needs one. */
  maxInboundStreams: positiveInt(4),
  /**
   * Peers per kad-dht bucket (the DHT's k). kad-dht pings, and so connects to, every contact it
   * adds; at the default 20 each node of a 200-node network ends up connected to about half of
   * it. One machine hosting all 200 cannot pay for those ~10,000 handshakes, so the 200-node
   * simulation sets 8: fewer connections per node, more hops per lookup.
   */
  dhtBucketSize: z.number().int().min(2).max(20).default(20),
  /**
   * Peers a DHT lookup asks at once (Kademlia's alpha; it also sets the disjoint paths). kad-dht
   * defaults to 10, tuned for the public IPFS DHT where many peers never answer; in a market of
   * staked, reachable nodes 3 (the Kademlia paper's value) finds providers as fast for a third
   * of the streams and dials: in the 200-node bench, p50 from ~140 to ~50 ms.
   */
  dhtAlpha: z.number().int().min(1).max(20).default(3),
  /**
   * Every connection is pinged once per this interval, each at its own phase (src/p2p/liveness.ts);
   * one that does not answer within 10 s is closed. libp2p's own monitor (every 10 s, all
   * connections in one burst) is off: its bursts were the tail of the first-bid latency.
   */
  livenessPingMs: z.number().int().min(1000).default(30_000),
  /** Gossip heartbeat; 1 s is the gossipsub spec default and what the score decay is tuned to. */
  heartbeatMs: positiveInt(1000),
  /**
   * Outbound TCP connections leave from this local IP (a multi-homed host; tests use it to put
   * several nodes behind one loopback address). Unset: the OS picks.
   */
  dialFrom: z.ipv4().or(z.ipv6()).optional(),
  /** Bans, colocation, stream and connection time limits (src/config/p2p-defence.ts). */
  defence: DefenceSchema.default(() => DefenceSchema.parse({})),
  /** NAT traversal: AutoNAT, circuit relay v2 client and server, UPnP, DCUtR; all off by default (src/config/p2p-nat.ts). */
  nat: NatSchema.prefault({}),
});

export const WorkerConfigSchema = z.object({
  address: Felt,
  cores: z.number().int().positive(),
  memoryMb: z.number().int().positive(),
  /** Proposals the sandbox runs (src/executor/wasm/features.ts); all of them by default. */
  wasmFeatures: z
    .array(z.enum(SANDBOX_WASM_FEATURES))
    .max(32)
    .default([...SANDBOX_WASM_FEATURES]),
  fuelPerSecond: z.number().int().positive(),
  /** Price floor in fri per unit of fuel. */
  pricePerFuel: Amount,
  /** How often the advert is re-published on gossip. */
  advertIntervalMs: positiveInt(30_000),
});

export const MarketConfigSchema = z.object({
  /** Present when this node offers compute. */
  worker: WorkerConfigSchema.optional(),
  strategy: z.enum(['lowest-price', 'reputation-weighted']).default('reputation-weighted'),
  defaultBidWindowMs: positiveInt(2000),
  defaultMaxBids: positiveInt(8, 256),
  /**
   * Join the job-announcement mesh (and so validate and forward every announcement) although
   * this node does not bid. Workers always join. A node that only posts publishes to the topic's
   * subscribers directly and has no use for other posters' jobs; relaying them would cost it a
   * validation and several forwards per job and put its own first bids behind that work.
   */
  relayAnnouncements: z.boolean().default(false),
});

export const ChainConfigSchema = z.object({
  /**
   * The deployment `npm start` writes ({ rpcUrl, registry, reputation, ... }); bids are checked
   * against its StakingRegistry and Reputation. Defaults to <dataDir>/deployment.json; without
   * the file the node checks bids against an empty in-memory registry (and awards nothing).
   */
  deploymentFile: z.string().min(1).optional(),
  /**
   * The worker account's private key, in a file of mode 0600 (CAIRN_ACCOUNT_KEY_FILE); the
   * account is market.worker.address. Used to bind the node's peer id (`npm run worker:bind`).
   */
  accountKeyFile: z.string().min(1).optional(),
  /**
   * The account the node posts and works as (CAIRN_ACCOUNT_ADDRESS); market.worker.address when
   * absent. With its key (accountKeyFile, or CAIRN_ACCOUNT_KEY) and a deployment, the node runs
   * the job life: it escrows, awards, accepts, submits and settles jobs on chain.
   */
  accountAddress: z
    .string()
    .regex(/^0x[0-9a-fA-F]{1,64}$/, 'a 0x-prefixed felt')
    .optional(),
});

const Fri = z.string().regex(/^[0-9]{1,78}$/, 'an amount in fri, as a decimal integer string');

/** The job life (src/jobs/): timings and limits of posting and working on chain. */
export const JobsConfigSchema = z.object({
  /** Jobs a worker holds at once (awarded to submitted); its advertised cores when absent. */
  capacity: z.number().int().min(1).max(1024).optional(),
  /** A worker stakes up to this much on start if its stake is lower (fri); nothing when absent. */
  stakeFri: Fri.optional(),
  /** A transaction whose estimated fee is above this is not sent (fri). */
  maxFeeFri: Fri.optional(),
  receiptTimeoutMs: positiveInt(120_000),
  /** Most calls batched into one transaction (1: no batching; the fee bench compares). */
  maxBatch: z.number().int().min(1).max(64).default(16),
  timings: z
    .object({
      /** How long a poster takes bids for. */
      bidWindowMs: positiveInt(1_500, 600_000),
      /**
       * Keep every bid window open to its deadline, even once every capable worker the advert
       * book knows has bid (src/market/bid-window.ts): a poster that would rather wait for
       * offers from workers it has not heard of than award at once.
       */
      fullBidWindow: z.boolean().default(false),
      /**
       * A transaction that other steps under way are about to join waits this long for them, so
       * they share it (one fee, and none queued a receipt behind it): a poster's award while its
       * other bid windows close, a worker's accept or submit while it accepts or runs others.
       */
      batchWaitMs: z.number().int().min(0).max(1_000).default(25),
      /** Wait before announcing again a job nobody could be awarded. */
      reannounceMs: positiveInt(5_000),
      /**
       * A worker that has not heard a job announced this long after the chain says it opened
       * asks its peers for the announcement (src/jobs/job-finder.ts).
       */
      findMissedAfterMs: positiveInt(3_000),
      /** How often every live job is looked at again (time-driven steps: expire, claim). */
      tickMs: positiveInt(1_000),
      /** How long a worker's award consent stays valid (seconds). */
      consentTtlS: z.number().int().min(60).max(86_400).default(600),
      /** A worker resends its result notice this often until the poster settles. */
      noticeEveryMs: positiveInt(10_000),
      /** Caps on fetching a job's data or a result. */
      fetchTimeoutMs: positiveInt(120_000),
      maxFetchBytes: positiveInt(256 * 1024 * 1024),
    })
    .prefault({}),
  /**
   * Test-only faults, for the end-to-end tests of what a market does about bad workers: `cheat`
   * delivers an output that does not match the commitment submitted; `wrongOutput` delivers a
   * wrong output with a commitment that matches it (a lie only redundancy catches); `badProof`
   * delivers a groth16 proof that does not verify;
   * `neverAccept` lets every award lapse. A node with a fault logs it loudly at start.
   */
  faults: z
    .object({
      cheat: z.boolean().default(false),
      wrongOutput: z.boolean().default(false),
      badProof: z.boolean().default(false),
      neverAccept: z.boolean().default(false),
    })
    .strict()
    .prefault({}),
});
export type JobsConfig = z.infer<typeof JobsConfigSchema>;

/** Job-data transfer (src/transfer/): what this node serves and accepts over /cairn/<network>/blob/1.0.0. */
export const TransferConfigSchema = z.object({
  /** Largest blob served or fetched (a module, an input shard, an output, a proof). */
  maxBlobBytes: positiveInt(64 * 1024 * 1024, 2 ** 40),
  /** Largest sum of blobs in one request. */
  maxRequestBytes: positiveInt(256 * 1024 * 1024, 2 ** 40),
  /** Hashes one request may name; the request must fit one envelope. */
  maxHashesPerRequest: z.number().int().min(1).max(64).default(32),
  /** Transfers one peer may have running with this node at once; more are answered BUSY. */
  perPeerConcurrency: z.number().int().min(1).max(64).default(2),
  /** Authorised transfers this node writes at once, all peers together (a stranger cannot take one). */
  maxConcurrent: z.number().int().min(1).max(1024).default(16),
  /** A transfer with no bytes moving for this long is aborted, on either side. */
  idleTimeoutMs: positiveInt(10_000),
  /** A served transfer is aborted after this long, however it is going. */
  deadlineMs: positiveInt(10 * 60_000),
});

/** Remote use of the control channel: off unless this section is given. */
export const ControlTcpConfigSchema = z.object({
  /** 127.0.0.1 by default; the token travels in clear, so reach a remote node through a tunnel or a private network. */
  host: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port (tests). */
  port: z.number().int().min(0).max(65535),
  /** The bearer token, in a file of mode 0600 (at least 16 characters; `openssl rand -hex 32`). */
  tokenFile: z.string().min(1),
  /** Failed authentications one remote address may make per window before it is refused outright. */
  maxAuthFailures: positiveInt(5),
  authWindowMs: positiveInt(60_000),
  /** A TCP client that has not authenticated within this long is disconnected. */
  authTimeoutMs: positiveInt(5_000),
});

/** The node's local control channel (src/control/): JSON-RPC 2.0, one message a line. */
export const ControlConfigSchema = z.object({
  enabled: z.boolean().default(true),
  /** Default <dataDir>/control.sock; created with mode 0600 in a directory only its owner may write. */
  socketPath: z.string().min(1).optional(),
  tcp: ControlTcpConfigSchema.optional(),
  /** A longer line is answered with an error and its connection closed. */
  maxLineBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  /** Connections open at once, Unix and TCP together; more are answered with an error and closed. */
  maxConnections: positiveInt(256, 10_000),
  /** Requests one connection may have in flight; more are answered BUSY. */
  maxConcurrentPerConnection: positiveInt(32, 1024),
});

export const NodeConfigSchema = z.object({
  /** Separates gossip topics and the DHT of different deployments (devnet, sepolia, mainnet). */
  network: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .default('devnet'),
  dataDir: z.string().min(1).default('.cairn'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  p2p: P2pConfigSchema.default(() => P2pConfigSchema.parse({})),
  market: MarketConfigSchema.default(() => MarketConfigSchema.parse({})),
  chain: ChainConfigSchema.default(() => ChainConfigSchema.parse({})),
  /** The sandbox a worker runs jobs in (src/executor/config.ts); blobs default to <dataDir>/blobs. */
  executor: executorConfigSchema.prefault({}),
  /** The groth16 prover of a worker (src/prover/config.ts). */
  prover: proverConfigSchema.prefault({}),
  transfer: TransferConfigSchema.default(() => TransferConfigSchema.parse({})),
  jobs: JobsConfigSchema.prefault({}),
  control: ControlConfigSchema.default(() => ControlConfigSchema.parse({})),
  /** Matching on noised adverts, advert book sync (src/config/discovery.ts). */
  discovery: discoveryConfigSchema.prefault({}),
  /** Priority alerts: trusted issuers and rate limits (src/config/alerts.ts). */
  alerts: alertsConfigSchema.prefault({}),
  /**
   * What the node is for: `worker` and `both` need a market.worker section; `poster` ignores one.
   * Default: `both` with a market.worker section, `poster` without.
   */
  role: z.enum(['poster', 'worker', 'both']).optional(),
});

export type NodeConfig = z.infer<typeof NodeConfigSchema>;
export type NodeConfigInput = z.input<typeof NodeConfigSchema>;
export type P2pConfig = z.infer<typeof P2pConfigSchema>;
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;
export type MarketConfig = z.infer<typeof MarketConfigSchema>;
export type TransferConfig = z.infer<typeof TransferConfigSchema>;
export type ControlConfig = z.infer<typeof ControlConfigSchema>;
export type NodeRole = NonNullable<NodeConfig['role']>;

export { ConfigError };

/** Validates a configuration object; throws ConfigError listing every problem at once. */
export function parseConfig(input: unknown): NodeConfig {
  const result = NodeConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(issueLines(result.error.issues));
  }
  const config = result.data;
  const issues = [
    ...natConfigIssues(config.p2p.nat),
    ...simulationCostIssues(config.p2p.simulationCosts, config.p2p.simulation),
  ];
  if (issues.length > 0) throw new ConfigError(issues);
  config.p2p.keyFile ??= join(config.dataDir, 'peer.key');
  config.executor.storeDir ??= join(config.dataDir, 'blobs');
  config.control.socketPath ??= join(config.dataDir, 'control.sock');
  if (config.role === 'poster') config.market.worker = undefined;
  else if (config.role && !config.market.worker) {
    throw new ConfigError([
      `role: a ${config.role} node needs a market.worker section (address, cores, memoryMb, fuelPerSecond, pricePerFuel)`,
    ]);
  }
  config.role ??= config.market.worker ? 'both' : 'poster';
  return config;
}

const list = (v: string | undefined): string[] | undefined =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
const bool = (v: string | undefined): boolean | undefined =>
  v === undefined ? undefined : v === '1' || v === 'true';

/**
 * Reads CAIRN_CONFIG (a JSON file) and then the CAIRN_* variables, which win over the file.
 * Unknown keys in the file are kept out by the schema.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const file = env.CAIRN_CONFIG
    ? (JSON.parse(readFileSync(env.CAIRN_CONFIG, 'utf8')) as Record<string, unknown>)
    : {};
  const p2p = { ...((file.p2p as Record<string, unknown> | undefined) ?? {}) };
  const set = (obj: Record<string, unknown>, key: string, value: unknown): void => {
    if (value !== undefined) obj[key] = value;
  };
  set(p2p, 'listen', list(env.CAIRN_P2P_LISTEN));
  set(p2p, 'bootstrap', list(env.CAIRN_P2P_BOOTSTRAP));
  set(p2p, 'keyFile', env.CAIRN_P2P_KEY_FILE);
  set(p2p, 'lan', bool(env.CAIRN_P2P_LAN));
  set(p2p, 'simulation', bool(env.CAIRN_P2P_SIMULATION));
  const merged: Record<string, unknown> = { ...file, p2p };
  set(merged, 'network', env.CAIRN_NETWORK);
  set(merged, 'dataDir', env.CAIRN_DATA_DIR);
  set(merged, 'logLevel', env.CAIRN_LOG_LEVEL);
  set(merged, 'role', env.CAIRN_ROLE);
  const control = { ...((file.control as Record<string, unknown> | undefined) ?? {}) };
  set(control, 'socketPath', env.CAIRN_CONTROL_SOCKET);
  merged.control = control;
  const chain = { ...((file.chain as Record<string, unknown> | undefined) ?? {}) };
  set(chain, 'deploymentFile', env.CAIRN_DEPLOYMENT);
  set(chain, 'accountKeyFile', env.CAIRN_ACCOUNT_KEY_FILE);
  set(chain, 'accountAddress', env.CAIRN_ACCOUNT_ADDRESS);
  merged.chain = chain;
  return parseConfig(merged);
}
