/**
 * The node's persistent identity: an Ed25519 key in libp2p's protobuf key format (the format
 * go-libp2p and js-libp2p key files use), created on first start with mode 0600. A key file that
 * others can read is refused, as ssh refuses one: the peer id is what the worker binds on chain
 * with `bind_peer`, so a leaked key lets someone else take its awards.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PrivateKey } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import { esm } from './esm';
import { HostError } from './errors';

export interface LoadedIdentity {
  privateKey: PrivateKey;
  created: boolean;
}

export async function loadOrCreateIdentity(path: string): Promise<LoadedIdentity> {
  const { keys } = esm();
  try {
    const info = await stat(path);
    if ((info.mode & 0o077) !== 0) {
      throw new HostError(
        'KEY_FILE_PERMISSIONS',
        `key file ${path} is accessible by group or others (mode ${(info.mode & 0o777).toString(8)}); run chmod 600`,
      );
    }
    return { privateKey: parse(await readFile(path), path), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const privateKey = await keys.generateKeyPair('Ed25519');
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // 'wx': if another process created the file since our stat, keep theirs.
    await writeFile(path, keys.privateKeyToProtobuf(privateKey), { mode: 0o600, flag: 'wx' });
    return { privateKey, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { privateKey: parse(await readFile(path), path), created: false };
  }
}

function parse(bytes: Uint8Array, path: string): PrivateKey {
  let key: PrivateKey;
  try {
    key = esm().keys.privateKeyFromProtobuf(bytes);
  } catch (err) {
    throw new HostError(
      'KEY_FILE_INVALID',
      `key file ${path} is not a libp2p private key: ${(err as Error).message}`,
    );
  }
  if (key.type !== 'Ed25519')
    throw new HostError('KEY_FILE_INVALID', `key file ${path} holds a ${key.type} key, not Ed25519`);
  return key;
}
