/**
 * The shapes a direct protocol is built from: its handler, the host's services it uses, and the
 * frames it sees. Apart from direct.ts so that the channel and its sessions share them without
 * importing each other.
 */
import type { Libp2p } from 'libp2p' with { 'resolution-mode': 'import' };
import type { Logger } from '../shared/logging';
import type { SignatureVerifier } from './crypto';
import type { DialBackoff } from './dial-backoff';
import type { AdmittedEnvelope, Kind, ReplayCache } from './envelope';
import type { Penalties } from './penalties';
import type { PeerRateLimiter } from './rate-limit';
import type { ResetMeter } from './resets';

export interface DirectFrame {
  readonly env: AdmittedEnvelope;
  /** The remote peer, which is also the envelope's signer. */
  readonly peerId: string;
  /** Queues a frame back on the stream this one came on; false if it was dropped. */
  reply(bytes: Uint8Array): boolean;
}

export interface DirectChannelInit {
  protocol: string;
  kinds: ReadonlySet<Kind>;
  onFrame(frame: DirectFrame): void | Promise<void>;
  /**
   * This protocol's own idle limit, instead of p2p.defence.streams.idleMs: a protocol whose
   * session is opened ahead of need (alerts) keeps it while the connection lives.
   */
  idleMs?: number;
}

export interface DirectDeps {
  libp2p: () => Libp2p;
  maxMessageBytes: number;
  freshnessMs: number;
  maxInboundStreams: number;
  replay: ReplayCache;
  verifier: SignatureVerifier;
  limiter: PeerRateLimiter;
  penalties: Penalties;
  /** Called when a peer at or below the disconnect score is still sending: cut it off. */
  enforce(peerId: string, reason: string): void;
  /** Called for every frame that passed admission (the peer proved itself a little). */
  onValidMessage(peerId: string): void;
  limits: StreamLimits;
  resets: ResetMeter;
  backoff: DialBackoff;
  log: Logger;
}

export interface StreamLimits {
  idleMs: number;
  firstFrameMs: number;
  partialFrameMs: number;
  closeMs: number;
}
