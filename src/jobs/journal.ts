/**
 * What a node remembers about its jobs, across restarts: one JSON file per job and role under
 * `<dataDir>/jobs/`, written atomically (temp file, fsync, rename) after every step. The chain
 * holds the truth about escrow and payment; the journal holds what the chain cannot: where the
 * job's bytes are, which peer was awarded, what this node already did (so nothing is run or
 * submitted twice for the same attempt).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { JobRequirements } from '../discovery/capabilities';
import type { JobStatus } from '../chain/job';
import { writeFileDurably } from '../shared/durable-file';

/** The poster's own steps between the chain's states. */
export type PosterStep =
  | 'creating' // approve + create_job sent
  | 'announcing' // bid window open for the current attempt
  | 'awarding' // award_job sent
  | 'awarded' // on chain; the worker may fetch the job
  | 'reviewing' // result submitted on chain; fetching and checking it
  | 'settling' // confirm or dispute sent
  | 'done';

/** The worker's own steps. */
export type WorkerStep =
  | 'bidding' // bid decided (history notes 'bid sent' once it went out with its consent); waiting for the chain to name a winner
  | 'accepting' // award seen on chain, accept_job sent
  | 'running' // accepted; fetching and running the job
  | 'submitting' // output stored, submit_result sent
  | 'submitted' // on chain; waiting for confirm, dispute or the review window
  | 'claiming'
  | 'declined'
  | 'done';

export interface HistoryEntry {
  at: string;
  what: string;
  txHash?: string;
}

interface RecordBase {
  jobId: string;
  /** The chain's last word on the job, as this node last read it. */
  chainStatus?: JobStatus;
  history: HistoryEntry[];
}

/** Which unit of a tasklet graph a job is (src/graph/): the graph, the step, the replica. */
export interface GraphUnitRef {
  graphId: string;
  /** A tasklet id, or `@aggregate` for the aggregate step. */
  node: string;
  replica: number;
}

export interface PosterRecord extends RecordBase {
  role: 'poster';
  step: PosterStep;
  manifestSha256: string;
  /** Every blob the awarded worker may fetch: the manifest, its modules and inputs. */
  blobs: string[];
  requirements: JobRequirements;
  budget: string;
  execDurationS: string;
  maxAttempts: number;
  /** The award in force, from the winning bid (the peer is what the grant names). */
  award?: { attempt: number; worker: string; peer: string; price: string };
  /** What the worker said it delivered, and what the poster found on checking it. */
  result?: {
    attempt: number;
    outputSha256: string;
    proofSha256?: string;
    /** match: the output is the one committed (and, for groth16, its proof verifies). */
    verdict?: 'match' | 'mismatch' | 'invalid-proof';
    /** Why the proof was refused. */
    refusal?: string;
  };
  bids?: number;
  /** Set when the job is one unit of a tasklet graph. */
  graph?: GraphUnitRef;
}

export interface WorkerRecord extends RecordBase {
  role: 'worker';
  step: WorkerStep;
  attempt: number;
  poster: string;
  posterAddrs: string[];
  manifestSha256: string;
  price: string;
  /**
   * When the bid's window closes at the latest (ms since epoch, the announcement's deadline).
   * Until then the bid's fate comes as news (the poster's outcome, the chain's award event), so
   * the periodic tick does not read the job for it. Absent in journals from before it was kept.
   */
  bidUntil?: number;
  /** Set once the job ran: the output (and proof) this node holds and submitted. */
  outputSha256?: string;
  proofSha256?: string;
  commitment?: string;
  fuelUsed?: string;
  /** Wall time of the run in the sandbox. */
  runMs?: number;
}

export type JobRecord = PosterRecord | WorkerRecord;

/** Bigints (a job's fuel limit, ...) as {"$bigint": "digits"}, so they come back as bigints. */
function toJson(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? { $bigint: value.toString() } : value;
}

function fromJson(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$bigint' in value && Object.keys(value).length === 1) {
    return BigInt((value as { $bigint: string }).$bigint);
  }
  return value;
}

export class Journal extends EventEmitter<{ saved: [JobRecord] }> {
  private readonly dir: string;

  constructor(dataDir: string) {
    super();
    this.dir = join(dataDir, 'jobs');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  private file(role: JobRecord['role'], jobId: string): string {
    return join(this.dir, `${role}-${jobId}.json`);
  }

  save(record: JobRecord): void {
    writeFileDurably(this.file(record.role, record.jobId), JSON.stringify(record, toJson, 2));
    // Watchers (the control channel's job.watch) see each step as it is made durable.
    this.emit('saved', record);
  }

  load(role: JobRecord['role'], jobId: string): JobRecord | undefined {
    const file = this.file(role, jobId);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8'), fromJson) as JobRecord) : undefined;
  }

  remove(role: JobRecord['role'], jobId: string): void {
    rmSync(this.file(role, jobId), { force: true });
  }

  /** Every record, oldest job first. */
  all(): JobRecord[] {
    return readdirSync(this.dir)
      .filter((f) => /^(poster|worker)-\d+\.json$/.test(f))
      .map((f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8'), fromJson) as JobRecord)
      .sort((a, b) => Number(BigInt(a.jobId) - BigInt(b.jobId)));
  }
}

export function note(record: JobRecord, what: string, txHash?: string): void {
  record.history.push({ at: new Date().toISOString(), what, ...(txHash ? { txHash } : {}) });
}
