/**
 * What every command shares: the global options, a connection to the node for the length of one
 * command, and turning whatever went wrong into a message and an exit code.
 */
import { ControlClient, ControlClientError, ControlRemoteError } from '../control/client';
import { ConfigError } from '../shared/config-error';
import { friInText } from './amount';
import { CliError, ExitCode, type ExitCodeValue } from './exit-codes';
import { reasonInWords } from './reasons';
import { type TargetOptions, resolveTarget } from './target';

export interface GlobalOptions extends TargetOptions {
  json?: boolean;
  /** Amounts in fri, read and shown (else STRK with decimals). */
  fri?: boolean;
}

/** The node's error codes (data.code) by what they mean for the user, as exit codes. */
const REMOTE_EXIT: Record<string, ExitCodeValue> = {
  INSUFFICIENT_BALANCE: ExitCode.Funds,
  INSUFFICIENT_FREE_STAKE: ExitCode.Funds,
  NOT_STAKED: ExitCode.Funds,
  STAKE_IN_COOLDOWN: ExitCode.Funds,
  CHAIN_REJECTED: ExitCode.Refused,
  CHAIN_REVERTED: ExitCode.Refused,
  NOT_SUBMITTED: ExitCode.Refused,
  NOT_POSTER: ExitCode.Refused,
  NOTHING_TO_WITHDRAW: ExitCode.Refused,
  CHAIN_RPC: ExitCode.Failure,
};

/** What the user can do next, for some of the node's errors. */
const HINTS: Record<string, string> = {
  UNKNOWN_JOB: '`cairn job list` shows the jobs this node knows; `cairn market jobs` the whole market',
  UNKNOWN_GRAPH:
    '`cairn graph list` shows the graphs this node posted (a graph lives on the node that posted it)',
  MISSING_BLOBS: 'pass the modules and inputs it names with --blob FILE...',
  INSUFFICIENT_BALANCE: "fund the node's account (`cairn worker status` shows its balance)",
  NOT_STAKED: 'stake first with `cairn worker stake AMOUNT`',
  CHAIN_RPC: "the node cannot reach the chain's RPC; check the deployment file's rpcUrl",
};

/**
 * Calls a method of the job life's; a node without one (no account or no deployment) does not
 * know it, which is said as such rather than as an unknown method.
 */
export async function callJobLife<T>(
  client: ControlClient,
  method: string,
  params: Record<string, unknown> = {},
  onEvent?: (e: unknown) => void,
): Promise<T> {
  try {
    return await client.call<T>(method, params, onEvent ? { onEvent } : {});
  } catch (err) {
    if (err instanceof ControlRemoteError && err.code === 'UNKNOWN_METHOD')
      throw new CliError(
        ExitCode.Remote,
        `the node at ${client.target} runs no job life, so it cannot ${method}: it needs a deployment file and an account ` +
          '(chain.accountKeyFile, mode 0600, and chain.accountAddress; or a market.worker.address)',
        'NO_JOB_LIFE',
      );
    throw err;
  }
}

/** Connects to the node the options name, runs `fn`, and closes the connection. */
export async function withNode<T>(
  opts: GlobalOptions,
  fn: (client: ControlClient) => Promise<T>,
): Promise<T> {
  const client = await ControlClient.connect(resolveTarget(opts));
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}

/** One call of the job life's on the node the options name (see callJobLife). */
export function askJobLife<T>(
  opts: GlobalOptions,
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  return withNode(opts, (c) => callJobLife<T>(c, method, params));
}

/** Writes a command's result: one JSON object with --json, else the text `human` makes of it. */
export function output<T>(opts: GlobalOptions, value: T, human: (v: T) => string): void {
  process.stdout.write(opts.json ? JSON.stringify(value, bigintAsString) + '\n' : human(value) + '\n');
}

const bigintAsString = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

/** Any error a command ends with, as what the user reads and what scripts test. */
export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof ConfigError) return new CliError(ExitCode.Usage, err.message, 'CONFIG');
  if (err instanceof ControlClientError) {
    switch (err.kind) {
      case 'not-running':
        return new CliError(ExitCode.NotRunning, err.message, 'NOT_RUNNING');
      case 'permission':
        return new CliError(ExitCode.Permission, err.message, 'PERMISSION_DENIED');
      case 'auth':
        return new CliError(ExitCode.Permission, err.message, 'UNAUTHORIZED');
      case 'timeout':
        return new CliError(ExitCode.Timeout, err.message, 'TIMEOUT');
      default:
        return new CliError(ExitCode.Failure, err.message, 'CONNECTION');
    }
  }
  if (err instanceof ControlRemoteError) {
    if (err.code === 'UNAUTHORIZED' || err.code === 'RATE_LIMITED')
      return new CliError(ExitCode.Permission, err.message, err.code);
    let message = err.message;
    const reason = typeof err.data.reason === 'string' ? err.data.reason : undefined;
    if (reason) message = `the chain refused: ${reasonInWords(reason)}`;
    if (typeof err.data.txHash === 'string') message += ` (transaction ${err.data.txHash})`;
    const hint = HINTS[err.code];
    if (hint) message += `; ${hint}`;
    const { code: _code, ...data } = err.data;
    return new CliError(REMOTE_EXIT[err.code] ?? ExitCode.Remote, message, err.code, data);
  }
  return new CliError(ExitCode.Failure, err instanceof Error ? err.message : String(err), 'FAILURE');
}

/** Prints the error (one JSON line on stderr with --json) and returns the exit code. */
export function reportError(err: unknown, json: boolean, fri = false): number {
  const e = toCliError(err);
  if (json)
    process.stderr.write(
      JSON.stringify({
        error: {
          code: e.code,
          message: e.message,
          exitCode: e.exitCode,
          ...(e.data ? { data: e.data } : {}),
        },
      }) + '\n',
    );
  // Amounts in the node's messages are fri; people read STRK (what they typed).
  else process.stderr.write(`cairn: ${friInText(e.message, { fri })}\n`);
  if (
    e.exitCode === ExitCode.Failure &&
    !(err instanceof CliError) &&
    process.env.CAIRN_DEBUG &&
    err instanceof Error
  ) {
    process.stderr.write(`${err.stack}\n`);
  }
  return e.exitCode;
}
