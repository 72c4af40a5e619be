/**
 * The alert payloads (cairn.proto: Alert inside an Envelope of kind KIND_ALERT, wrapped by every
 * hop in an AlertRelay inside an Envelope of kind KIND_ALERT_RELAY) and their content rules.
 */
import { ed25519KeyOf } from '../p2p/crypto';
import { reject } from '../p2p/errors';
import { feltFromBytes, feltToBytes } from '../p2p/felt-codec';
import { Alert as AlertPb, AlertRelay as AlertRelayPb, AlertType } from '../p2p/proto/generated/cairn';

export { AlertType };

export const MAX_EVIDENCE_BYTES = 256;

export interface Alert {
  type: AlertType;
  /** The module's manifest hash, or the worker's or poster's account address (a felt). */
  subject: bigint;
  /** Peer id bytes the subject acts through, when the issuer knows them. */
  subjectPeer?: Uint8Array;
  evidence: string;
}

export interface AlertRelay {
  /** The issuer's signed alert envelope, unchanged; empty in the hello that opens a session. */
  alert: Uint8Array;
  hops: number;
}

const TYPES = new Set([
  AlertType.ALERT_TYPE_HOSTILE_MODULE,
  AlertType.ALERT_TYPE_WORKER_SLASHED,
  AlertType.ALERT_TYPE_GRIEFING_POSTER,
]);

export function encodeAlert(a: Alert): Uint8Array {
  return AlertPb.encode({
    type: a.type,
    subject: feltToBytes(a.subject),
    subjectPeer: a.subjectPeer ?? new Uint8Array(0),
    evidence: a.evidence,
  }).finish();
}

export function decodeAlert(payload: Uint8Array): Alert {
  let pb: AlertPb;
  try {
    pb = AlertPb.decode(payload);
  } catch (err) {
    throw reject('MALFORMED', `alert: ${(err as Error).message}`);
  }
  if (!TYPES.has(pb.type)) throw reject('INVALID_PAYLOAD', `alert type ${pb.type}`);
  if (Buffer.byteLength(pb.evidence, 'utf8') > MAX_EVIDENCE_BYTES)
    throw reject('INVALID_PAYLOAD', `alert evidence over ${MAX_EVIDENCE_BYTES} bytes`);
  if (pb.subjectPeer.length > 0 && !ed25519KeyOf(pb.subjectPeer))
    throw reject('INVALID_PAYLOAD', 'alert subject_peer is not an Ed25519 peer id');
  if (pb.type === AlertType.ALERT_TYPE_HOSTILE_MODULE && pb.subjectPeer.length > 0)
    throw reject('INVALID_PAYLOAD', 'a module alert names no peer');
  return {
    type: pb.type,
    subject: feltFromBytes(pb.subject, 'subject'),
    ...(pb.subjectPeer.length > 0 ? { subjectPeer: pb.subjectPeer } : {}),
    evidence: pb.evidence,
  };
}

export function encodeRelay(r: AlertRelay): Uint8Array {
  return AlertRelayPb.encode(r).finish();
}

export function decodeRelay(payload: Uint8Array): AlertRelay {
  try {
    return AlertRelayPb.decode(payload);
  } catch (err) {
    throw reject('MALFORMED', `alert relay: ${(err as Error).message}`);
  }
}
