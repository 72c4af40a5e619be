/**
 * The sandbox pool: pre-started piscina worker threads that prepare (validate + instrument) and
 * run guest modules, a cache of compiled modules by sha256, and the wall-clock kill.
 *
 * At most one task per thread is handed to piscina at a time; the rest wait here. So the wall
 * clock of a run starts when a thread is free for it, not when it was queued, and a job's time
 * limit measures the job, not the queue in front of it. A run past its wall time is aborted,
 * which terminates its thread; piscina starts a replacement (minThreads), and the process and
 * the other runs carry on.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { Piscina } from 'piscina';
import { sha256Hex } from './blob-store';
import type { ExecutorConfig } from './config';
import { fromWire, SandboxError } from './errors';
import { checkRunnable, type ModuleInfo, type RunInput, type RunLimits, type RunOutcome } from './sandbox';
import type { PrepareReply, WorkerReply, WorkerTask } from './sandbox-worker';
import { workerScript } from './worker-script';

export interface PreparedModule {
  sha256: string;
  /** Compiled from the instrumented bytes; shared by all threads (posting it does not copy code). */
  module: WebAssembly.Module;
  info: ModuleInfo & { imports: string[] };
}

export interface PoolRunLimits extends RunLimits {
  wallTimeMs: number;
}

export type PoolOptions = Pick<
  ExecutorConfig,
  'threads' | 'maxModuleBytes' | 'moduleCacheEntries' | 'workerHeapMb' | 'workerStackMb'
>;

/** Preparing is linear in the module size; this only guards against a wedged thread. */
const PREPARE_TIMEOUT_MS = 30_000;

class Gate {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

export class SandboxPool {
  private readonly gate: Gate;
  private readonly cache = new Map<string, Promise<PreparedModule>>();
  private closed = false;

  private constructor(
    private readonly piscina: Piscina<WorkerTask, WorkerReply>,
    private readonly opts: PoolOptions,
    private readonly log?: Logger,
  ) {
    this.gate = new Gate(opts.threads);
  }

  /** Starts every thread and waits until each has answered once, so the first job runs warm. */
  static async start(opts: PoolOptions, log?: Logger): Promise<SandboxPool> {
    const piscina = new Piscina<WorkerTask, WorkerReply>({
      filename: workerScript(join(__dirname, 'sandbox-worker.ts')),
      minThreads: opts.threads,
      maxThreads: opts.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
      resourceLimits: {
        maxOldGenerationSizeMb: opts.workerHeapMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(opts.workerHeapMb / 4)),
        stackSizeMb: opts.workerStackMb,
      },
    });
    const pool = new SandboxPool(piscina, opts, log);
    await Promise.all(Array.from({ length: opts.threads }, () => piscina.run({ kind: 'ping' })));
    log?.info({ threads: opts.threads }, 'sandbox pool ready');
    return pool;
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  /** Compiled modules in the cache. */
  get cached(): number {
    return this.cache.size;
  }

  /**
   * Validates, instruments and compiles a module, once per sha256. Refusals are cached too: they
   * are a property of the bytes.
   */
  prepare(bytes: Uint8Array, knownSha256?: string): Promise<PreparedModule> {
    if (bytes.length > this.opts.maxModuleBytes) {
      return Promise.reject(
        new SandboxError(
          'MODULE_TOO_LARGE',
          `module is ${bytes.length} bytes; the executor takes at most ${this.opts.maxModuleBytes}`,
        ),
      );
    }
    const sha256 = knownSha256 ?? sha256Hex(bytes);
    const hit = this.cache.get(sha256);
    if (hit) {
      this.cache.delete(sha256);
      this.cache.set(sha256, hit);
      return hit;
    }
    const p = this.compile(sha256, bytes);
    this.cache.set(sha256, p);
    p.catch((err: unknown) => {
      if (!(err instanceof SandboxError && err.refused)) this.cache.delete(sha256);
    });
    while (this.cache.size > this.opts.moduleCacheEntries) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    return p;
  }

  private async compile(sha256: string, bytes: Uint8Array): Promise<PreparedModule> {
    // A copy: the caller keeps its bytes, the worker gets its own.
    const reply = (await this.dispatch(
      { kind: 'prepare', bytes: bytes.slice() },
      PREPARE_TIMEOUT_MS,
    )) as PrepareReply;
    const module = await WebAssembly.compile(reply.bytes);
    this.log?.debug({ sha256, bytes: bytes.length, imports: reply.info.imports }, 'module prepared');
    return { sha256, module, info: reply.info };
  }

  /** Runs `input.entry` of a prepared module in a worker thread under `limits`. */
  async run(prepared: PreparedModule, input: RunInput, limits: PoolRunLimits): Promise<RunOutcome> {
    checkRunnable(prepared.info, input.entry, limits);
    const { wallTimeMs, ...runLimits } = limits;
    const task: WorkerTask = {
      kind: 'run',
      module: prepared.module,
      info: prepared.info,
      input,
      limits: runLimits,
    };
    const reply = await this.dispatch(task, wallTimeMs);
    if (!reply.ok || !('outcome' in reply))
      throw new Error('sandbox worker answered a run with something else');
    return reply.outcome;
  }

  private async dispatch(task: WorkerTask, wallTimeMs: number): Promise<WorkerReply> {
    if (this.closed) throw new Error('sandbox pool is closed');
    await this.gate.acquire();
    const signal = AbortSignal.timeout(wallTimeMs);
    try {
      const reply = await this.piscina.run(task, { signal });
      if (!reply.ok) throw fromWire(reply.error);
      return reply;
    } catch (err) {
      if (err instanceof SandboxError) throw err;
      if ((err as Error).name === 'AbortError' || signal.aborted) {
        this.log?.warn({ kind: task.kind, wallTimeMs }, 'run passed its wall time; worker terminated');
        throw new SandboxError(
          'WALL_TIMEOUT',
          `still running after ${wallTimeMs} ms; its thread was terminated`,
        );
      }
      this.log?.error({ err, kind: task.kind }, 'sandbox worker lost');
      throw new SandboxError('WORKER_LOST', `sandbox worker died: ${(err as Error).message}`);
    } finally {
      this.gate.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.piscina.destroy();
  }
}
