import { once } from 'node:events';
import { type AddressInfo, type Server, connect, createServer } from 'node:net';
import { AcceptGate, serverBlockListSupported } from './accept-gate';
import { canonicalIp } from './addresses';

describe('accept gate', () => {
  test('the per-IP rate first, then the address throttle, which is not asked when the rate refuses', () => {
    let t = 0;
    const asked: string[] = [];
    const gate = new AcceptGate({
      perIpPerSecond: 2,
      admit: (ip) => (asked.push(ip), ip !== '10.0.0.9'),
      now: () => t,
    });
    expect(gate.check('10.0.0.1', 'ipv4')).toBe(false);
    expect(gate.check('10.0.0.1', 'ipv4')).toBe(false);
    expect(gate.check('10.0.0.1', 'ipv4')).toBe(true);
    expect(asked).toEqual(['10.0.0.1', '10.0.0.1']);
    expect(gate.overRate.get('10.0.0.1')).toBe(1);
    // Another address has its own allowance; a throttled one is refused by the throttle.
    expect(gate.check('10.0.0.2', 'ipv4')).toBe(false);
    expect(gate.check('10.0.0.9', 'ipv4')).toBe(true);
    expect(gate.overRate.has('10.0.0.9')).toBe(false);
    t = 500; // 2/s refills one connection in 500 ms
    expect(gate.check('10.0.0.1', 'ipv4')).toBe(false);
    expect(gate.check('10.0.0.1', 'ipv4')).toBe(true);
  });

  test('an IPv4-mapped address counts as its IPv4 address', () => {
    const gate = new AcceptGate({ perIpPerSecond: 1, admit: () => true, now: () => 0 });
    expect(gate.check('::ffff:10.0.0.1', 'ipv6')).toBe(false);
    expect(gate.check('10.0.0.1', 'ipv4')).toBe(true);
  });

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
    const gate = new AcceptGate({ perIpPerSecond: 1000, admit: (ip) => ip !== '127.0.0.2' });

    beforeAll(async () => {
      expect(serverBlockListSupported()).toBe(true);
      server = createServer({ blockList: gate }, (socket) => {
        accepted.push(socket.remoteAddress ?? '');
        socket.end('hello');
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    /** Connects from `from` and returns what the server sent before the socket closed. */
    async function reply(from: string): Promise<string> {
      const socket = connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', localAddress: from });
      let got = '';
      socket.on('data', (d: Buffer) => (got += d.toString()));
      socket.on('error', () => undefined);
      await once(socket, 'close');
      return got;
    }

    test('a refused address is closed at accept, before the server sees a connection', async () => {
      expect(await reply('127.0.0.2')).toBe('');
      expect(await reply('127.0.0.1')).toBe('hello');
      expect(accepted).toEqual(['127.0.0.1']);
    });
  });
});
