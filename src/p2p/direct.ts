/**
 * Direct request/response protocols over long-lived session streams.
 *
 * Opening a libp2p stream per request costs a yamux stream, a multistream-select negotiation and
 * a close handshake: measured on this machine, ~1.6 ms of CPU per request/response against
 * ~0.2 ms when frames flow over an open stream. A poster taking ten bids per job cannot afford
 * the former, so a peer keeps one outbound stream per protocol to each peer it talks to and
 * sends varint-length-prefixed envelopes on it; the other side answers on the same stream.
 * Requests are matched to responses by content (job id), not by order, so a poster can answer
 * bids when each job's window closes.
 *
 * Defence, per frame: the length prefix is checked before anything is buffered (OVERSIZED aborts
 * the stream), the sender's token bucket is charged (RATE_LIMITED drops the frame), the envelope
 * is admitted (everything but the signature; the signer must be the remote peer), and only then
 * does the protocol handler see it. Frames from a peer at or below the disconnect score are
 * dropped unread. Each stream handles at most MAX_INFLIGHT frames at once; past that it stops
 * reading (libp2p then holds data in the stream's read buffer, capped at READ_BUFFER_BYTES, after
 * which libp2p aborts the stream), so a slow handler backs the sender off instead of queueing
 * without bound. Frames written to one session in one synchronous cascade leave as one yamux
 * frame, flushed in a microtask rather than at the end of the event-loop turn: a bid must not wait
 * behind every other message the process has still to handle (measured: a flush at setImmediate
 * sat 2-25 ms behind the bid on a loaded worker process). Writes beyond WRITE_BUFFER_BYTES queued
 * on one stream are dropped (newest first) and logged: a peer that does not read its responses
 * loses them.
 *
 * Time limits (p2p.defence.streams): an inbound stream must deliver a whole first frame within
 * firstFrameMs and every started frame must finish within partialFrameMs (both charged as
 * STREAM_TIMEOUT, and the stream reset: a half-open stream held one of the peer's
 * maxInboundStreams slots for as long as it liked); a stream with no frame either way for idleMs
 * is closed politely, and a remote that does not close its side within closeMs of ours is reset.
 * Remote resets past the per-minute allowance are charged as STREAM_RESET.
 */
import type { Connection, PeerId, Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };
import { HostError } from './errors';
import type { Logger } from '../shared/logging';
import type { DirectChannelInit, DirectDeps } from './direct-types';
import { Session } from './direct-session';
import { openStream } from './open-stream';

export { encodeFrame } from './direct-session';
export type { DirectChannelInit, DirectDeps, DirectFrame, StreamLimits } from './direct-types';

export class DirectChannel {
  private readonly outbound = new Map<string, Session>();
  private readonly opening = new Map<string, Promise<Session>>();
  private readonly sessions = new Set<Session>();
  private sweepTimer?: NodeJS.Timeout;
  readonly log: Logger;

  constructor(
    readonly init: DirectChannelInit,
    readonly deps: DirectDeps,
  ) {
    this.log = deps.log.child({ protocol: init.protocol });
  }

  async start(): Promise<void> {
    await this.deps
      .libp2p()
      .handle(this.init.protocol, (stream, connection) => this.accept(stream, connection), {
        maxInboundStreams: this.deps.maxInboundStreams,
        // One outbound session per peer suffices; a few spare cover a session being replaced.
        maxOutboundStreams: 4,
        // Bids and outcomes also travel over relayed connections (a NATed poster or worker);
        // the relay's own limits bound what they may carry (src/config/p2p-nat.ts).
        runOnLimitedConnection: true,
      });
    const { idleMs, firstFrameMs, partialFrameMs } = this.deps.limits;
    // A quarter of the shortest limit: a stream outstays its limit by at most that much.
    const tickMs = Math.min(1000, Math.max(25, Math.min(idleMs, firstFrameMs, partialFrameMs) / 4));
    this.sweepTimer = setInterval(() => {
      const now = Date.now();
      for (const s of this.sessions) s.check(now);
    }, tickMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.deps
      .libp2p()
      .unhandle(this.init.protocol)
      .catch(() => undefined);
    for (const s of this.sessions) s.abort('shutting down');
    this.sessions.clear();
    this.outbound.clear();
  }

  /** Whether an outbound session to the peer is open (trySend would not need to open one). */
  isOpen(peerId: string): boolean {
    return this.outbound.get(peerId)?.open ?? false;
  }

  /** Sends on an open session without waiting; false when there is none yet. */
  trySend(peerId: string, payload: Uint8Array): boolean {
    const s = this.outbound.get(peerId);
    return s !== undefined && s.open && s.write(payload);
  }

  /** Sends, opening a session (and dialling) first if needed. `addrs` help reach a peer we never met. */
  async send(peer: PeerId, payload: Uint8Array, addrs: Multiaddr[] = []): Promise<void> {
    const id = peer.toString();
    if (this.trySend(id, payload)) return;
    const session = await this.openSession(peer, addrs);
    if (!session.write(payload)) throw new HostError('STREAM_FAILED', `could not write to ${id}`);
  }

  forget(session: Session): void {
    this.sessions.delete(session);
    if (this.outbound.get(session.peerId) === session) this.outbound.delete(session.peerId);
  }

  private openSession(peer: PeerId, addrs: Multiaddr[]): Promise<Session> {
    const id = peer.toString();
    let pending = this.opening.get(id);
    if (!pending) {
      pending = (async () => {
        const libp2p = this.deps.libp2p();
        if (addrs.length > 0 && libp2p.getConnections(peer).length === 0) {
          await libp2p.peerStore.merge(peer, { multiaddrs: addrs });
        }
        // Backoff only guards new connections: a stream on a live connection is cheap for both.
        const dial = () =>
openStream(libp2p, peer, this.init.protocol, { signal: AbortSignal.timeout(10_000) });
        const stream =
          libp2p.getConnections(peer).length > 0 ? await dial() : await this.deps.backoff.run(id, dial);
        const session = new Session(stream, id, peer.toMultihash().bytes, this, false);
        this.sessions.add(session);
        this.outbound.set(id, session);
        return session;
      })().finally(() => this.opening.delete(id));
      this.opening.set(id, pending);
    }
    return pending;
  }

  private accept(stream: Stream, connection: Connection): void {
    const peer = connection.remotePeer;
    const session = new Session(stream, peer.toString(), peer.toMultihash().bytes, this, true);
    this.sessions.add(session);
  }
}
