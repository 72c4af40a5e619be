/**
 * The `cairn` command line (commander): global options, then one file per command group under
 * commands/ (node, job, graph, worker, market, arbiter), each adding its
 * subcommands to the program.
 */
import { Command, Option } from 'commander';
import { cairnVersion } from '../shared/version';
import { registerArbiterCommands } from './commands/arbiter';
import { registerGraphCommands } from './commands/graph';
import { registerJobCommands } from './commands/job';
import { registerMarketCommands } from './commands/market';
import { registerNodeCommands } from './commands/node';
import { registerWorkerCommands } from './commands/worker';

export function buildProgram(): Command {
  const program = new Command('cairn')
    .description(
      'cairn: a Starknet-settled compute marketplace. Runs a node and talks to it over its control socket.',
    )
    .version(cairnVersion(), '-V, --version')
    .option(
      '--json',
      'machine-readable output: one JSON object (newline-delimited events for streams); errors as JSON on stderr',
    )
    .option(
      '--data-dir <dir>',
      "the node's data dir; its control socket is <dir>/control.sock (default .cairn, or CAIRN_DATA_DIR)",
    )
    .option('--socket <path>', 'the control socket itself (overrides --data-dir)')
    .option('--fri', 'amounts in fri (10^-18 STRK), read and shown; STRK with decimals otherwise')
    .option('--config <file>', 'a node configuration file (JSON; or CAIRN_CONFIG)')
    .addOption(
      new Option('--remote <host:port>', "a node's TCP control port (control.tcp), instead of the socket"),
    )
    .addOption(
      new Option(
        '--token-file <file>',
        'with --remote: the file holding the bearer token (or CAIRN_CONTROL_TOKEN_FILE)',
      ),
    )
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 node not running,\n' +
        '4 permission denied (socket or token), 5 the node answered with an error (unknown job, ...), 6 timeout,\n' +
        '7 the chain refused (a contract revert, in words), 8 not enough funds or stake (or stake in cooldown),\n' +
        '9 a followed job or graph ended without completing, 130 interrupted.',
    );
  registerNodeCommands(program);
  registerJobCommands(program);
  registerGraphCommands(program);
  registerWorkerCommands(program);
  registerMarketCommands(program);
  registerArbiterCommands(program);
  return program;
}
