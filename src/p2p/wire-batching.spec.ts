import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { batchSocketWrites, lazyWindowUpdate, type YamuxStreamLike } from './wire-batching';

const PAUSED = 5;
const KiB = 1024;

function stream(over: Partial<YamuxStreamLike> = {}) {
  const frames: Array<{ type: number; flag: number; streamID: number; length: number }> = [];
  const s: YamuxStreamLike = {
    state: 3,
    recvWindow: 256 * KiB,
    recvWindowCapacity: 256 * KiB,
    maxStreamWindowSize: 16 * 1024 * KiB,
    epochStart: Date.now(),
    streamId: 7,
    getRTT: () => -1,
    getSendFlags: () => 0,
    sendFrame: (f) => {
      frames.push(f);
      return true;
    },
    ...over,
  };
  return { s, frames };
}

describe('lazyWindowUpdate (yamux flow control)', () => {
  it('owes nothing for small reads, then returns the whole consumed window at half', () => {
    const { s, frames } = stream();
    s.recvWindowCapacity -= 200;
    lazyWindowUpdate.call(s, PAUSED);
    expect(frames).toHaveLength(0);
    s.recvWindowCapacity -= 128 * KiB - 200;
    lazyWindowUpdate.call(s, PAUSED);
    expect(frames).toEqual([{ type: 1, flag: 0, streamID: 7, length: 128 * KiB }]);
    expect(s.recvWindowCapacity).toBe(256 * KiB);
  });

  it('always sends a frame that carries flags (the SYN/ACK that opens a stream)', () => {
    const { s, frames } = stream({ getSendFlags: () => 2 });
    lazyWindowUpdate.call(s, PAUSED);
    expect(frames).toEqual([{ type: 1, flag: 2, streamID: 7, length: 0 }]);
  });

  it('says nothing while the reader is paused', () => {
    const { s, frames } = stream({ state: PAUSED });
    s.recvWindowCapacity = 0;
    lazyWindowUpdate.call(s, PAUSED);
    expect(frames).toHaveLength(0);
  });

  it('grows the window when the reader used it up within four round trips', () => {
    const { s, frames } = stream({ getRTT: () => 1000 });
    s.recvWindowCapacity = 0;
    lazyWindowUpdate.call(s, PAUSED);
    expect(s.recvWindow).toBe(512 * KiB);
    expect(frames[0]?.length).toBe(512 * KiB);
  });
});

describe('batchSocketWrites', () => {
  let server: Server;
  let client: Socket;
  let peer: Socket;
  const received: Buffer[] = [];

  beforeAll(async () => {
    server = createServer((s) => {
      peer = s;
      s.on('data', (d) => received.push(d));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    client = createConnection(port, '127.0.0.1');
    await new Promise((r) => client.once('connect', r));
  });

  afterAll(async () => {
    client.destroy();
    peer?.destroy();
    await new Promise((r) => server.close(r));
  });

  it('sends the writes of one synchronous cascade as one writev, in order', async () => {
    const connection = { maConn: { socket: client } } as never;
    expect(batchSocketWrites(connection)).toBe(true);
    expect(batchSocketWrites(connection)).toBe(false);
    const writev = jest.spyOn(client as unknown as { _writev: (...a: unknown[]) => void }, '_writev');
    const write = jest.spyOn(client as unknown as { _write: (...a: unknown[]) => void }, '_write');
    client.write(Buffer.from('one,'));
    client.write(Buffer.from('two,'));
    client.write(Buffer.from('three'));
    await new Promise((r) => setImmediate(r));
    expect(writev).toHaveBeenCalledTimes(1);
    expect(write).not.toHaveBeenCalled();
    // A later turn is a separate write.
    client.write(Buffer.from(';four'));
    await new Promise((r) => setImmediate(r));
    const deadline = Date.now() + 5000;
    while (Buffer.concat(received).toString() !== 'one,two,three;four' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(Buffer.concat(received).toString()).toBe('one,two,three;four');
    expect(writev.mock.calls.length + write.mock.calls.length).toBe(2);
  });

  it('leaves connections without a TCP socket alone', () => {
    expect(batchSocketWrites({} as never)).toBe(false);
  });
});
