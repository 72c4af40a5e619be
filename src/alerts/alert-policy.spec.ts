/**
 * @jest-environment ./test/support/esm-environment.cjs
 */
import { loadEsm } from '../p2p/esm';
import { peerIdBytesOf } from '../p2p/crypto';
import { PeerScoreStore } from '../p2p/scoring/peer-score';
import { AlertType, decodeAlert, encodeAlert, type Alert } from './alert-codec';
import { AlertPolicy } from './alert-policy';
import { AlertType as PbType, Alert as AlertPb } from '../p2p/proto/generated/cairn';

const SELF = 'self-peer';
const TRUSTED = 'trusted-peer';

describe('alert policy', () => {
  let subjectPeer: Uint8Array;
  beforeAll(async () => {
    await loadEsm();
    subjectPeer = peerIdBytesOf(new Uint8Array(32).fill(7));
  });

  const policy = (scores = new PeerScoreStore()) => ({
    scores,
    p: new AlertPolicy({ trustedIssuers: [TRUSTED] }, () => SELF, scores),
  });
  const slashed = (): Alert => ({
    type: AlertType.ALERT_TYPE_WORKER_SLASHED,
    subject: 0x123n,
    subjectPeer,
    evidence: 'tx',
  });

  test('a trusted issuer refuses the module and lowers the peer; its own alerts count as trusted', () => {
    const { p, scores } = policy();
    expect(
      p.apply({ type: AlertType.ALERT_TYPE_HOSTILE_MODULE, subject: 0xabcn, evidence: '' }, TRUSTED),
    ).toEqual({
      action: 'refuse-module',
      module: '0xabc',
    });
    expect(p.isModuleRefused(0xabcn)).toBe(true);
    const d = p.apply(slashed(), SELF);
    expect(d.action).toBe('lower-peer');
    expect(scores.score((d as { peer: string }).peer)).toBeLessThan(0);
  });

  test('nothing is taken blindly: untrusted issuers, issuers in bad standing and peerless claims are only noted', () => {
    const { p, scores } = policy();
    expect(p.apply(slashed(), 'stranger')).toEqual({ action: 'noted', reason: 'issuer not trusted' });
    expect(p.apply({ ...slashed(), subjectPeer: undefined }, TRUSTED)).toEqual({
      action: 'noted',
      reason: 'no peer named',
    });
    scores.apply(TRUSTED, 'severe', 'test');
    expect(p.apply(slashed(), TRUSTED)).toEqual({ action: 'noted', reason: 'issuer in bad standing' });
    expect(p.isModuleRefused(0xabcn)).toBe(false);
  });

  test('the codec round-trips and refuses hostile payloads with typed errors', () => {
    const a = slashed();
    expect(decodeAlert(encodeAlert(a))).toEqual(a);
    const bad = (over: Partial<AlertPb>) => () =>
      decodeAlert(AlertPb.encode({ ...AlertPb.decode(encodeAlert(a)), ...over }).finish());
    expect(bad({ type: 99 as PbType })).toThrow(/INVALID_PAYLOAD/);
    expect(bad({ type: PbType.ALERT_TYPE_UNSPECIFIED })).toThrow(/INVALID_PAYLOAD/);
    expect(bad({ evidence: 'x'.repeat(257) })).toThrow(/evidence/);
    expect(bad({ subjectPeer: Uint8Array.of(1, 2, 3) })).toThrow(/subject_peer/);
    expect(bad({ type: PbType.ALERT_TYPE_HOSTILE_MODULE })).toThrow(/names no peer/);
    expect(bad({ subject: new Uint8Array(33).fill(0xff) })).toThrow();
    expect(() => decodeAlert(Uint8Array.of(0xff, 0xff))).toThrow(/MALFORMED/);
  });
});
