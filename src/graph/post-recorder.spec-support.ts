import type { GraphUnitRef, JobRecord, PosterRecord } from '../jobs/journal';
import type { PostJobInput } from '../jobs/posting';
import type { UnitJobs } from './scheduler';

/** A unit's poster record as the job life journals it when the unit is posted (terms the specs do not read). */
export function unitRecord(
  jobId: string,
  graph: GraphUnitRef,
  budget = '1',
): PosterRecord & { graph: GraphUnitRef } {
  return {
    role: 'poster',
    jobId,
    step: 'announcing',
    manifestSha256: 'e'.repeat(64),
    blobs: [],
    requirements: { minCores: 1, minMemoryMb: 1, wasmFeatures: [], minFuelPerSecond: 1n, fuelLimit: 1n },
    budget,
    execDurationS: '60',
    maxAttempts: 2,
    graph,
    history: [],
  };
}

/**
 * The job life stood in for by a recorder of what the scheduler posts (the job life itself is
 * tested on devnet in test/e2e): each post is saved and announced to listeners as the real one does.
 */
export class PostRecorder implements UnitJobs {
  readonly posted: PostJobInput[][] = [];
  readonly records: PosterRecord[] = [];
  private readonly listeners = new Set<(r: JobRecord) => void>();
  private next = 1n;
  poster = {
    hooks: {},
    postJobs: async (inputs: PostJobInput[]) => {
      this.posted.push(inputs);
      return inputs.map((i) => {
        const jobId = this.next++;
        this.save(unitRecord(jobId.toString(), i.graph!, i.budget.toString()));
        return { jobId, txHash: '0x1' };
      });
    },
  };
  list = () => this.records;
  onChange = (l: (r: JobRecord) => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  save(r: PosterRecord): void {
    if (!this.records.includes(r)) this.records.push(r);
    for (const l of this.listeners) l(r);
  }
  /** The unit's worker delivered `output` and the poster checked it. */
  deliver(r: PosterRecord, output: string): void {
    r.award = { attempt: 1, worker: '0x1', peer: 'p1', price: '1' };
    r.result = { attempt: 1, outputSha256: output, verdict: 'match' };
    this.save(r);
  }
}
