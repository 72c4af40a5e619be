import { once } from 'node:events';
import { type AddressInfo, type Server, connect, createServer } from 'node:net';
import { AcceptGate, serverBlockListSupported } from './accept-gate';
import { canonicalIp } from './addresses';
import { InboundQueue } from './inbound-queue';

describe('accept gate', () => {
  test('canonical address text: one key per address whoever wrote it', () => {
    expect(canonicalIp('10.1.2.3')).toBe('10.1.2.3');
    expect(canonicalIp('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(canonicalIp('::ffff:7f00:2')).toBe('127.0.0.2');
    expect(canonicalIp('2001:0DB8:0:0::1')).toBe('2001:db8::1');
    expect(canonicalIp('::1')).toBe('::1');
    expect(canonicalIp('fe80::1%eth0')).toBe('fe80::1%eth0');
    expect(canonicalIp('not:an:address')).toBe('not:an:address');
  });

  describe('on a real server', () => {
    let server: Server;
    const accepted: string[] = [];
    // One waiting place per address; the rate is never available, so whoever is let in waits.
    const queue = new InboundQueue({ perIpPerSecond: 1, waitingPerIp: 1, upgradingPerIp: 1, admit: () => false, now: () => 0 });
    const gate = new AcceptGate(queue);

    beforeAll(async () => {
      expect(serverBlockListSupported()).toBe(true);
      server = createServer({ blockList: gate }, (socket) => {
        accepted.push(canonicalIp(socket.remoteAddress ?? ''));
        void queue.turn(socket);
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
    });

    afterAll(() => {
      queue.stop();
      return new Promise((resolve) => server.close(resolve));
    });

    /** Connects from `from`, says something, and resolves once the server accepted or refused it. */
    async function dial(from: string): Promise<{ refused: boolean; close(): void }> {
      const socket = connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', localAddress: from });
      socket.on('error', () => undefined);
      await once(socket, 'connect');
      socket.write('hello');
      const closed = once(socket, 'close').then(() => true);
      const waited = new Promise((r) => setTimeout(r, 200)).then(() => false);
      return { refused: await Promise.race([closed, waited]), close: () => socket.destroy() };
    }

    test('an address whose waiting places are full is closed at accept, before the server sees a connection; others are not', async () => {
      const first = await dial('127.0.0.2');
      expect(first.refused).toBe(false);
      const second = await dial('127.0.0.2');
      expect(second.refused).toBe(true);
      expect(gate.refusedFrom('127.0.0.2')).toBe(1);
      const other = await dial('127.0.0.3');
      expect(other.refused).toBe(false);
      expect(accepted).toEqual(['127.0.0.2', '127.0.0.3']);
      first.close();
      other.close();
    });
  });
});
