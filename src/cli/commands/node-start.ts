/**
 * `cairn node start`: the node process src/main.ts runs, configured from the command line over
 * the environment, with the CLI's logger (text on a terminal, JSON otherwise).
 */
import 'reflect-metadata';
import { loadConfig } from '../../config/config.schema';
import { runNodeProcess } from '../../node/run-node';
import { CliError, ExitCode } from '../exit-codes';
import { nodeLogger } from '../logger';
import { readConfigFile } from '../target';
import { ROLES, type StartOptions } from './node-start-options';

export async function startNode(opts: StartOptions): Promise<void> {
  if (opts.role !== undefined && !(ROLES as readonly string[]).includes(opts.role)) {
    throw new CliError(ExitCode.Usage, `--role ${opts.role}: expected one of ${ROLES.join(', ')}`, 'USAGE');
  }
  if (opts.remote)
    throw new CliError(ExitCode.Usage, '--remote is for talking to a node, not for starting one', 'USAGE');
  // The node reads what src/main.ts reads; the command line wins over the environment.
  const env = { ...process.env };
  const set = (key: string, value: string | undefined): void => {
    if (value !== undefined) env[key] = value;
  };
  set('CAIRN_CONFIG', opts.config);
  set('CAIRN_ROLE', opts.role);
  set('CAIRN_DATA_DIR', opts.dataDir);
  set('CAIRN_CONTROL_SOCKET', opts.socket);
  // loadConfig would throw a bare ENOENT or SyntaxError; this says which file and why.
  if (env.CAIRN_CONFIG) readConfigFile(env.CAIRN_CONFIG);
  const config = loadConfig(env);
  await runNodeProcess(config, nodeLogger(config.logLevel, opts.json));
}
