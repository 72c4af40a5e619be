/**
 * A starknet-devnet child process for tests, benchmarks and the local marketplace: started on
 * a free loopback port with a fixed seed (so predeployed accounts are the same every run),
 * waited for, and stopped with its process group. Time travel and snapshots go through the
 * devnet_* JSON-RPC methods.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Account, RpcProvider } from 'starknet';
import { devnetBinary } from '../src/chain/toolchain';
import { freePort } from '../src/shared/free-port';

export interface DevnetOptions {
  /** Predeployed-account seed; fixed so account addresses and keys are reproducible. */
  seed?: number;
  accounts?: number;
  /** Initial balance of each predeployed account, in FRI (1 STRK = 10^18 FRI). */
  initialBalance?: bigint;
  port?: number;
  /** Extra command-line flags, e.g. ['--block-generation-on', 'demand']. */
  extraArgs?: string[];
  /** How long to wait for the first answer; the first start after a build maps a large binary. */
  startTimeoutMs?: number;
  /** Keep stdout/stderr of the devnet (for debugging a failing test). */
  verbose?: boolean;
}

export interface PredeployedAccount {
  address: string;
  private_key: string;
  public_key: string;
  initial_balance: string;
}

/** The STRK fee token devnet predeploys (same address as on the public networks). */
export const DEVNET_STRK_ADDRESS = '0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d';

export class DevnetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DevnetError';
  }
}

export class Devnet {
  private rpcId = 0;

  private constructor(
    readonly url: string,
    readonly port: number,
    /** Absent for a devnet this process did not start (Devnet.connect). */
    private readonly child: ChildProcess | undefined,
    private readonly output: string[],
  ) {}

  /**
   * A devnet someone else runs (a container, another terminal), at its base URL, e.g.
   * http://devnet:5050. Waits until it answers; stop() leaves it running.
   */
  static async connect(url: string, timeoutMs = 60_000): Promise<Devnet> {
    const u = new URL(url);
    const devnet = new Devnet(u.origin, Number(u.port || 80), undefined, []);
    const deadline = Date.now() + timeoutMs;
    while (!(await devnet.isAlive())) {
      if (Date.now() > deadline) throw new DevnetError(`no starknet-devnet answering at ${u.origin}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return devnet;
  }

  /** JSON-RPC endpoint for starknet.js (`new RpcProvider({ nodeUrl: devnet.rpcUrl })`). */
  get rpcUrl(): string {
    return `${this.url}/rpc`;
  }

  static async start(options: DevnetOptions = {}): Promise<Devnet> {
    const port = options.port ?? (await freePort());
    const args = [
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--seed',
      String(options.seed ?? 42),
      '--accounts',
      String(options.accounts ?? 10),
      '--initial-balance',
      String(options.initialBalance ?? 10n ** 24n),
      ...(options.extraArgs ?? []),
    ];
    const child = spawn(devnetBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      if (options.verbose) process.stderr.write(text);
      output.push(text);
      if (output.length > 200) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const devnet = new Devnet(`http://127.0.0.1:${port}`, port, child, output);
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    let exited: string | undefined;
    child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
    while (Date.now() < deadline) {
      if (exited) throw new DevnetError(`starknet-devnet ${exited} on start:\n${output.join('')}`);
      if (await devnet.isAlive()) return devnet;
      await new Promise((r) => setTimeout(r, 100));
    }
    await devnet.stop();
    throw new DevnetError(`starknet-devnet did not answer on port ${port}:\n${output.join('')}`);
  }

  async isAlive(): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/is_alive`);
      return res.ok;
    } catch {
      return false;
    }
  }

  /** Calls a devnet_* (or starknet_*) JSON-RPC method and returns its result. */
  async rpc<T = unknown>(method: string, params: Record<string, unknown> | unknown[] = {}): Promise<T> {
    const res = await fetch(this.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++this.rpcId, method, params }),
    });
    const body = (await res.json()) as {
      result?: T;
      error?: { code: number; message: string; data?: unknown };
    };
    if (body.error) {
      throw new DevnetError(
        `${method} failed: ${body.error.message} ${JSON.stringify(body.error.data ?? '')}`,
      );
    }
    return body.result as T;
  }

  predeployedAccounts(): Promise<PredeployedAccount[]> {
    return this.rpc<PredeployedAccount[]>('devnet_getPredeployedAccounts');
  }

  /** A provider on this devnet and its predeployed accounts as starknet.js signers, in order. */
  async signers(): Promise<{ provider: RpcProvider; accounts: Account[]; predeployed: PredeployedAccount[] }> {
    const provider = new RpcProvider({ nodeUrl: this.rpcUrl });
    const predeployed = await this.predeployedAccounts();
    const accounts = predeployed.map((a) => new Account({ provider, address: a.address, signer: a.private_key }));
    return { provider, accounts, predeployed };
  }

  /** Moves the clock forward and mines a block, so the next transaction sees the new time. */
  async increaseTime(seconds: number): Promise<void> {
    await this.rpc('devnet_increaseTime', { time: seconds });
  }

  async mint(address: string, amount: bigint): Promise<void> {
    await this.rpc('devnet_mint', { address, amount: Number(amount), unit: 'FRI' });
  }

  async createBlock(): Promise<string> {
    const r = await this.rpc<{ block_hash: string }>('devnet_createBlock');
    return r.block_hash;
  }

  /** Aborts every block from `blockHash` on (a reorg, as far as an indexer can tell). */
  async abortBlocks(blockHash: string): Promise<string[]> {
    const r = await this.rpc<{ aborted: string[] }>('devnet_abortBlocks', {
      starting_block_id: { block_hash: blockHash },
    });
    return r.aborted;
  }

  async dump(path: string): Promise<void> {
    await this.rpc('devnet_dump', { path });
  }

  async load(path: string): Promise<void> {
    await this.rpc('devnet_load', { path });
  }

  /** Recent devnet output, for error messages. */
  logs(): string {
    return this.output.join('');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
