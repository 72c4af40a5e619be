/**
 * Two changes to how bytes reach the socket, both measured on the bench (see README, "Peer-to-peer
 * layer"): without them a small message costs two encryptions and two socket writes at each end.
 *
 * 1. Yamux window updates only when half the receive window is used up. js-yamux 8 answers every
 *    data frame it reads with a WINDOW_UPDATE frame (its own Noise encryption and socket write, and
 *    a decryption and a frame to handle at the other end), even for a 200-byte message against a
 *    256 KiB window. go-yamux and rust-yamux send an update only once the unreported consumption
 *    reaches half the window, which is what the yamux spec's flow control needs: the sender stalls
 *    only at zero capacity. `lazyWindowUpdate` is that policy; the first frame of a stream (which
 *    carries the SYN/ACK flags) and the window auto-tuning are kept as js-yamux has them.
 *
 * 2. One socket write per turn of the event loop. Every yamux frame goes through Noise and then
 *    `socket.write`, one syscall each; corking the socket on the first write of a turn and
 *    uncorking it in a microtask sends everything produced in that synchronous cascade (a data
 *    frame and the frames it triggers, several outcomes answered together) in one writev.
 */
import type { Connection } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Socket } from 'node:net';

/** The parts of js-yamux's YamuxStream the policy touches (public fields, `@chainsafe/libp2p-yamux/stream`). */
export interface YamuxStreamLike {
  state: number;
  recvWindow: number;
  recvWindowCapacity: number;
  maxStreamWindowSize: number;
  epochStart: number;
  getRTT(): number;
  getSendFlags(): number;
  sendFrame(frame: { type: number; flag: number; streamID: number; length: number }): boolean;
  streamId: number;
}

const FRAME_TYPE_WINDOW_UPDATE = 0x1;

export function lazyWindowUpdate(this: YamuxStreamLike, pausedState: number): void {
  if (this.state === pausedState) {
    this.epochStart = Date.now();
    return;
  }
  const flags = this.getSendFlags();
  const delta = this.recvWindow - this.recvWindowCapacity;
  // Nothing owed, or less than half a window: the remote still has room to send.
  if (flags === 0 && delta < this.recvWindow / 2) return;
  const now = Date.now();
  const rtt = this.getRTT();
  // The window was used up within four round trips: the reader keeps up, so let the sender send more.
  if (flags === 0 && rtt > -1 && now - this.epochStart <= rtt * 4) {
    this.recvWindow = Math.min(this.recvWindow * 2, this.maxStreamWindowSize);
  }
  const update = this.recvWindow - this.recvWindowCapacity;
  this.recvWindowCapacity = this.recvWindow;
  this.epochStart = now;
  this.sendFrame({ type: FRAME_TYPE_WINDOW_UPDATE, flag: flags, streamID: this.streamId, length: update });
}

let installed = false;

/** Replaces YamuxStream's window-update policy, once per process. */
export function installLazyWindowUpdates(mod: {
  YamuxStream: { prototype: object };
  StreamState: { Paused: number };
}): void {
  if (installed) return;
  installed = true;
  const paused = mod.StreamState.Paused;
  (mod.YamuxStream.prototype as { sendWindowUpdate(): void }).sendWindowUpdate = function (this: YamuxStreamLike) {
    lazyWindowUpdate.call(this, paused);
  };
}

/** The TCP socket under a libp2p connection, if it has one (not on the in-memory transport). */
function socketOf(connection: Connection): Socket | undefined {
  const maConn = (connection as unknown as { maConn?: { socket?: unknown } }).maConn;
  const socket = maConn?.socket as Socket | undefined;
  return socket && typeof socket.cork === 'function' ? socket : undefined;
}

const batched = new WeakSet<Socket>();

/** Makes writes to the connection's socket leave once per synchronous cascade. */
export function batchSocketWrites(connection: Connection): boolean {
  const socket = socketOf(connection);
  if (!socket || batched.has(socket)) return false;
  batched.add(socket);
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: unknown[]) => {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      queueMicrotask(uncork);
    }
    return write(...args);
  }) as Socket['write'];
  return true;
}
