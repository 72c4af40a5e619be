import { GOSSIP_TOPIC_TYPES, parseTopic, protocolId, stringifyTopic } from './topics';

describe('topics', () => {
  test.each(GOSSIP_TOPIC_TYPES)('%s round-trips', (type) => {
    const s = stringifyTopic({ type, network: 'sepolia' });
    expect(s).toBe(`/cairn/sepolia/${type}/${type === 'worker_advert' ? 2 : 1}/proto`);
    expect(parseTopic(s)).toEqual({ type, network: 'sepolia' });
  });

  test.each([
    '/cairn/x/unknown/1/proto',
    '/cairn/x/job_announcement/2/proto',
    // Version 1 adverts carried exact capacities; a node speaking 2 does not take them.
    '/cairn/x/worker_advert/1/proto',
    '/eth2/x/job_announcement/1/proto',
    'cairn/x/job_announcement/1/proto',
  ])('refuses %s', (s) => {
    expect(() => parseTopic(s)).toThrow();
  });

  test('direct protocols carry the network and a semver', () => {
    expect(protocolId('devnet', 'bid')).toBe('/cairn/devnet/bid/1.0.0');
    expect(protocolId('devnet', 'advert')).toBe('/cairn/devnet/advert/2.0.0');
  });
});
