/**
 * How the p2p layer logs what it refuses, and libp2p's own debug logging. A flood of bad messages must not become a flood of log
 * lines (10,000 garbage frames would otherwise cost more in logging than in rejecting), so
 * rejections are logged per (peer, code, path) at most once per second, with the count suppressed
 * since the last line.
 */
import type {
  ComponentLogger,
  Logger as Libp2pLogger,
} from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Logger } from '../shared/logging';
import type { GossipAction, PeerAction, WireErrorCode } from './errors';

const silent: Libp2pLogger = Object.assign(() => undefined, {
  error: () => undefined,
  trace: () => undefined,
  enabled: false,
  newScope: (): Libp2pLogger => silent,
});

/**
 * libp2p's internal debug logging, for createLibp2p's `logger`. With DEBUG unset every libp2p
 * logger is disabled anyway, but libp2p still builds one (a `debug` instance that checks whether
 * stderr is a TTY) for every connection and stream it opens: 3% of the CPU of the 200-node
 * simulation. So it gets a logger that does nothing unless DEBUG (e.g. `DEBUG=libp2p:*`) asks for
 * libp2p's own, which `undefined` selects.
 */
export function libp2pLogger(env: NodeJS.ProcessEnv = process.env): ComponentLogger | undefined {
  if (env.DEBUG) return undefined;
  return { forComponent: () => silent };
}

export interface Rejection {
  peer: string;
  code: WireErrorCode;
  action: GossipAction | 'drop';
  penalty: PeerAction;
  score: number;
  via: string;
  detail?: string;
}

export class RejectionLog {
  private readonly last = new Map<string, { atMs: number; suppressed: number }>();
  /** Rejections by code since start, for tests and metrics. */
  readonly counts = new Map<WireErrorCode, number>();

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 1000,
    private readonly maxKeys = 10_000,
  ) {}

  record(r: Rejection): void {
    this.counts.set(r.code, (this.counts.get(r.code) ?? 0) + 1);
    const key = `${r.peer}|${r.code}|${r.via}`;
    const now = Date.now();
    const prev = this.last.get(key);
    if (prev && now - prev.atMs < this.intervalMs) {
      prev.suppressed++;
      return;
    }
    if (!prev && this.last.size >= this.maxKeys) this.last.clear();
    this.last.set(key, { atMs: now, suppressed: 0 });
    this.log.warn({ ...r, suppressed: prev?.suppressed ?? 0 }, `rejected message: ${r.code}`);
  }
}
