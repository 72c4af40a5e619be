import { libp2pLogger } from './rejection-log';

describe("libp2p's internal logger", () => {
  it('is a silent logger unless DEBUG asks for libp2p debug output', () => {
    const quiet = libp2pLogger({});
    expect(quiet).toBeDefined();
    const log = quiet?.forComponent('libp2p:dialer');
    expect(log?.enabled).toBe(false);
    const scoped = log?.newScope('outbound');
    expect(scoped?.enabled).toBe(false);
    // Calls are accepted and do nothing (no output, no throw).
    expect(() => {
      log?.('dialing %s', 'peer');
      log?.error('failed - %e', new Error('x'));
      scoped?.trace('frame %o', {});
    }).not.toThrow();
    expect(libp2pLogger({ DEBUG: 'libp2p:*' })).toBeUndefined();
  });
});
