/**
 * Runs a validated manifest: each tasklet as soon as the tasklets it reads from are done (so
 * independent map tasklets run in parallel across the pool), then the aggregate step over their
 * outputs. The job's output is the aggregate's output, or the one unread tasklet's; its format is
 * checked against the manifest and it is committed to with the shared result commitment.
 */
import type { Aggregate, Tasklet, ValidatedManifest } from '../manifest/types';
import { DEFAULT_ENTRY } from '../manifest/types';
import { concatBytes } from '../shared/bytes';
import { resultCommitment } from '../shared/commitment';
import type { BlobSource } from './blob-store';
import { SandboxError } from './errors';
import type { PoolRunLimits, SandboxPool } from './pool';

export interface StepReport {
  /** Tasklet id, or `aggregate`. */
  id: string;
  fuelUsed: bigint;
  memoryPages: number;
  outputBytes: number;
  wallMs: number;
}

export interface JobOutcome {
  jobId: bigint;
  /** The steps' final output. For a groth16 job these are the circuit's input signals (JSON). */
  output: Uint8Array;
  /** resultCommitment(jobId, output). */
  commitment: bigint;
  fuelUsed: bigint;
  steps: StepReport[];
}

export const AGGREGATE_ID = 'aggregate';

export class JobRunner {
  constructor(
    private readonly pool: SandboxPool,
    private readonly store: BlobSource,
  ) {}

  /** Runs the job's steps; modules and inputs come from `blobs` (default: the node's store). */
  async run(v: ValidatedManifest, jobId: bigint, blobs: BlobSource = this.store): Promise<JobOutcome> {
    const { manifest } = v;
    const limits: PoolRunLimits = {
      fuel: BigInt(manifest.resources.fuel),
      memoryPages: manifest.resources.memoryPages,
      wallTimeMs: manifest.resources.wallTimeMs,
      maxOutputBytes: manifest.output.maxBytes,
    };
    const steps: StepReport[] = [];
    const outputs = new Map<string, Promise<Uint8Array>>();
    const byId = new Map(manifest.tasklets.map((t) => [t.id, t]));

    const runTasklet = async (t: Tasklet): Promise<Uint8Array> => {
      const stdin = await this.input(t, outputs, blobs);
      return this.step(t.id, t, stdin, limits, steps, blobs);
    };
    // `order` puts every tasklet after its inputs, so each lookup below finds a started promise.
    for (const id of v.order) {
      const p = runTasklet(byId.get(id)!);
      p.catch(() => undefined); // reported through whoever awaits it
      outputs.set(id, p);
    }

    let output: Uint8Array;
    if (manifest.aggregate) {
      const from = manifest.aggregate.from ?? manifest.tasklets.map((t) => t.id);
      const parts = await Promise.all(from.map((id) => outputs.get(id)!));
      await Promise.all(outputs.values());
      output = await this.step(AGGREGATE_ID, manifest.aggregate, concatBytes(parts), limits, steps, blobs);
    } else {
      await Promise.all(outputs.values());
      output = await outputs.get(v.sink!)!;
    }
    checkFormat(output, manifest.output.format);
    steps.sort((a, b) => stepRank(v, a.id) - stepRank(v, b.id));
    return {
      jobId,
      output,
      commitment: resultCommitment(jobId, output),
      fuelUsed: steps.reduce((n, s) => n + s.fuelUsed, 0n),
      steps,
    };
  }

  private async input(
    t: Tasklet,
    outputs: Map<string, Promise<Uint8Array>>,
    blobs: BlobSource,
  ): Promise<Uint8Array> {
    const i = t.input;
    if (!i) return new Uint8Array(0);
    if (i.text !== undefined) return new TextEncoder().encode(i.text);
    if (i.base64 !== undefined) return new Uint8Array(Buffer.from(i.base64, 'base64'));
    if (i.blob !== undefined) return blobs.get(i.blob, `input of tasklet ${t.id}`);
    return concatBytes(await Promise.all((i.from ?? []).map((id) => outputs.get(id)!)));
  }

  private async step(
    id: string,
    s: Tasklet | Aggregate,
    stdin: Uint8Array,
    limits: PoolRunLimits,
    steps: StepReport[],
    blobs: BlobSource,
  ): Promise<Uint8Array> {
    try {
      const bytes = blobs.get(s.module, 'module');
      const prepared = await this.pool.prepare(bytes, s.module);
      const t0 = performance.now();
      const r = await this.pool.run(
        prepared,
        { entry: s.entry ?? DEFAULT_ENTRY, args: s.args ?? [], stdin },
        limits,
      );
      steps.push({
        id,
        fuelUsed: r.fuelUsed,
        memoryPages: r.memoryPages,
        outputBytes: r.output.length,
        wallMs: performance.now() - t0,
      });
      return r.output;
    } catch (err) {
      throw err instanceof SandboxError ? err.withTasklet(id) : err;
    }
  }
}

function stepRank(v: ValidatedManifest, id: string): number {
  const i = v.order.indexOf(id);
  return i < 0 ? v.order.length : i;
}

function checkFormat(output: Uint8Array, format: 'bytes' | 'text' | 'json'): void {
  if (format === 'bytes') return;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(output);
  } catch {
    throw new SandboxError('BAD_OUTPUT', `output is declared ${format} but is not UTF-8`);
  }
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (err) {
      throw new SandboxError(
        'BAD_OUTPUT',
        `output is declared json but does not parse: ${(err as Error).message}`,
      );
    }
  }
}
