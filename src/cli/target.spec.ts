import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usageMessage as usage } from '../../test/support/thrown';
import { resolveTarget } from './target';

describe('which node the CLI talks to', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-target-'));
    await writeFile(
      join(dir, 'with-socket.json'),
      JSON.stringify({ dataDir: '/d', control: { socketPath: '/s/c.sock' } }),
    );
    await writeFile(join(dir, 'with-dir.json'), JSON.stringify({ dataDir: '/d' }));
    await writeFile(join(dir, 'token'), 'x'.repeat(32) + '\n');
    await chmod(join(dir, 'token'), 0o600);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prefers --socket, then --data-dir, then the config file, then the environment, then .cairn', () => {
    const env = { CAIRN_DATA_DIR: '/env' };
    expect(resolveTarget({ socket: '/x.sock', dataDir: '/d' }, env)).toEqual({ socketPath: '/x.sock' });
    expect(resolveTarget({ dataDir: '/d', config: join(dir, 'with-socket.json') }, env)).toEqual({
      socketPath: '/d/control.sock',
    });
    expect(resolveTarget({ config: join(dir, 'with-socket.json') }, env)).toEqual({
      socketPath: '/s/c.sock',
    });
    expect(resolveTarget({}, { CAIRN_CONFIG: join(dir, 'with-dir.json') })).toEqual({
      socketPath: '/d/control.sock',
    });
    expect(resolveTarget({}, { CAIRN_CONTROL_SOCKET: '/e.sock', CAIRN_DATA_DIR: '/env' })).toEqual({
      socketPath: '/e.sock',
    });
    expect(resolveTarget({}, env)).toEqual({ socketPath: '/env/control.sock' });
    expect(resolveTarget({}, {})).toEqual({ socketPath: '.cairn/control.sock' });
  });

  it('reads a remote target and its token file', () => {
    expect(resolveTarget({ remote: '10.0.0.5:7000', tokenFile: join(dir, 'token') }, {})).toEqual({
      host: '10.0.0.5',
      port: 7000,
      token: 'x'.repeat(32),
    });
    expect(
      resolveTarget({ remote: '[::1]:7000' }, { CAIRN_CONTROL_TOKEN_FILE: join(dir, 'token') }),
    ).toMatchObject({ host: '::1', port: 7000 });
  });

  it('says what is wrong with a bad target, as a usage error', () => {
    expect(usage(() => resolveTarget({ remote: 'host' }, {}))).toMatch(/HOST:PORT/);
    expect(usage(() => resolveTarget({ remote: 'h:1' }, {}))).toMatch(/--token-file/);
    expect(usage(() => resolveTarget({ config: join(dir, 'missing.json') }, {}))).toMatch(/ENOENT/);
  });
});
