/**
 * Typed errors of the p2p layer. A validation failure carries the gossip verdict it maps to
 * (ignore: drop silently; reject: drop and let gossipsub penalise the propagator) and a code
 * from a closed union; `PENALTIES` grades each code into a peer action, so a misbehaviour is
 * scored the same way whether it came over gossip or a direct stream.
 */
export type WireErrorCode =
  /** Longer than maxMessageBytes; the frame is not even decoded. */
  | 'OVERSIZED'
  /** Not a protobuf Envelope, or a payload that does not decode as its kind. */
  | 'MALFORMED'
  /** An envelope version this node does not speak. */
  | 'BAD_VERSION'
  /** A kind that is not allowed on this topic or protocol. */
  | 'WRONG_KIND'
  /** No signer or no signature. */
  | 'UNSIGNED'
  /** The signer is not an Ed25519 peer id. */
  | 'BAD_SIGNER'
  /** The signature does not verify against the signer's key. */
  | 'FORGED_SIGNATURE'
  /** On a direct stream, signed by someone other than the remote peer. */
  | 'SIGNER_MISMATCH'
  /** Timestamp older than the freshness window. */
  | 'STALE'
  /** Timestamp further ahead than the freshness window. */
  | 'FROM_FUTURE'
  /** (signer, nonce) already seen within the window. */
  | 'REPLAYED'
  /** Well-formed and signed, but the content breaks a rule (felt out of range, deadline passed...). */
  | 'INVALID_PAYLOAD'
  /** More frames than the peer's rate limit allows. */
  | 'RATE_LIMITED'
  /** A response nobody asked for, or a bid for a job this node never announced. */
  | 'UNSOLICITED'
  /** A second message where one is allowed (a second bid by one worker for one job). */
  | 'DUPLICATE'
  /** A gossipsub frame that is not a valid RPC (or breaks its decode limits). */
  | 'INVALID_RPC'
  /** A gossipsub frame far over maxInboundDataLength: gossipsub drops the stream and the peer with it. */
  | 'OVERSIZED_FRAME'
  /** Gossip messages on a topic this node does not accept. */
  | 'UNKNOWN_TOPIC'
  /** A stream reset by the peer, past the per-minute allowance. */
  | 'STREAM_RESET'
  /** A stream that outstayed a time limit (idle, half-open, a frame never finished). */
  | 'STREAM_TIMEOUT';

/** The verdict handed to gossipsub; `accept` is the absence of an error. */
export type GossipAction = 'ignore' | 'reject';

export class MessageValidationError extends Error {
  constructor(
    readonly action: GossipAction,
    readonly code: WireErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'MessageValidationError';
  }
}

export const reject = (code: WireErrorCode, detail?: string): MessageValidationError =>
  new MessageValidationError('reject', code, detail);
export const ignore = (code: WireErrorCode, detail?: string): MessageValidationError =>
  new MessageValidationError('ignore', code, detail);

/** Decodes a payload with its generated codec; bytes that do not decode are MALFORMED, named for `what`. */
export function decodePayload<T>(codec: { decode(b: Uint8Array): T }, bytes: Uint8Array, what: string): T {
  try {
    return codec.decode(bytes);
  } catch (err) {
    throw reject('MALFORMED', `${what}: ${(err as Error).message}`);
  }
}

/**
 * Graded peer actions, after lodestar's: a fatal action bans at once, a severe one disconnects at
 * once (one offence); the tolerance grades say
 * how many such errors a peer may make before it is disconnected (score -20) and banned (-50).
 */
export type PeerAction = 'fatal' | 'severe' | 'low' | 'mid' | 'high';

export const PENALTIES: Record<WireErrorCode, PeerAction> = {
  OVERSIZED: 'low',
  MALFORMED: 'low',
  // A peer on a newer wire version is not malicious; it just cannot talk to us.
  BAD_VERSION: 'high',
  WRONG_KIND: 'low',
  UNSIGNED: 'low',
  BAD_SIGNER: 'low',
  FORGED_SIGNATURE: 'low',
  SIGNER_MISMATCH: 'low',
  // Clock skew and slow paths make honest peers occasionally late or early.
  STALE: 'high',
  FROM_FUTURE: 'high',
  // Same bytes are deduplicated by gossipsub before us, so a replay reaching the validator was
  // re-wrapped on purpose (or re-sent on a direct stream).
  REPLAYED: 'mid',
  INVALID_PAYLOAD: 'low',
  RATE_LIMITED: 'high',
  // Honest after a restart (a bid for a job the poster forgot), so cheap; many of them are not.
  UNSOLICITED: 'high',
  DUPLICATE: 'high',
  // Frames no gossipsub implementation produces: garbage or an attack on the decoder.
  INVALID_RPC: 'low',
  // Our messages are under 4 KiB and the frame cap is 64 KiB: no peer of this network sends one.
  // Gossipsub forgets the peer's gossip state with the stream, so it is disconnected at once.
  OVERSIZED_FRAME: 'severe',
  // Peers only send a topic to subscribers; we never subscribe to one we do not accept. Charged
  // once per RPC frame, however many messages it carries.
  UNKNOWN_TOPIC: 'mid',
  // Within the allowance resets are free (honest peers reset on shutdown or timeouts).
  STREAM_RESET: 'mid',
  // Cheap: a slow link is not malice, but holding our slots open must not be free.
  STREAM_TIMEOUT: 'high',
};

/** Errors from setting up or running the host, as opposed to a peer's bad input. */
export type HostErrorCode =
  | 'KEY_FILE_PERMISSIONS'
  | 'KEY_FILE_INVALID'
  | 'NOT_STARTED'
  | 'NO_ROUTE'
  | 'STREAM_FAILED'
  /** A recent dial to the peer failed; the next is allowed once its backoff ends. */
  | 'BACKING_OFF'
  /** The Node running the host lacks something its defences rely on. */
  | 'UNSUPPORTED_RUNTIME';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** Message of anything thrown, including errors from another realm where instanceof fails. */
export function describe(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err)
    return String((err as { message: unknown }).message);
  return String(err);
}
