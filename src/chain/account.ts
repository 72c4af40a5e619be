/**
 * A Starknet account the node signs with: its address and its private key, read from a file with
 * mode 0600 (as the peer key is) or from the environment. The key is never logged; errors name
 * the file, never its content.
 */
import { readFileSync, statSync } from 'node:fs';
import { Account, type ProviderInterface } from 'starknet';
import { ConfigError } from '../shared/config-error';
import { NodeSigner } from './node-signer';

const HEX = /^0x[0-9a-fA-F]{1,64}$/;

export interface AccountKeySource {
  /** A file holding the 0x-prefixed private key (mode 0600). */
  keyFile?: string;
  /** The key itself (e.g. from CAIRN_ACCOUNT_KEY); the file wins when both are given. */
  key?: string;
}

/** Reads the account's private key; throws ConfigError saying what to fix. */
export function readAccountKey(source: AccountKeySource): string {
  if (source.keyFile) {
    let mode: number;
    try {
      mode = statSync(source.keyFile).mode;
    } catch {
      throw new ConfigError([`account key file ${source.keyFile} does not exist`], 'account');
    }
    if ((mode & 0o077) !== 0) {
      throw new ConfigError(
        [`account key file ${source.keyFile} is readable by group or others (mode ${(mode & 0o777).toString(8)}); run chmod 600`],
        'account',
      );
    }
    const key = readFileSync(source.keyFile, 'utf8').trim();
    if (!HEX.test(key)) throw new ConfigError([`account key file ${source.keyFile} does not hold a 0x-prefixed hex key`], 'account');
    return key;
  }
  if (source.key !== undefined) {
    if (!HEX.test(source.key)) throw new ConfigError(['the account key is not a 0x-prefixed hex key'], 'account');
    return source.key;
  }
  throw new ConfigError(['no account key: give a key file (mode 0600) or CAIRN_ACCOUNT_KEY'], 'account');
}

export function openAccount(provider: ProviderInterface, address: string, key: string): Account {
  if (!HEX.test(address)) throw new ConfigError([`account address ${address} is not a 0x-prefixed felt`], 'account');
  return new Account({ provider, address, signer: new NodeSigner(key) });
}
