import pino from 'pino';
import { LivenessProber, type LivenessHost } from './liveness';

type FakeConn = { status: string; remotePeer: { toString(): string }; abort: jest.Mock };

function conn(id: string): FakeConn {
  return { status: 'open', remotePeer: { toString: () => id }, abort: jest.fn() };
}

const log = pino({ level: 'silent' });

describe('LivenessProber', () => {
  it('spreads the first probes of connections opened together over the interval', () => {
    let r = 0;
    const prober = new LivenessProber(
      { intervalMs: 10_000, tickMs: 1000, timeoutMs: 1000, random: () => ((r++ % 10) + 0.5) / 10 },
      log,
    );
    const conns = Array.from({ length: 100 }, (_, i) => conn(`p${i}`)) as never[];
    expect(prober.due(conns, 0)).toHaveLength(0); // first sight: scheduled, not probed
    const perSecond: number[] = [];
    for (let t = 1000; t <= 10_000; t += 1000) perSecond.push(prober.due(conns, t).length);
    // 100 connections, one probe each in the first interval, ten per one-second tick.
    expect(perSecond.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(10);
    // Each is due again one interval after its last probe, not before.
    expect(prober.due(conns, 10_500)).toHaveLength(0);
    expect(prober.due(conns, 20_000)).toHaveLength(100);
  });

  it('skips connections that are not open', () => {
    const prober = new LivenessProber({ intervalMs: 1000, tickMs: 100, timeoutMs: 100, random: () => 0 }, log);
    const closing = { ...conn('a'), status: 'closing' } as never;
    prober.due([closing], 0);
    expect(prober.due([closing], 5000)).toHaveLength(0);
  });

  it('closes a connection whose probe fails and leaves an answering one alone', async () => {
    const alive = conn('alive');
    const dead = conn('dead');
    const noPing = conn('no-ping');
    const unsupported = Object.assign(new Error('protocol selection failed'), { name: 'UnsupportedProtocolError' });
    const prober = new LivenessProber(
      {
        intervalMs: 1000,
        tickMs: 100,
        timeoutMs: 100,
        random: () => 0,
        ping: (c) => {
          const peer = c.remotePeer.toString();
          return peer === 'dead'
            ? Promise.reject(new Error('timed out'))
            : peer === 'no-ping'
              ? Promise.reject(unsupported)
              : Promise.resolve();
        },
      },
      log,
    );
    const host = { getConnections: () => [alive, dead, noPing] } as unknown as LivenessHost;
    prober.tick(host, 0);
    prober.tick(host, 1);
    await new Promise((r) => setImmediate(r));
    expect(prober.stats).toEqual({ probes: 3, closed: 1 });
    expect(dead.abort).toHaveBeenCalledTimes(1);
    // Alive, and alive though it does not speak the ping protocol.
    expect(alive.abort).not.toHaveBeenCalled();
    expect(noPing.abort).not.toHaveBeenCalled();
  });
});
