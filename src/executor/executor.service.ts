/**
 * The executor as the node uses it: a started sandbox pool, the content-addressed store its
 * manifests refer to, the job runner and, for groth16 jobs, the prover. Closing it stops the
 * worker threads.
 */
import pino, { type Logger } from 'pino';
import type { Groth16Verification, Manifest, ValidatedManifest } from '../manifest/types';
import { checkCeilings, loadManifest } from '../manifest/validate';
import { manifestHash } from '../shared/commitment';
import { type BlobSource, BlobStore } from './blob-store';
import type { ExecutorConfig } from './config';
import { SandboxError } from './errors';
import { JobRunner, type JobOutcome, type StepReport } from './job-runner';
import { type PoolRunLimits, type PreparedModule, SandboxPool } from './pool';
import type { RunInput, RunOutcome } from './sandbox';

/**
 * What the executor needs from the prover (src/prover's ProverService), named here so the
 * executor does not depend on snarkjs: prove the steps' output, which becomes the public signals.
 */
export interface JobProver {
  proveJob(
    v: Groth16Verification,
    stepsOutput: Uint8Array,
    jobId: bigint,
    store: BlobSource,
  ): Promise<{ output: Uint8Array; commitment: bigint; proof: unknown; publicSignals: string[] }>;
}

export interface JobRequest {
  /** The manifest exactly as posted (JSON or YAML); its hash is the job's on-chain manifest felt. */
  manifest: string | Uint8Array;
  /** The modules, inputs and circuit artifacts it names by sha256 (also looked up in the store). */
  blobs?: Iterable<Uint8Array>;
  /** The on-chain job id the result commitment binds. */
  jobId: bigint;
}

export interface JobResult {
  jobId: bigint;
  manifestHash: bigint;
  /** What the poster receives: the steps' output, or for a groth16 job the public signals (JSON). */
  output: Uint8Array;
  /** resultCommitment(jobId, output): what the worker submits on chain. */
  commitment: bigint;
  fuelUsed: bigint;
  steps: StepReport[];
  /** For a groth16 job, the proof of the public signals in `output`. */
  proof?: { proof: unknown; publicSignals: string[] };
}

export class ExecutorService {
  private readonly runner: JobRunner;

  private constructor(
    readonly config: ExecutorConfig,
    readonly pool: SandboxPool,
    readonly store: BlobStore,
    readonly log: Logger,
    private readonly prover: JobProver | undefined,
  ) {
    this.runner = new JobRunner(pool, store);
  }

  /** Starts the pool's threads. Without a prover, groth16 jobs are refused. */
  static async create(
    config: ExecutorConfig,
    store?: BlobStore,
    log?: Logger,
    prover?: JobProver,
  ): Promise<ExecutorService> {
    const logger = (log ?? pino({ name: 'cairn', level: config.logLevel })).child({ component: 'executor' });
    const pool = await SandboxPool.start(config, logger);
    return new ExecutorService(config, pool, store ?? new BlobStore(config.storeDir), logger, prover);
  }

  /** Stores a module (or an input) and returns its sha256, the name a manifest uses. */
  put(bytes: Uint8Array): string {
    return this.store.put(bytes);
  }

  /** Validates, instruments and compiles a module up front (cached by hash). */
  prepare(bytes: Uint8Array): Promise<PreparedModule> {
    return this.pool.prepare(bytes);
  }

  /** One module run outside a job, for callers that drive steps themselves. */
  run(prepared: PreparedModule, input: RunInput, limits: PoolRunLimits): Promise<RunOutcome> {
    return this.pool.run(prepared, input, limits);
  }

  /**
   * The worker's whole job, as the node's pipeline calls it: the manifest as posted and the
   * blobs that came with it in, the output, fuel, result commitment and (groth16) proof out.
   * Everything that can be refused is refused before any guest code runs: the manifest
   * (ManifestError, including requests above this node's ceilings), a blob it names that is
   * neither given nor stored (MODULE_NOT_FOUND, all of them listed), and a groth16 job on an
   * executor without a prover (PROVER_UNAVAILABLE).
   */
  async runJob(req: JobRequest): Promise<JobResult> {
    const source = typeof req.manifest === 'string' ? new TextEncoder().encode(req.manifest) : req.manifest;
    const v = loadManifest(source, this.config.ceilings);
    const blobs = this.store.overlay(req.blobs ?? []);
    const { verification } = v.manifest;
    const groth16 = verification.mode === 'groth16' ? verification : undefined;
    const prover = groth16 && this.prover;
    if (groth16 && !prover) {
      throw new SandboxError(
        'PROVER_UNAVAILABLE',
        'the manifest asks for a Groth16 proof and this executor was started without a prover',
      );
    }
    checkBlobs(v.manifest, blobs);

    const steps = await this.runManifest(v, req.jobId, blobs);
    const base = {
      jobId: req.jobId,
      manifestHash: manifestHash(source),
      fuelUsed: steps.fuelUsed,
      steps: steps.steps,
    };
    if (!groth16 || !prover) return { ...base, output: steps.output, commitment: steps.commitment };
    const proved = await prover.proveJob(groth16, steps.output, req.jobId, blobs);
    return {
      ...base,
      output: proved.output,
      commitment: proved.commitment,
      proof: { proof: proved.proof, publicSignals: proved.publicSignals },
    };
  }

  /**
   * Runs the steps of an already validated manifest (no proof). The node's ceilings are applied
   * here too, whoever validated it.
   */
  async runManifest(
    v: ValidatedManifest,
    jobId: bigint,
    blobs: BlobSource = this.store,
  ): Promise<JobOutcome> {
    checkCeilings(v.manifest, this.config.ceilings);
    const t0 = performance.now();
    const out = await this.runner.run(v, jobId, blobs);
    this.log.info(
      {
        jobId: jobId.toString(),
        name: v.manifest.name,
        steps: out.steps.length,
        fuelUsed: out.fuelUsed.toString(),
        outputBytes: out.output.length,
        ms: Math.round(performance.now() - t0),
      },
      'job executed',
    );
    return out;
  }

  /** Nest's shutdown hook. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Every blob a manifest names, with where it is named. */
function referencedBlobs(m: Manifest): [path: string, hash: string][] {
  const refs: [string, string][] = [];
  m.tasklets.forEach((t, i) => {
    refs.push([`tasklets[${i}].module`, t.module]);
    if (t.input?.blob) refs.push([`tasklets[${i}].input.blob`, t.input.blob]);
  });
  if (m.aggregate) refs.push(['aggregate.module', m.aggregate.module]);
  if (m.verification.mode === 'groth16') {
    refs.push(['verification.circuit.wasm', m.verification.circuit.wasm]);
    refs.push(['verification.circuit.zkey', m.verification.circuit.zkey]);
  }
  return refs;
}

function checkBlobs(m: Manifest, blobs: BlobSource): void {
  const missing = referencedBlobs(m).filter(([, hash]) => !blobs.has(hash));
  if (missing.length) {
    throw new SandboxError(
      'MODULE_NOT_FOUND',
      `the job names blobs that were neither sent with it nor stored here: ${missing
        .map(([path, hash]) => `${path} ${hash}`)
        .join('; ')}`,
    );
  }
}
