/**
 * The job life of one node: the one place that carries jobs from post to payment. It owns the
 * node's chain follower (events of the deployment from a block cursor in the data dir), the
 * account's transaction queue, the journal, the job protocol, and the two sides: the poster's
 * jobs and, on a worker with an account, the worker's. Events, notices and a periodic tick all
 * come down to "reconcile this job"; see poster-jobs.ts and worker-jobs.ts for the steps.
 */
import { join } from 'node:path';
import type { Account } from 'starknet';
import { cairnEventCodec } from '../chain/events/cairn-codec';
import { ChainFollower, type Delivery } from '../chain/events/follower';
import { RpcChainSource } from '../chain/events/rpc-chain-source';
import { combineCalls } from '../chain/combine-calls';
import { TxQueue } from '../chain/tx-queue';
import { toBigInt } from '../chain/values';
import type { JobsConfig } from '../config/config.schema';
import { feltHex } from '../shared/felt';
import type { Logger } from '../shared/logging';
import { sawChainTime } from './chain-view';
import type { JobContext, JobNodeParts } from './context';
import { JobLifeError } from './errors';
import { FetchLimiter } from './fetch-limiter';
import { Journal, type JobRecord } from './journal';
import { PosterJobs } from './poster-jobs';
import type { PostJobInput } from './posting';
import type { ProofChecker } from './proof-check';
import { JobProtocol } from './job-protocol';
import { WorkerJobs } from './worker-jobs';
import { JobFinder } from './job-finder';

export interface JobLifeInit extends JobNodeParts {
  rpcUrl: string;
  /** The node's account; the job life runs only with one. */
  account: Account;
  deployBlock: number;
  dataDir: string;
  config: JobsConfig;
  /** The network's per-peer transfer limit (transfer.perPeerConcurrency). */
  transferPerPeer: number;
  /** Checks groth16 proofs before the poster confirms (src/jobs/proof-check.ts). */
  proofs: ProofChecker;
  log: Logger;
}

export class JobLife {
  readonly poster: PosterJobs;
  readonly worker?: WorkerJobs;
  /** A worker's search for jobs it did not hear announced. */
  readonly finder?: JobFinder;
  readonly follower: ChainFollower;
  readonly txq: TxQueue;
  private readonly ctx: JobContext;
  private tick?: NodeJS.Timeout;

  constructor(private readonly init: JobLifeInit) {
    const { config, clients, log } = init;
    const codec = cairnEventCodec({
      market: clients.market.address,
      registry: clients.registry.address,
      reputation: clients.reputation.address,
    });
    this.txq = new TxQueue(init.account, {
      ...(config.maxFeeFri !== undefined ? { maxFee: BigInt(config.maxFeeFri) } : {}),
      receiptTimeoutMs: config.receiptTimeoutMs,
      maxBatch: config.maxBatch,
      combine: (units) =>
        combineCalls(units, { market: clients.market.address, token: clients.token.address }),
      log: log.child({ module: 'tx' }),
    });
    const protocol = new JobProtocol(init.host, {
      onNotice: (from, n) => this.poster.onNotice(from, n),
      onAnnouncementRequest: (_from, jobId) => this.poster.announcementFor(jobId),
      onAnnouncement: (from, a) => this.finder?.onAnswer(from, a),
    });
    this.ctx = {
      host: init.host,
      market: init.market,
      transfer: init.transfer,
      blobs: init.blobs,
      manifests: init.manifests,
      ...(init.executor ? { executor: init.executor } : {}),
      clients: clients.as(init.account),
      provider: init.provider,
      txq: this.txq,
      codec,
      account: BigInt(init.account.address),
      journal: new Journal(init.dataDir),
      protocol,
      timings: config.timings,
      log: log.child({ module: 'jobs' }),
      faults: config.faults,
      fetches: new FetchLimiter(init.transferPerPeer),
      proofs: init.proofs,
    };
    this.poster = new PosterJobs(this.ctx);
    if (init.market.worker) {
      this.worker = new WorkerJobs(this.ctx, init.account, config.capacity ?? init.market.worker.caps.cores);
      const worker = this.worker;
      this.finder = new JobFinder(this.ctx, (id) => worker.record(id) !== undefined, {
        graceMs: config.timings.findMissedAfterMs,
        maxPeers: 8,
      });
    }
    this.follower = new ChainFollower(new RpcChainSource(init.rpcUrl), codec, {
      startBlock: init.deployBlock,
      cursorFile: join(init.dataDir, 'chain-cursor.json'),
      pollMs: config.timings.tickMs,
      hurry: () => this.worker?.expectsAward() ?? false,
      onLatest: (h) => sawChainTime(init.provider, BigInt(h.timestamp)),
      log: log.child({ module: 'follower' }),
    });
  }

