/**
 * The parent's side of the prover process: requests one at a time (a proof already uses every
 * core through snarkjs's threads), a time limit per request that kills the process, and a
 * restart on the next request after a crash or a kill. Artifacts are sent to the process once
 * per sha256 and process lifetime.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { workerScript } from '../executor/worker-script';
import { ProverError } from './errors';
import type { ProverReply, ProverRequest, ProverResponse, ProverTask } from './prover-process';

export class ProverClient {
  private child: ChildProcess | undefined;
  private loaded = new Set<string>();
  private nextId = 1;
  private readonly pending = new Map<number, (r: ProverReply | Error) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly log?: Logger) {}

  /** Starts the process and waits for its first answer, so the first proof does not pay for it. */
  async start(): Promise<void> {
    await this.request({ kind: 'ping' }, 60_000);
  }

  private spawn(): ChildProcess {
    const child = fork(workerScript(join(__dirname, 'prover-process.ts')), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    child.on('message', (m: ProverResponse) => {
      const done = this.pending.get(m.id);
      this.pending.delete(m.id);
      done?.(m.reply);
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) {
        this.child = undefined;
        this.loaded = new Set();
      }
      for (const [id, done] of this.pending) {
        this.pending.delete(id);
        done(new ProverError('WORKER_LOST', `prover process exited (${signal ?? code})`));
      }
    });
    this.log?.debug({ pid: child.pid }, 'prover process started');
    return child;
  }

  /** Sends `bytes` under `sha256` unless this process already has it. */
  async ensureLoaded(sha256: string, bytes: Uint8Array, timeoutMs: number): Promise<void> {
    if (this.child && this.loaded.has(sha256)) return;
    await this.request({ kind: 'load', sha256, bytes }, timeoutMs);
    this.loaded.add(sha256);
  }

  request(task: ProverTask, timeoutMs: number): Promise<ProverReply> {
    const run = async () => {
      if (this.closed) throw new Error('prover is closed');
      this.child ??= this.spawn();
      const child = this.child;
      const id = this.nextId++;
      const reply = await new Promise<ProverReply | Error>((resolve) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          this.log?.warn({ kind: task.kind, timeoutMs }, 'prover request timed out; killing the process');
          child.kill('SIGKILL');
          resolve(new ProverError('TIMEOUT', `${task.kind} took longer than ${timeoutMs} ms`));
        }, timeoutMs);
        this.pending.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        child.send({ id, task } satisfies ProverRequest);
      });
      if (reply instanceof Error) throw reply;
      if (!reply.ok) throw new ProverError(reply.error.code, reply.error.message);
      return reply;
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });
  }
}
