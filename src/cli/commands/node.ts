/**
 * `cairn node start|status`: run a node in the foreground, ask a running one who it is.
 * The node's own parts load only when `start` runs, so `cairn --help` and `status` stay quick.
 */
import type { Command } from 'commander';
import type { NodeStatus } from '../../control/node-methods';
import { duration, fields } from '../format';
import { type GlobalOptions, output, withNode } from '../session';

import { ROLES, type StartOptions } from './node-start-options';

export function registerNodeCommands(program: Command): void {
  const node = program.command('node').description('run a node, or ask the running one about itself');

  node
    .command('start')
    .description(
      'run a node in the foreground until Ctrl-C (pretty logs on a terminal, JSON lines otherwise)',
    )
    .option(
      '--role <role>',
      `what the node does: ${ROLES.join('|')} (default: both with a market.worker section, else poster)`,
    )
    .addHelpText(
      'after',
      '\nConfiguration: --config FILE (or CAIRN_CONFIG) and CAIRN_* variables, as src/main.ts reads them.\n' +
        '--data-dir and --socket override the file. Exits 0 after a clean stop, 2 on invalid configuration.',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      // Loaded on use: the node's modules take most of a second to load, which `--help` and
      // `status` should not pay. (A real import() would bypass tsx's CommonJS hook.)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startNode } = require('./node-start') as typeof import('./node-start');
      await startNode(cmd.optsWithGlobals<StartOptions>());
      // Keep running: runNodeProcess exits on a signal.
      await new Promise<never>(() => undefined);
    });

  node
    .command('status')
    .description("the running node's peer id, addresses, roles, uptime and version")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const status = await withNode(opts, (c) => c.call<NodeStatus>('node.status'));
      output(opts, status, humanStatus);
    });
}

function humanStatus(s: NodeStatus): string {
  return [
    `node ${s.peerId}`,
    fields([
      ['roles', s.roles.join(', ') + (s.workerAddress ? ` (worker account ${s.workerAddress})` : '')],
      ['network', s.network],
      ['version', `cairn ${s.version}, pid ${s.pid}`],
      ['uptime', duration(s.uptimeMs)],
      ['peers', `${s.connections} connected, ${s.announcementListeners} hearing job announcements`],
      ['listening', s.addrs.join('\n' + ' '.repeat(13)) || '(no addresses)'],
      ['data dir', s.dataDir],
      [
        'control',
        s.control.socket + (s.control.tcp ? `, tcp ${s.control.tcp.host}:${s.control.tcp.port}` : ''),
      ],
    ]),
  ].join('\n');
}
