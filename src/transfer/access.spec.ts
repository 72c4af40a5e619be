import { TransferGrants } from './access';

describe('TransferGrants', () => {
  const peer = 'peer-a';
  const hash = 'aa'.repeat(32);

  it('allows only what was granted, to whom, for which job', () => {
    const g = new TransferGrants();
    g.allow(peer, 1n, [hash]);
    expect(g.authorize(peer, 1n, hash)).toBe(true);
    expect(g.authorize(peer, 2n, hash)).toBe(false);
    expect(g.authorize('peer-b', 1n, hash)).toBe(false);
    expect(g.authorize(peer, 1n, 'bb'.repeat(32))).toBe(false);
  });

  it('lapses at expiry and on revoke, for one peer or all', () => {
    let now = 1000;
    const g = new TransferGrants(() => now);
    g.allow(peer, 1n, [hash], 2000);
    g.allow('peer-b', 1n, [hash]);
    g.allow('peer-c', 10n, [hash]);
    expect(g.authorize(peer, 1n, hash)).toBe(true);
    now = 2000;
    expect(g.authorize(peer, 1n, hash)).toBe(false);
    g.revoke(1n);
    expect(g.authorize('peer-b', 1n, hash)).toBe(false);
    expect(g.authorize('peer-c', 10n, hash)).toBe(true);
    g.revoke(10n, 'peer-c');
    expect(g.authorize('peer-c', 10n, hash)).toBe(false);
  });
});
