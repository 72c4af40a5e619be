import { hash } from 'starknet';
import { normalizeAddress } from '../config/indexer-config';
import { hasCompiledAbis, loadCompiledAbis } from './compiled-abis';
import { AbiCodec, EventDecodeError, eventLayouts } from './event-codec';
import { SOURCE_ABIS } from './source-abis';

const addr = { market: '0x111', registry: '0x222', reputation: '0x333' };
const codec = new AbiCodec({
  market: { address: addr.market, abi: SOURCE_ABIS.market },
  registry: { address: addr.registry, abi: SOURCE_ABIS.registry },
  reputation: { address: addr.reputation, abi: SOURCE_ABIS.reputation },
});

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
      worker_wins: false,
      payout: 0n,
      fee: 0n,
      refund: 9n,
      slashed: 4n,
    });
    expect(codec.decode(addr.market, r.keys, r.data)?.fields.worker_wins).toBe(false);
    const params = {
      fee_bps: 250,
      collateral_bps: 5000,
      slash_bps: 5000,
      accept_window: 600n,
      review_window: 3600n,
      max_exec_duration: 86400n,
    };
    const u = codec.encode('market', 'ParamsUpdated', { params });
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

  it('matches the compiled ABIs event for event (the transcription used by scripted chains cannot drift)', () => {
    expect(hasCompiledAbis()).toBe(true);
    const compiled = loadCompiledAbis();
    const shape = (abi: Parameters<typeof eventLayouts>[0]) =>
      [...eventLayouts(abi).values()]
        .map((l) => ({
          selector: l.selector,
          name: l.name,
          keys: l.keys.map((k) => `${k.name}:${k.type.split('::').pop()}`),
          data: l.data.map((k) => `${k.name}:${k.type.split('::').pop()}`),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    for (const role of ['market', 'registry', 'reputation'] as const)
      expect(shape(SOURCE_ABIS[role])).toEqual(shape(compiled[role]));
  });
});
