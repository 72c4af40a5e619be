export { type BlobSource, BlobStore, sha256Hex } from './blob-store';
export { type ExecutorConfig, type ExecutorConfigInput, ConfigError, parseExecutorConfig } from './config';
export { SandboxError, type SandboxErrorCode, type SandboxErrorDetail } from './errors';
export { ExecutorModule, EXECUTOR_CONFIG, JOB_PROVER } from './executor.module';
export { ExecutorService, type JobProver, type JobRequest, type JobResult } from './executor.service';
export { AGGREGATE_ID, type JobOutcome, JobRunner, type StepReport } from './job-runner';
export { type PoolRunLimits, type PreparedModule, SandboxPool } from './pool';
export type { RunInput, RunLimits, RunOutcome } from './sandbox';
