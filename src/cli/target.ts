/**
 * Which node a command talks to: `--socket`, else `--data-dir`'s control.sock, else the config
 * file's (`--config`, then CAIRN_CONFIG) control.socketPath or dataDir, else CAIRN_CONTROL_SOCKET
 * / CAIRN_DATA_DIR, else .cairn/control.sock: the same rule the node uses to place it. `--remote
 * HOST:PORT` with `--token-file` talks to a node's TCP control port instead.
 *
 * The config file is only read for those two fields (not validated as a whole): a status query
 * should work against a node whose file this CLI version would not fully accept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlTarget } from '../control/client';
import { CliError, ExitCode } from './exit-codes';

export interface TargetOptions {
  socket?: string;
  dataDir?: string;
  config?: string;
  remote?: string;
  tokenFile?: string;
}

const DEFAULT_DATA_DIR = '.cairn';

export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(
      ExitCode.Usage,
      `cannot read the config file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      'CONFIG',
    );
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new Error('expected a JSON object');
    return json as Record<string, unknown>;
  } catch (err) {
    throw new CliError(
      ExitCode.Usage,
      `the config file ${file} is not a JSON object: ${(err as Error).message}`,
      'CONFIG',
    );
  }
}

export function resolveTarget(opts: TargetOptions, env: NodeJS.ProcessEnv = process.env): ControlTarget {
  if (opts.remote) return remoteTarget(opts.remote, opts.tokenFile ?? env.CAIRN_CONTROL_TOKEN_FILE);
  if (opts.socket) return { socketPath: opts.socket };
  if (opts.dataDir) return { socketPath: join(opts.dataDir, 'control.sock') };
  const file = opts.config ?? env.CAIRN_CONFIG;
  if (file) {
    const json = readConfigFile(file);
    const control = json.control as { socketPath?: unknown } | undefined;
    if (typeof control?.socketPath === 'string') return { socketPath: control.socketPath };
    if (typeof json.dataDir === 'string') return { socketPath: join(json.dataDir, 'control.sock') };
  }
  if (env.CAIRN_CONTROL_SOCKET) return { socketPath: env.CAIRN_CONTROL_SOCKET };
  return { socketPath: join(env.CAIRN_DATA_DIR ?? DEFAULT_DATA_DIR, 'control.sock') };
}

function remoteTarget(remote: string, tokenFile: string | undefined): ControlTarget {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(remote);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535)
    throw new CliError(ExitCode.Usage, `--remote ${remote}: expected HOST:PORT`, 'USAGE');
  if (!tokenFile)
    throw new CliError(
      ExitCode.Usage,
      "--remote needs --token-file FILE (or CAIRN_CONTROL_TOKEN_FILE): the node's control.tcp.tokenFile",
      'USAGE',
    );
  let token: string;
  try {
    token = readFileSync(tokenFile, 'utf8').trim();
  } catch (err) {
    throw new CliError(
      ExitCode.Usage,
      `cannot read the token file ${tokenFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      'USAGE',
    );
  }
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port, token };
}
