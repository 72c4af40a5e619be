import { once } from 'node:events';
import { type AddressInfo, type Server, type Socket, connect, createServer } from 'node:net';
import { AcceptGate } from './accept-gate';
import { InboundQueue, type InboundQueueOptions } from './inbound-queue';

/**
 * The queue against real sockets on loopback (what it reads is the socket's own byte count), with
 * a clock the test moves: allowances refill only when the test says so.
 */
describe('inbound queue', () => {
  let server: Server;
  let queue: InboundQueue;
  let t = 0;
  /** Names of connections let into their handshake, in order; and of those refused. */
  let order: string[];
  let denied: string[];
  const clients: Socket[] = [];
  const serverSockets = new Map<string, Socket>();

  async function start(opts: Partial<InboundQueueOptions>): Promise<void> {
    t = 0;
    order = [];
    denied = [];
    queue = new InboundQueue({ perIpPerSecond: 1, waitingPerIp: 4, upgradingPerIp: 8, admit: () => true, now: () => t, ...opts });
    server = createServer({ blockList: new AcceptGate(queue) }, (socket) => {
      socket.once('data', (d: Buffer) => serverSockets.set(d.toString().split(':')[0] as string, socket));
      const name = new Promise<string>((resolve) => {
        if (socket.bytesRead > 0) resolve('?');
        socket.once('data', (d: Buffer) => resolve(d.toString().split(':')[0] as string));
        socket.once('close', () => resolve('silent'));
      });
      void queue.turn(socket).then(async (deny) => (deny ? denied : order).push(await name));
      socket.on('error', () => undefined);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    serverSockets.clear();
    queue.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Connects from `from`; says `name` unless silent. Resolves once connected. */
  async function dial(name: string, from = '127.0.0.2', silent = false): Promise<Socket> {
    const socket = connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', localAddress: from });
    socket.on('error', () => undefined);
    clients.push(socket);
    await once(socket, 'connect');
    if (!silent) socket.write(`${name}:`);
    return socket;
  }

  const settle = () => new Promise((r) => setTimeout(r, 100));
  /** Moves the queue's clock on by `ms` and lets it look again. */
  const advance = async (ms: number) => {
    t += ms;
    await settle();
  };

  test('over the rate, connections wait and are let in in arrival order as it refills', async () => {
    await start({});
    await dial('a');
    await dial('b');
    await dial('c');
    await settle();
    expect(order).toEqual(['a']);
    expect(queue.waitingFrom('127.0.0.2')).toBe(2);
    await advance(1000);
    expect(order).toEqual(['a', 'b']);
    await advance(1000);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(queue.counts.get('127.0.0.2')).toEqual({ refused: 0, held: 2, evicted: 0 });
    // Another address has its own allowance throughout.
    await dial('d', '127.0.0.3');
    await settle();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a connection that says nothing is skipped, keeps its place, and is let in once it speaks', async () => {
    await start({ perIpPerSecond: 2 });
    const quiet = await dial('q', '127.0.0.2', true);
    await dial('a');
    await settle();
    expect(order).toEqual(['a']);
    quiet.write('q:');
    await settle();
    expect(order).toEqual(['a', 'q']);
  });

  test('places full: refused at accept, unless a silent one past its grace can be evicted', async () => {
    await start({ waitingPerIp: 2, silentGraceMs: 50 });
    await dial('a'); // takes the only token
    await dial('s1', '127.0.0.2', true);
    await dial('b');
    await settle();
    expect(queue.waitingFrom('127.0.0.2')).toBe(2);
    // s1 is silent past its grace once the queue has looked again (the clock moves; the
    // allowance does not refill within it).
    await advance(60);
    const c = await dial('c');
    await settle();
    expect(denied).toEqual(['silent']);
    expect(queue.counts.get('127.0.0.2')?.evicted).toBe(1);
    // Now b and c wait and both speak: the next newcomer is refused at accept.
    const d = await dial('d');
    await once(d, 'close');
    expect(queue.counts.get('127.0.0.2')?.refused).toBe(1);
    await advance(1000);
    expect(order).toEqual(['a', 'b']);
    await advance(1000);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(c.destroyed).toBe(false);
  });

  test('connections in their handshake are capped per address; an upgrade frees the place', async () => {
    await start({ perIpPerSecond: 100, upgradingPerIp: 2 });
    await dial('a');
    await dial('b');
    await dial('c');
    await settle();
    expect(order).toEqual(['a', 'b']);
    queue.upgraded(serverSockets.get('a'));
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    // A connection that closes mid-handshake frees its place too.
    await dial('d');
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    serverSockets.get('b')?.destroy();
    await settle();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a throttle refusal does not spend the rate; a waiter whose socket closes leaves', async () => {
    let throttleOpen = false;
    await start({ perIpPerSecond: 1, admit: () => throttleOpen });
    const a = await dial('a');
    await settle();
    expect(order).toEqual([]);
    // The rate still holds its one token: the throttle opening lets a in without a refill.
    throttleOpen = true;
    await settle();
    expect(order).toEqual(['a']);
    throttleOpen = false;
    const b = await dial('b');
    await settle();
    b.destroy();
    await settle();
    expect(denied).toEqual(['b']);
    expect(queue.waitingFrom('127.0.0.2')).toBe(0);
    a.destroy();
  });
});
