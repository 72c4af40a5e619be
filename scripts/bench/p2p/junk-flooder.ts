/**
 * A junk peer for bench:p2p's `junk` section (and, many at a set rate, its `scale` section): not a cairn node, a bare libp2p peer that claims
 * gossipsub and writes junk on a gossipsub stream as fast as the connection takes it. When the
 * victim cuts it off (and then refuses it) it comes back under a fresh identity, which is what a
 * real flooder does once bans hold; each round rotates the kind of junk: messages on an unknown
 * topic (100 per frame), frames that are not RPCs, and 2 MiB frames. It runs in a process of
 * its own (`forkFlood`), at the lowest CPU priority, so its work and garbage are its own.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { setPriority } from 'node:os';
import { loadEsm } from '../../../src/p2p/esm';
import { encodeFrame } from '../../../src/p2p/direct';
import { varint } from '../../../src/p2p/varint';
import { rawPeer } from '../../../test/p2p/support/raw-peer';

export interface FloodStats {
  identities: number;
  connected: number;
  refusedOrFailed: number;
  frames: number;
  bytes: number;
}

const GOSSIPSUB = ['/meshsub/1.2.0', '/meshsub/1.1.0', '/meshsub/1.0.0'];


function unknownTopicRpc(): Uint8Array {
  const topic = new TextEncoder().encode('/cairn/elsewhere/job_announcement/1/proto');
  const parts: number[] = [];
  for (let i = 0; i < 100; i++) {
    const msg = [0x12, 4, i, i >> 8, 1, 2, 0x22, ...varint(topic.length), ...topic];
    parts.push(0x12, ...varint(msg.length), ...msg);
  }
  return Uint8Array.from(parts);
}

const JUNK: Uint8Array[] = [
  encodeFrame(unknownTopicRpc()),
  encodeFrame(Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3)),
  encodeFrame(new Uint8Array(2 * 1024 * 1024).fill(7)),
];

/**
 * How a flood runs. The junk section floods one victim at full speed with one junk peer; the scale
 * section runs many junk peers at once, each at a set rate, each identity against a random one of
 * many victims, as a share of junk peers in a large network behaves.
 */
export interface FloodOptions {
  /** Junk peers at once, each its own identity (and a fresh one each time it is cut off). */
  peers?: number;
  /** Frames per second per junk peer; unset: as fast as the connection takes them. */
  framesPerSecond?: number;
  /** Speak the plaintext encrypter: the victims are a simulation with p2p.simulationCosts.plaintext. */
  plaintext?: boolean;
}

/**
 * Floods `targets` (multiaddrs ending in /p2p/<id>; each identity picks one at random) from local
 * address `from` until `stop()` is called.
 */
export function startFlood(targets: string | string[], from: string, opts: FloodOptions = {}): { stop(): Promise<FloodStats> } {
  const stats: FloodStats = { identities: 0, connected: 0, refusedOrFailed: 0, frames: 0, bytes: 0 };
  const victims = typeof targets === 'string' ? [targets] : targets;
  const pauseMs = opts.framesPerSecond ? 1000 / opts.framesPerSecond : 0;
  let stopped = false;
  const junkPeer = async () => {
    const m = await loadEsm();
    while (!stopped) {
      const ma = m.multiaddr.multiaddr(victims[Math.floor(Math.random() * victims.length)] as string);
      const kind = stats.identities % JUNK.length;
      stats.identities++;
      // A fresh bare libp2p identity from the shared address, claiming gossipsub.
      const { node } = await rawPeer(from, { plaintext: opts.plaintext });
      try {
        const conn = await node.dial(ma, { signal: AbortSignal.timeout(5000) });
        stats.connected++;
        // The victim opens gossip state for us once identify tells it we speak gossipsub.
        await new Promise((r) => setTimeout(r, 50));
        const stream = await conn.newStream(GOSSIPSUB[1] as string, { signal: AbortSignal.timeout(5000) });
        const frame = JUNK[kind] as Uint8Array;
        while (!stopped && conn.status === 'open' && stream.writeStatus === 'writable') {
          // As fast as the connection takes it, and no faster: at most 1 MiB queued.
          if (stream.writeBufferLength > 1 << 20) {
            // Polled: onDrain never settles on a stream whose connection the victim cut.
            await new Promise((r) => setTimeout(r, 2));
            continue;
          }
          stats.frames++;
          stats.bytes += frame.length;
          stream.send(frame);
          if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
          else if (stats.frames % 64 === 0) await new Promise((r) => setImmediate(r));
        }
      } catch {
        stats.refusedOrFailed++;
      }
      // A connection the victim cut with megabytes still queued may never close gracefully.
      await Promise.race([
        Promise.resolve(node.stop()).catch(() => undefined),
        new Promise((r) => setTimeout(r, 1000)),
      ]);
      // A victim that is down (churned away) refuses at once; do not spin on it.
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const run = Promise.all(Array.from({ length: opts.peers ?? 1 }, junkPeer));
  return {
    stop: async () => {
      stopped = true;
      await run;
      return stats;
    },
  };
}

/** Runs startFlood in a child process; stop() ends it and returns its figures. */
export function forkFlood(targets: string | string[], from: string, opts: FloodOptions = {}): { stop(): Promise<FloodStats> } {
  const victims = typeof targets === 'string' ? [targets] : targets;
  const proc = fork(__filename, ['--flood'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Over IPC, not argv: a thousand victims' addresses exceed the 128 KiB a single argument may hold.
  proc.send({ victims, from, opts });
  return {
    stop: async () => {
      const reply = once(proc, 'message');
      proc.send('stop');
      const [stats] = (await reply) as [FloodStats];
      await once(proc, 'exit');
      return stats;
    },
  };
}

if (process.argv[2] === '--flood') {
  // Lowest CPU priority: on a real network the attacker's CPU is not the victim's; on this one
  // machine, an unniced flooder creating identities at full speed takes a core from the poster
  // and workers, and the bench would measure that contention instead of the victim's defence.
  setPriority(19);
  let flood: { stop(): Promise<FloodStats> } | undefined;
  // A parent that died must not leave its flood running.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (msg: 'stop' | { victims: string[]; from: string; opts: FloodOptions }) => {
    if (msg !== 'stop') {
      flood = startFlood(msg.victims, msg.from, msg.opts);
      return;
    }
    const stopped = flood?.stop() ?? Promise.resolve({ identities: 0, connected: 0, refusedOrFailed: 0, frames: 0, bytes: 0 });
    void stopped.then((stats) => {
      process.send?.(stats, undefined, undefined, () => process.exit(0));
    });
  });
}
