/**
 * What both sides of the job life work with: the node's parts (market, transfer, blob store,
 * executor), its account on the chain (clients sending as it, one transaction queue), the
 * journal, and the timings a deployment may tune.
 */
import type { ProviderInterface } from 'starknet';
import type { CairnClients } from '../chain/cairn';
import type { JobsConfig } from '../config/config.schema';
import type { AbiCodec } from '../chain/events/event-codec';
import type { TxQueue } from '../chain/tx-queue';
import type { BlobStore } from '../executor/blob-store';
import type { ExecutorService } from '../executor/executor.service';
import type { ManifestService } from '../manifest/manifest.service';
import type { Market } from '../market/market';
import type { P2pHost } from '../p2p/host';
import type { Logger } from '../shared/logging';
import type { TransferService } from '../transfer/transfer.service';
import type { FetchLimiter } from './fetch-limiter';
import type { Journal } from './journal';
import type { JobProtocol } from './job-protocol';
import type { ProofChecker } from './proof-check';

/** The job life's timings (config jobs.timings, documented there). */
export type JobLifeTimings = JobsConfig['timings'];

/** The node's parts the job life is handed (JobLifeInit) and works with (JobContext). */
export interface JobNodeParts {
  host: P2pHost;
  market: Market;
  transfer: TransferService;
  blobs: BlobStore;
  manifests: ManifestService;
  executor?: ExecutorService;
  clients: CairnClients;
  provider: ProviderInterface;
}

export interface JobContext extends JobNodeParts {
  txq: TxQueue;
  /** Decodes the deployment's events (receipts' events too). */
  codec: AbiCodec;
  /** This node's account address (the poster's or the worker's), a 0x felt. */
  account: bigint;
  journal: Journal;
  protocol: JobProtocol;
  timings: JobLifeTimings;
  log: Logger;
  /** Keeps this node's fetches from one peer within that peer's per-peer transfer limit. */
  fetches: FetchLimiter;
  /** Test-only faults (config jobs.faults). */
  faults: JobsConfig['faults'];
  /** Checks a groth16 job's proof before the poster confirms it. */
  proofs: ProofChecker;
}
