import { createLogger } from '../shared/logging';
import { startRetryingRelays } from './start-retry';

/** A libp2p stand-in whose first `failures` starts throw, as one does when a relay ends the stream. */
function node(failures: number) {
  const calls: string[] = [];
  let left = failures;
  return {
    calls,
    start: async () => {
      calls.push('start');
      if (left-- > 0) throw new Error('reading 0/1 bytes');
    },
    stop: async () => {
      calls.push('stop');
    },
  };
}

describe('startRetryingRelays', () => {
  const log = createLogger('silent');

  it('starts again after a failed start, stopping the half-started node in between', async () => {
    const n = node(2);
    await startRetryingRelays(n, 3, log, 1);
    expect(n.calls).toEqual(['start', 'stop', 'start', 'stop', 'start']);
  });

  it('throws the last error once the attempts are spent', async () => {
    const n = node(5);
    await expect(startRetryingRelays(n, 3, log, 1)).rejects.toThrow('reading 0/1 bytes');
    expect(n.calls.filter((c) => c === 'start')).toHaveLength(3);
  });

  it('tries once when given one attempt (a node with no relay to reserve on)', async () => {
    const n = node(1);
    await expect(startRetryingRelays(n, 1, log, 1)).rejects.toThrow('reading 0/1 bytes');
    expect(n.calls).toEqual(['start']);
  });
});
