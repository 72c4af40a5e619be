/**
 * `cairn` run as a user runs it: spawned through bin/cairn.js (the package's bin), against a
 * real node process it started itself. Checks the help, the exit codes, `node status` as text and
 * JSON, one node per data dir, a second Unix user refused with whose socket it is, and Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, lstat, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir, waitUntil } from './support';

const BIN = join(__dirname, '..', '..', 'bin', 'cairn.js');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  /** stdout so far. */
  stdout(): string;
  done: Promise<Run>;
}

function spawnCairn(args: string[], opts: { uid?: number; gid?: number } = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, CAIRN_LOG_LEVEL: 'info' },
    uid: opts.uid,
    gid: opts.gid,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const done = (once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>).then(
    ([code, signal]) => ({ code, signal, stdout, stderr }),
  );
  return { child, stdout: () => stdout, done };
}

const cairn = (args: string[], opts: { uid?: number; gid?: number } = {}): Promise<Run> =>
  spawnCairn(args, opts).done;

describe('the cairn command', () => {
  const dirs: string[] = [];
  const dir = async () => {
    const d = await tempDir('cairn-cli-');
    dirs.push(d);
    return d;
  };
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('prints its help, its commands and its exit codes', async () => {
    const r = await cairn(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: cairn/);
    expect(r.stdout).toMatch(/node\s+run a node/);
    expect(r.stdout).toMatch(/3 node not running/);
    const sub = await cairn(['node', 'start', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/--role <role>/);
  });

  it('exits 2 on a usage error, saying what is wrong', async () => {
    const r = await cairn(['node', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
    const role = await cairn(['node', 'start', '--role', 'chef', '--data-dir', await dir()]);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--role chef: expected one of poster, worker, both/);
    const worker = await cairn(['node', 'start', '--role', 'worker', '--data-dir', await dir()]);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/role: a worker node needs a market\.worker section/);
    const cfg = await cairn(['node', 'start', '--config', '/nonexistent/cairn.json']);
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toMatch(/cannot read the config file \/nonexistent\/cairn\.json: ENOENT/);
  });

  it('exits 3 when no node runs, and says how to start one (text and --json)', async () => {
    const d = await dir();
    const r = await cairn(['node', 'status', '--data-dir', d]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no node is running with this data dir .*`cairn node start` \(or `npm start`/);
    const j = await cairn(['--json', 'node', 'status', '--data-dir', d]);
    expect(j.code).toBe(3);
    expect(JSON.parse(j.stderr)).toMatchObject({ error: { code: 'NOT_RUNNING', exitCode: 3 } });
  });

  it('refuses to start a node in a data dir others may write (exit 2)', async () => {
    const d = await dir();
    await chmod(d, 0o777);
    const r = await cairn(['node', 'start', '--data-dir', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/writable by group and others \(mode 777\).*chmod go-w/);
  });

  it('starts a node, shows its status, keeps out another user and a second node, and stops on Ctrl-C with exit 0', async () => {
    const d = await dir();
    await chmod(d, 0o755); // others may enter: the socket's own mode is what keeps them out
    const node = spawnCairn(['node', 'start', '--data-dir', d]);
    try {
      await waitUntil(() => node.stdout().includes('cairn node running'), 'the node to start', 60_000);
      // Not a terminal: JSON log lines.
      const running = node
        .stdout()
        .split('\n')
        .find((l) => l.includes('cairn node running'))!;
      expect(JSON.parse(running)).toMatchObject({
        msg: 'cairn node running',
        role: 'poster',
        control: join(d, 'control.sock'),
      });

      const json = await cairn(['--json', 'node', 'status', '--data-dir', d]);
      expect(json.code).toBe(0);
      const status = JSON.parse(json.stdout) as { peerId: string; roles: string[]; pid: number };
      expect(status).toMatchObject({ roles: ['poster'], pid: node.child.pid });
      expect(status.peerId).toMatch(/^12D3KooW/);

      const text = await cairn(['node', 'status', '--socket', join(d, 'control.sock')]);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(`node ${status.peerId}`);
      expect(text.stdout).toMatch(/roles\s+poster/);
      expect(text.stdout).toMatch(/uptime\s+\d/);

      const second = await cairn(['node', 'start', '--data-dir', d]);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/another node is running with this data dir/);

      if (process.getuid?.() === 0) {
        const other = await cairn(['node', 'status', '--data-dir', d], { uid: 65534, gid: 65534 });
        expect(other.code).toBe(4);
        expect(other.stderr).toMatch(
          /permission denied on .*control\.sock: the socket belongs to root \(uid 0\), mode 600, and you are uid 65534/,
        );
      }
    } finally {
      node.child.kill('SIGINT');
    }
    const end = await node.done;
    expect(end.signal).toBeNull();
    expect(end.code).toBe(0);
    expect(end.stdout).toMatch(/"msg":"stopping"/);
    await expect(lstat(join(d, 'control.sock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
