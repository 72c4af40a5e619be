/**
 * `cairn worker stake|unstake|withdraw|status`: the node's account on the StakingRegistry,
 * through the node (it holds the key and the account's one transaction queue).
 */
import type { Command } from 'commander';
import type { WorkerStatus } from '../../jobs/worker-methods';
import { strk } from '../amount';
import { onAmount, onOptions } from '../argument-actions';
import { duration, fields } from '../format';
import { type GlobalOptions, askJobLife, output } from '../session';

export function registerWorkerCommands(program: Command): void {
  const worker = program
    .command('worker')
    .description(
      "the node's stake: stake, unstake, withdraw after the cooldown, and whether it can be awarded jobs",
    );

  worker
    .command('status')
    .description(
      'stake, locked collateral, cooldown left, reputation, and why it cannot be awarded if it cannot',
    )
    .action(
      onOptions<GlobalOptions>(async (opts) => {
        const s = await askJobLife<WorkerStatus>(opts, 'worker.status');
        output(opts, s, (v) => humanStatus(v, opts));
      }),
    );

  worker
    .command('stake')
    .description('stake AMOUNT more (STRK; fri with --fri) from the account')
    .argument('<amount>', 'how much')
    .action(
      onAmount<GlobalOptions>(async (fri, opts) => {
        const r = await askJobLife<{ txHash: string; staked: string }>(opts, 'worker.stake', {
          amount: fri.toString(),
        });
        output(
          opts,
          { amount: fri.toString(), ...r },
          (v) => `staked ${strk(fri, opts)}; stake now ${strk(v.staked, opts)} (tx ${v.txHash})`,
        );
      }),
    );

  worker
    .command('unstake')
    .description('start the cooldown for AMOUNT of free stake; `cairn worker withdraw` takes it out after')
    .argument('<amount>', 'how much')
    .action(
      onAmount<GlobalOptions>(async (fri, opts) => {
        const r = await askJobLife<{ txHash: string; pendingUnstake: string; cooldownLeftS: number }>(
          opts,
          'worker.unstake',
          {
            amount: fri.toString(),
          },
        );
        output(
          opts,
          { amount: fri.toString(), ...r },
          (v) =>
            `unstaking ${strk(v.pendingUnstake, opts)}: withdraw it in ${duration(v.cooldownLeftS * 1000)} with \`cairn worker withdraw\` (tx ${v.txHash})\n` +
            'while it is pending this account cannot be awarded jobs',
        );
      }),
    );

  worker
    .command('withdraw')
    .description('take out what finished its unstake cooldown')
    .action(
      onOptions<GlobalOptions>(async (opts) => {
        const r = await askJobLife<{ txHash: string; withdrawn: string; staked: string }>(
          opts,
          'worker.withdraw',
        );
        output(
          opts,
          r,
          (v) => `withdrew ${strk(v.withdrawn, opts)}; stake now ${strk(v.staked, opts)} (tx ${v.txHash})`,
        );
      }),
    );
}

function humanStatus(s: WorkerStatus, o: GlobalOptions): string {
  const pending = BigInt(s.pendingUnstake);
  const r = s.reputation;
  return [
    `account ${s.account}${s.worksJobs ? ' (this node bids and runs jobs)' : ' (this node only posts)'}`,
    fields([
      ['balance', strk(s.balance, o)],
      ['staked', `${strk(s.staked, o)} (the registry asks at least ${strk(s.minStake, o)})`],
      ['locked', `${strk(s.locked, o)} as collateral of jobs in hand`],
      [
        'unstaking',
        pending > 0n
          ? `${strk(pending, o)}, ${s.cooldownLeftS > 0 ? `cooldown ends in ${duration(s.cooldownLeftS * 1000)}` : 'cooldown over: `cairn worker withdraw`'}`
          : 'nothing',
      ],
      ['free', strk(s.free, o)],
      ['suspended', s.suspendedLeftS > 0 ? `for ${duration(s.suspendedLeftS * 1000)} more` : undefined],
      [
        'reputation',
        `${r.completed} completed, ${r.failed} failed, ${r.slashed} slashed (score ${(r.scoreBps / 100).toFixed(2)}%)`,
      ],
      [
        'peer id',
        s.peerId.bound
          ? `${s.peerId.bound}${s.peerId.bound === s.peerId.node ? " (this node's)" : ` (bound on chain; this node is ${s.peerId.node})`}`
          : 'none bound',
      ],
      ['awardable', s.eligible ? 'yes' : `no: ${s.explanation ?? s.reason}`],
    ]),
  ].join('\n');
}
