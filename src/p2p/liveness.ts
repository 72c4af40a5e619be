/**
 * Finds dead connections by pinging each one once per interval, each at its own phase.
 *
 * libp2p's connection monitor pings every connection at once, on one timer per node. A node with
 * 200 connections then opens 200 streams in one burst, and nodes started together (a simulation,
 * a fleet restart) burst together: on the latency bench that burst blocked a 22-node process for
 * up to 0.9 s, the whole of the first-bid p99. Here a connection's first probe falls at a random
 * point of the interval after it opens, and each later one an interval after the last, so the
 * probes of any set of connections spread evenly over time.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { describe } from './errors';
import type { Logger } from '../shared/logging';

export interface LivenessOptions {
  /** Each connection is probed once per interval. */
  intervalMs: number;
  /** How often due probes are looked for. */
  tickMs: number;
  /** A probe not answered in this long closes the connection. */
  timeoutMs: number;
  random?: () => number;
  /** One ping over this very connection; the libp2p ping protocol unless a test swaps it. */
  ping?: (conn: Connection, signal: AbortSignal) => Promise<void>;
}

export interface LivenessHost {
  getConnections(): Connection[];
}

const PING_PROTOCOL = '/ipfs/ping/1.0.0';
const PING_BYTES = 32;

/**
 * The libp2p ping exchange (32 random bytes, echoed) on a new stream of `conn` itself. The ping
 * service would open its stream on any connection to the peer, so a dead connection beside a
 * live one would never be found.
 */
export async function pingOver(conn: Connection, signal: AbortSignal): Promise<void> {
  // A relayed connection is probed too; ping's handler accepts on one.
  const stream = await conn.newStream(PING_PROTOCOL, { signal, runOnLimitedConnection: true });
  try {
    const data = randomBytes(PING_BYTES);
    const echo = await new Promise<Buffer>((resolve, reject) => {
      const parts: Uint8Array[] = [];
      let received = 0;
      const onAbort = (): void => reject(new Error('ping timed out'));
      signal.addEventListener('abort', onAbort, { once: true });
      stream.addEventListener('message', (evt) => {
        const chunk = evt.data instanceof Uint8Array ? evt.data : evt.data.subarray();
        parts.push(chunk);
        received += chunk.length;
        if (received < PING_BYTES) return;
        signal.removeEventListener('abort', onAbort);
        resolve(Buffer.concat(parts));
      });
      stream.send(data);
    });
    if (!echo.subarray(0, PING_BYTES).equals(data)) throw new Error('ping answered with other bytes');
  } finally {
    await stream.close().catch(() => stream.abort(new Error('ping stream close failed')));
  }
}

export class LivenessProber {
  private readonly nextProbe = new WeakMap<Connection, number>();
  private timer?: NodeJS.Timeout;
  /** Probes sent and connections closed for not answering, for tests and metrics. */
  readonly stats = { probes: 0, closed: 0 };

  constructor(
    private readonly opts: LivenessOptions,
    private readonly log: Logger,
  ) {}

  start(host: LivenessHost): void {
    this.timer = setInterval(() => this.tick(host, Date.now()), this.opts.tickMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The connections whose probe is due at `now`; schedules the next probe of each. */
  due(connections: Connection[], now: number): Connection[] {
    const random = this.opts.random ?? Math.random;
    const due: Connection[] = [];
    for (const conn of connections) {
      if (conn.status !== 'open') continue;
      const next = this.nextProbe.get(conn);
      if (next === undefined) {
        this.nextProbe.set(conn, now + random() * this.opts.intervalMs);
      } else if (next <= now) {
        this.nextProbe.set(conn, now + this.opts.intervalMs);
        due.push(conn);
      }
    }
    return due;
  }

  tick(host: LivenessHost, now: number): void {
    for (const conn of this.due(host.getConnections(), now)) void this.probe(conn);
  }

  private async probe(conn: Connection): Promise<void> {
    this.stats.probes++;
    const ping = this.opts.ping ?? pingOver;
    try {
      await ping(conn, AbortSignal.timeout(this.opts.timeoutMs));
    } catch (err) {
      // A peer that refuses the ping protocol still answered multistream-select: it is alive.
      if (conn.status !== 'open' || (err as Error).name === 'UnsupportedProtocolError') return;
      this.stats.closed++;
      this.log.info({ peer: conn.remotePeer.toString(), err: describe(err) }, 'liveness probe failed; closing connection');
      conn.abort(new Error('liveness probe failed'));
    }
  }
}
