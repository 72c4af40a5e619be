/**
 * A TCP proxy in front of devnet's RPC that a test can take down and bring back: while down,
 * connections are refused and open ones are cut, as when a node's RPC provider goes away.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class RpcProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  /** Connections refused or cut while down, for the test to see the outage was real. */
  cut = 0;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(port: number, target: { host: string; port: number }): Promise<RpcProxy> {
    const proxy = new RpcProxy(port, target);
    await proxy.up();
    return proxy;
  }

  /** The RPC URL through the proxy (devnet serves JSON-RPC at /rpc). */
  get rpcUrl(): string {
    return `http://127.0.0.1:${this.port}/rpc`;
  }

  up(): Promise<void> {
    if (this.server) return Promise.resolve();
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.once('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) {
      this.cut++;
      s.destroy();
    }
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }

  stop(): Promise<void> {
    return this.down();
  }
}
