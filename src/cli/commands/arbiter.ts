/**
 * `cairn arbiter resolve ID --for poster|worker`: the arbiter's ruling on a disputed job, sent
 * as the arbiter's own account (not a node's): CAIRN_ACCOUNT_ADDRESS with its key in a file of
 * mode 0600 (CAIRN_ACCOUNT_KEY_FILE) or CAIRN_ACCOUNT_KEY; the deployment from --deployment,
 * CAIRN_DEPLOYMENT, or .cairn/deployment.json. The same code as `npm run arbiter:resolve`.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError, ExitCode } from '../exit-codes';
import { type GlobalOptions, output } from '../session';
import { address, oneOf } from '../validate';
import { onJobId } from '../argument-actions';

export function registerArbiterCommands(program: Command): void {
  const arbiter = program
    .command('arbiter')
    .description("the arbiter's rulings on disputed jobs (the arbiter's own account)");

  arbiter
    .command('resolve')
    .description(
      'rule on a disputed job: for the poster (refund and bond back, the worker is slashed) or the worker (paid, and gets the bond)',
    )
    .argument('<id>', 'the disputed job')
    .requiredOption('--for <side>', 'poster or worker')
    .option(
      '--deployment <file>',
      'the deployment file (or CAIRN_DEPLOYMENT; default .cairn/deployment.json)',
    )
    .addHelpText(
      'after',
      '\nThe account: CAIRN_ACCOUNT_ADDRESS, and CAIRN_ACCOUNT_KEY_FILE (mode 0600) or CAIRN_ACCOUNT_KEY.',
    )
    .action(
      onJobId<GlobalOptions & { for: string; deployment?: string }>(async (jid, opts) => {
        const side = oneOf(opts.for, ['poster', 'worker'] as const, '--for');
        const env = process.env;
        if (!env.CAIRN_ACCOUNT_ADDRESS)
          throw new CliError(
            ExitCode.Usage,
            'CAIRN_ACCOUNT_ADDRESS must name the arbiter account (with CAIRN_ACCOUNT_KEY_FILE or CAIRN_ACCOUNT_KEY)',
            'USAGE',
          );
        address(env.CAIRN_ACCOUNT_ADDRESS, 'CAIRN_ACCOUNT_ADDRESS');
        const deploymentFile =
          opts.deployment ??
          env.CAIRN_DEPLOYMENT ??
          join(opts.dataDir ?? env.CAIRN_DATA_DIR ?? '.cairn', 'deployment.json');
        // Loaded on use: starknet.js takes a good part of a second to load, which --help should not pay.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { rule } = require('./arbiter-rule') as typeof import('./arbiter-rule');
        const ruling = await rule(deploymentFile, BigInt(jid), side);
        output(
          opts,
          ruling,
          (r) => `job ${r.jobId} resolved for the ${r.ruledFor}: now ${r.status} (tx ${r.txHash})`,
        );
      }),
    );
}
