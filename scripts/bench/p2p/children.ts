/** The parent's side of the bench's child processes: fork one, start its nodes, ask it things. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Command } from './protocol';
import type { NetworkSpec, NodeSpec } from './specs';

export class Child {
  private readonly proc: ChildProcess;
  private readonly inbox: unknown[] = [];
  private waiters: Array<() => void> = [];

  constructor(name: string) {
    this.proc = fork(join(__dirname, 'node-host.ts'), ['--child', name], {
      // CAIRN_BENCH_PROF=<dir> writes a CPU profile per child, for finding where the time goes.
      execArgv: [
        '--import',
        'tsx',
        '--max-old-space-size=8192',
        ...(process.env.CAIRN_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CAIRN_BENCH_PROF}`] : []),
        // CAIRN_BENCH_NODE_ARGS="--perf-basic-prof --trace-deopt": V8 flags NODE_OPTIONS refuses.
        ...(process.env.CAIRN_BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (msg) => {
      this.inbox.push(msg);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** The next reply of `type` (that `match` accepts, when several of a type may be in flight). */
  async next<T extends { type: string }>(type: string, match: (msg: T) => boolean = () => true): Promise<T> {
    for (;;) {
      const i = this.inbox.findIndex((m) => ((m as T).type === type && match(m as T)) || (m as T).type === 'error');
      if (i >= 0) {
        const msg = this.inbox.splice(i, 1)[0] as T & { message?: string };
        if (msg.type === 'error') throw new Error(`child failed: ${msg.message}`);
        return msg;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async ask<T extends { type: string }>(cmd: Command, replyType: string, match?: (msg: T) => boolean): Promise<T> {
    this.proc.send(cmd);
    return this.next<T>(replyType, match);
  }

  async cpuUs(): Promise<number> {
    return (await this.ask<{ type: 'cpu'; us: number }>({ type: 'cpu' }, 'cpu')).us;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    this.proc.send({ type: 'stop' });
    // A cleared timer, not sleep(): a pending 15 s timer would hold a test's process open.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([once(this.proc, 'exit'), new Promise((r) => (timer = setTimeout(r, 15_000)))]);
    clearTimeout(timer);
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}

export async function startChild(name: string, specs: NodeSpec[], net: NetworkSpec, offset: number) {
  const c = new Child(name);
  await c.next('ready');
  const started = await c.ask<{ type: 'started'; addrs: string[]; peerIds: string[] }>({ type: 'start', specs, net, offset }, 'started');
  return { child: c, ...started };
}