  get account(): string {
    return feltHex(this.ctx.account);
  }

  async start(): Promise<void> {
    if (Object.values(this.ctx.faults).some(Boolean)) {
      this.ctx.log.warn({ faults: this.ctx.faults }, 'TEST FAULTS ENABLED: this node misbehaves on purpose');
    }
    await this.ctx.protocol.start();
    if (this.worker) {
      await this.prepareWorker();
      this.worker.attach();
      this.finder!.attach();
      // A won bid's award is a receipt away: look for it now, and often until it comes.
      this.init.market.worker!.on('outcome', (o) => {
        if (o.won) this.follower.wake();
      });
      this.worker.restore();
    }
    this.poster.restore();
    this.follower.on((d) => this.onChain(d));
    this.follower.start();
    const tick = () => {
      this.reconcileAll();
      this.tick = setTimeout(tick, this.init.config.timings.tickMs);
    };
    this.tick = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.tick);
    this.finder?.stop();
    await this.follower.stop();
    await this.ctx.protocol.stop();
    await this.ctx.proofs.close();
  }

  postJob(input: PostJobInput) {
    return this.poster.postJob(input);
  }

  cancel(jobId: bigint) {
    return this.poster.cancel(jobId);
  }

  /** What this node knows of a job, from either side. */
  status(jobId: bigint): JobRecord {
    const r = this.poster.record(jobId) ?? this.worker?.record(jobId);
    if (!r) throw new JobLifeError('UNKNOWN_JOB', `job ${jobId} is not one of this node's jobs`);
    return r;
  }

  list(): JobRecord[] {
    return this.ctx.journal.all();
  }

  /** The bytes of a job's result, once this poster fetched and checked it. */
  result(jobId: bigint): Uint8Array | undefined {
    const r = this.poster.record(jobId);
    const sha = r?.result?.outputSha256;
    return sha && this.ctx.blobs.has(sha) ? this.ctx.blobs.get(sha) : undefined;
  }

  /** Calls `listener` with every job record this node saves (each step, both sides). */
  onChange(listener: (r: JobRecord) => void): () => void {
    this.ctx.journal.on('saved', listener);
    return () => this.ctx.journal.off('saved', listener);
  }

  private reconcileAll(): void {
    for (const id of this.poster.live()) void this.poster.reconcile(BigInt(id));
    for (const id of this.worker?.due() ?? []) void this.worker!.reconcile(BigInt(id));
  }

  private onChain(d: Delivery): void {
    for (const e of d.events) {
      if (e.contract !== 'market' || e.fields.job_id === undefined) continue;
      const id = toBigInt(e.fields.job_id);
      void this.poster.reconcile(id);
      // A job's creation changes nothing a worker holds: its bid waits for the award.
      if (e.name !== 'JobCreated') void this.worker?.reconcile(id);
      if (e.name === 'JobCreated' || e.name === 'JobReopened') this.finder?.onOpened(id);
    }
  }

  /**
   * A worker with an account stakes (the configured amount, if its stake is below it) and binds
   * its peer id, so posters can award it; both only when the chain does not have them yet.
   */
  private async prepareWorker(): Promise<void> {
    const { clients, txq, log } = this.ctx;
    const me = this.account;
    const want = this.init.config.stakeFri !== undefined ? BigInt(this.init.config.stakeFri) : 0n;
    const staked = toBigInt((await clients.registry.read.stake_of(me)).staked);
    if (want > staked) {
      const { txHash } = await txq.submit(
        [
          clients.token.populate('approve', clients.registry.address, want - staked),
          clients.registry.populate('stake', want - staked),
        ],
        'stake',
      );
      log.info({ txHash, amount: (want - staked).toString() }, 'staked');
    }
    const bound = String(await clients.registry.read.peer_id_of(me));
    if (bound !== this.init.host.peerId) {
      const { txHash } = await txq.submit(
        clients.registry.populate('bind_peer', this.init.host.peerId),
        'bind peer id',
      );
      log.info({ txHash, peerId: this.init.host.peerId }, 'bound this node to its account');
    }
    const minPrice = toBigInt((await clients.market.read.params()).min_price);
    this.init.market.worker!.priceFloor = minPrice;
  }
}
