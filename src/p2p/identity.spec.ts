/** @jest-environment ./test/support/esm-environment.cjs */
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEsm } from './esm';
import { HostError } from './errors';
import { loadOrCreateIdentity } from './identity';

describe('persistent identity', () => {
  let dir: string;
  beforeAll(async () => {
    await loadEsm();
    dir = await mkdtemp(join(tmpdir(), 'cairn-id-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('is created on first start with mode 0600 and reloaded after', async () => {
    const path = join(dir, 'nested', 'peer.key');
    const first = await loadOrCreateIdentity(path);
    expect(first.created).toBe(true);
    expect(first.privateKey.type).toBe('Ed25519');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateIdentity(path);
    expect(again.created).toBe(false);
    expect(again.privateKey.equals(first.privateKey)).toBe(true);
  });

  test('a key file others can read is refused', async () => {
    const path = join(dir, 'lax.key');
    await loadOrCreateIdentity(path);
    await chmod(path, 0o644);
    await expect(loadOrCreateIdentity(path)).rejects.toMatchObject({
      code: 'KEY_FILE_PERMISSIONS',
    } satisfies Partial<HostError>);
  });

  test('a file that is not a libp2p key is refused', async () => {
    const path = join(dir, 'junk.key');
    await writeFile(path, 'not a key', { mode: 0o600 });
    await expect(loadOrCreateIdentity(path)).rejects.toMatchObject({ code: 'KEY_FILE_INVALID' });
  });
});
