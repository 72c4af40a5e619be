/**
 * Attackers that are not cairn nodes: a bare libp2p peer (TCP, Noise, Yamux, identify) that
 * claims to speak gossipsub so the victim opens its gossip state for it, and then writes whatever
 * bytes a test likes on a gossipsub or direct-protocol stream; and raw TCP sockets that never
 * finish (or never start) the Noise handshake. Every one leaves from a chosen loopback address,
 * so tests can put attackers and honest nodes behind one IP.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import type { Libp2p } from 'libp2p' with { 'resolution-mode': 'import' };
import type { Stream } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { encodeFrame } from '../../../src/p2p/direct';
import { loadEsm } from '../../../src/p2p/esm';
import { varint } from '../../../src/p2p/varint';

export const GOSSIPSUB_PROTOCOLS = ['/meshsub/1.2.0', '/meshsub/1.1.0', '/meshsub/1.0.0'];

export interface RawPeer {
  node: Libp2p;
  peerId: string;
  /** Dials the victim (throws when refused). */
  dial(addr: string): Promise<void>;
  /** Opens a stream on `protocol` to the victim. */
  stream(victim: string, protocol: string): Promise<Stream>;
  /** Sends length-prefixed frames on a fresh gossipsub stream to the victim. */
  gossipFrames(victim: string, frames: Uint8Array[]): Promise<void>;
  connected(victim: string): boolean;
  stop(): Promise<void>;
}

/** `plaintext`: speak the plaintext encrypter, as a simulation's nodes do (p2p.simulationCosts). */
export async function rawPeer(from: string, opts: { plaintext?: boolean } = {}): Promise<RawPeer> {
  const m = await loadEsm();
  const node = await m.libp2p.createLibp2p({
    privateKey: await m.keys.generateKeyPair('Ed25519'),
    addresses: { listen: [] },
    // The options reach net.connect whole; TCPSocketOptions just types a subset of them.
    transports: [m.tcp.tcp({ dialOpts: { localAddress: from, noDelay: true } as { noDelay: boolean } })],
    connectionEncrypters: [opts.plaintext ? m.plaintext.plaintext() : m.noise.noise()],
    streamMuxers: [m.yamux.yamux()],
    connectionMonitor: { enabled: false },
    services: { identify: m.identify.identify() },
  });
  // Claiming gossipsub makes the victim add us as a gossip peer; what it sends us is ignored.
  for (const protocol of GOSSIPSUB_PROTOCOLS)
    await node.handle(protocol, (stream) => {
      stream.addEventListener('message', () => undefined);
    });
  const peerIdOf = (text: string) => m.peerId.peerIdFromString(text);
  const self: RawPeer = {
    node: node as unknown as Libp2p,
    peerId: node.peerId.toString(),
    dial: async (addr) => {
      await node.dial(m.multiaddr.multiaddr(addr), { signal: AbortSignal.timeout(5000) });
    },
    stream: (victim, protocol) =>
      node.dialProtocol(peerIdOf(victim), protocol, { signal: AbortSignal.timeout(5000) }),
    gossipFrames: async (victim, frames) => {
      const s = await self.stream(victim, GOSSIPSUB_PROTOCOLS[1] as string);
      for (const f of frames) s.send(encodeFrame(f));
    },
    connected: (victim) => node.getConnections(peerIdOf(victim)).length > 0,
    stop: async () => {
      await node.stop();
    },
  };
  return self;
}

/** Protobuf of a gossipsub RPC carrying one message on `topic` (field numbers from rpc.proto). */
export function rpcWithMessage(topic: string, data: Uint8Array): Uint8Array {
  const t = new TextEncoder().encode(topic);
  const msg = [0x12, ...varint(data.length), ...data, 0x22, ...varint(t.length), ...t];
  return Uint8Array.from([0x12, ...varint(msg.length), ...msg]);
}

/** Not a gossipsub RPC: a length-delimited field claiming more bytes than follow. */
export const INVALID_RPC = Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3);


/** A TCP socket from `from` to the victim that sends `prefix` (possibly nothing) and then stalls. */
export function stalledSocket(
  host: string,
  port: number,
  from: string,
  prefix?: Uint8Array,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host, port, localAddress: from }, () => {
      if (prefix) socket.write(prefix);
      resolve(socket);
    });
    socket.on('error', reject);
    socket.on('data', () => undefined);
  });
}
