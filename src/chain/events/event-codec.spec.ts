import { events, hash } from 'starknet';
import { normalizeAddress } from '../../shared/felt';
import { CONTRACT_ROLES, EVENT_ABIS, cairnEventCodec } from './cairn-codec';
import { type AbiEntry, EventDecodeError, type Value, eventLayouts } from './event-codec';

const addr = { market: '0x111', registry: '0x222', reputation: '0x333' };
const codec = cairnEventCodec(addr);

describe('AbiCodec', () => {
  it('keys an event by the selector of its variant name and decodes keys and data in ABI order', () => {
    const budget = (1n << 130n) + 5n; // exercises the high half of a u256
    const e = codec.encode('market', 'JobCreated', {
      job_id: 7n,
      poster: '0xabc',
      budget,
      manifest_hash: '0x1234',
      exec_duration: 600n,
      max_attempts: 3,
    });
    expect(e.keys[0]).toBe(normalizeAddress(hash.getSelectorFromName('JobCreated')));
    expect(e.keys).toHaveLength(2);
    expect(codec.decode(e.fromAddress, e.keys, e.data)).toEqual({
      contract: 'market',
      name: 'JobCreated',
      fields: {
        job_id: 7n,
        poster: normalizeAddress('0xabc'),
        budget,
        manifest_hash: '0x1234',
        exec_duration: 600n,
        max_attempts: 3,
      },
    });
  });

  it('decodes ByteArrays longer than one word, bools and nested structs', () => {
    const peer = '12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo-extra';
    const p = codec.encode('registry', 'PeerBound', { worker: '0x5', peer_id: peer });
    expect(codec.decode(addr.registry, p.keys, p.data)?.fields.peer_id).toBe(peer);
    const r = codec.encode('market', 'JobResolved', {
      job_id: 1n,
      poster: 0x11n,
      worker: 0x22n,
      arbiter: 0x33n,
      worker_wins: false,
      by_default: false,
      payout: 0n,
      fee: 0n,
      refund: 9n,
      slashed: 4n,
      bond: 1n,
      fee_bps: 250,
      slash_bps: 5000,
    });
    expect(codec.decode(addr.market, r.keys, r.data)?.fields.worker_wins).toBe(false);
    const params = {
      fee_bps: 250,
      collateral_bps: 5000,
      slash_bps: 5000,
      accept_window: 600n,
      review_window: 3600n,
      max_exec_duration: 86400n,
      dispute_bond_bps: 1000,
      resolution_window: 259200n,
      min_price: 10n ** 16n,
      min_collateral: 5n * 10n ** 15n,
    };
    const u = codec.encode('market', 'ParamsUpdated', { params, effective_at: 172800n });
    expect(codec.decode(addr.market, u.keys, u.data)?.fields.params).toEqual(params);
  });

  it('is keyed by contract address: the same event from another contract is not decoded', () => {
    const e = codec.encode('market', 'JobCancelled', { job_id: 1n, refund: 5n });
    expect(codec.decode('0x999', e.keys, e.data)).toBeUndefined();
    expect(codec.decode(addr.registry, e.keys, e.data)).toBeUndefined();
    expect(codec.decode(addr.market, ['0x1234'], [])).toBeUndefined();
  });

  it('refuses events whose felts do not fit the ABI', () => {
    const e = codec.encode('market', 'JobCancelled', { job_id: 1n, refund: 5n });
    expect(() => codec.decode(addr.market, e.keys, [...e.data, '0x1'])).toThrow(EventDecodeError);
    expect(() => codec.decode(addr.market, e.keys, e.data.slice(1))).toThrow(/ran out of felts/);
  });

  it('round-trips every event the checked-in ABIs declare (none has a type the codec cannot read)', () => {
    // A sample value per ABI type; a struct member gets its own type's sample, so nested structs
    // are covered wherever an event has one.
    const structs = new Map(
      CONTRACT_ROLES.flatMap((r) => (EVENT_ABIS[r] as AbiEntry[]).filter((e) => e.type === 'struct')).map(
        (e) => [e.name, e],
      ),
    );
    const sample = (type: string): Value => {
      const last = type.split('::').pop()!;
      if (type === 'core::felt252') return '0x2a';
      if (last === 'ContractAddress') return normalizeAddress('0xabc');
      if (['u8', 'u16', 'u32'].includes(last)) return 7;
      if (['u64', 'u128'].includes(last)) return 1n << 40n;
      if (last === 'u256') return (1n << 200n) + 3n;
      if (last === 'bool') return true;
      if (last === 'ByteArray') return 'a peer id longer than thirty-one bytes';
      const s = structs.get(type);
      if (s) return Object.fromEntries((s.members ?? []).map((m) => [m.name, sample(m.type)]));
      throw new Error(`no sample for ${type}`);
    };
    for (const role of CONTRACT_ROLES) {
      const layouts = eventLayouts(EVENT_ABIS[role]);
      // starknet.js's own ABI reader, independent of ours, finds the same events.
      const theirs = Object.keys(
        events.getAbiEvents(EVENT_ABIS[role] as Parameters<typeof events.getAbiEvents>[0]),
      );
      expect([...layouts.keys()].sort()).toEqual(theirs.map((k) => normalizeAddress(k)).sort());
      for (const layout of layouts.values()) {
        const fields = Object.fromEntries(
          [...layout.keys, ...layout.data].map((m) => [m.name, sample(m.type)]),
        );
        const e = codec.encode(role, layout.name, fields);
        expect(codec.decode(e.fromAddress, e.keys, e.data)).toEqual({
          contract: role,
          name: layout.name,
          fields,
        });
      }
    }
  });
});
