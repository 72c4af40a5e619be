/**
 * The node's account on the StakingRegistry, on its control channel: what `cairn worker …`
 * calls. The node holds the account's key and its one transaction queue, so stake, unstake and
 * withdraw go through it (a second writer with the same account would race its nonce).
 *
 * - `worker.status`: stake, locked collateral, what is being unstaked and when it is free,
 *   suspension, reputation, the peer id bound on chain, and the registry's own `eligibility`
 *   answer: why a poster cannot award this account a job, if it cannot.
 * - `worker.stake {amount}`: approve + stake in one transaction.
 * - `worker.unstake {amount}`: request_unstake (starts the cooldown).
 * - `worker.withdraw`: withdraw what finished its cooldown.
 *
 * What the chain would refuse is checked first and answered with a code and the figures
 * (NOT_STAKED, INSUFFICIENT_FREE_STAKE, NOTHING_TO_WITHDRAW, STAKE_IN_COOLDOWN,
 * INSUFFICIENT_BALANCE); the contract remains the judge (CHAIN_REJECTED with its reason).
 */
import { shortString } from 'starknet';
import type { ProviderInterface } from 'starknet';
import { z } from 'zod';
import type { CairnClients } from '../chain/cairn';
import { toBigInt } from '../chain/values';
import { ControlError } from '../control/protocol';
import { registerMappingErrors } from '../control/registry';
import type { ControlServer } from '../control/server';
import { feltHex } from '../shared/felt';
import { chainNow } from './chain-view';
import type { JobLife } from './job-life';
import { asControlError } from './job-methods';
import { Fri } from './post-params';

/** What `cairn worker status` shows; amounts in fri as decimal strings, times in chain seconds. */
export interface WorkerStatus {
  account: string;
  /** This node bids and runs jobs (it has a market.worker section). */
  worksJobs: boolean;
  balance: string;
  staked: string;
  locked: string;
  pendingUnstake: string;
  /** staked - locked - pendingUnstake: what collateral can come from. */
  free: string;
  minStake: string;
  cooldownS: number;
  /** Seconds until the pending unstake may be withdrawn (0: now, or nothing pending). */
  cooldownLeftS: number;
  suspendedLeftS: number;
  peerId: { bound: string; node: string };
  reputation: { completed: number; failed: number; slashed: number; scoreBps: number };
  /** The registry's verdict for an award at the market's smallest collateral. */
  eligible: boolean;
  /** The registry's reason when not eligible ('Worker has no stake', ...). */
  reason?: string;
  /** The reason in words, with what to do. */
  explanation?: string;
}

/** The registry's eligibility reasons (contracts/src/staking/errors.cairo), in words. */
const WHY: Record<string, string> = {
  'Worker has no stake': 'it has no stake: stake at least the minimum with `cairn worker stake AMOUNT`',
  'Worker stake below minimum':
    'its stake is below the minimum the registry asks: stake more with `cairn worker stake AMOUNT`',
  'Worker is unstaking':
    'it is unstaking: a worker with an unstake pending cannot be awarded (withdraw it after the cooldown, then stake again)',
  'Worker is suspended': 'it is suspended after a slash, until the suspension ends',
  'Insufficient free stake':
    'its free stake (staked, less locked collateral and what is being unstaked) does not cover the smallest collateral',
  'Worker has no peer id': 'no peer id is bound to the account: the node binds it when it starts as a worker',
};

export function registerWorkerMethods(
  server: ControlServer,
  life: JobLife,
  chain: { clients: CairnClients; provider: ProviderInterface },
  /** This node's peer id, to compare with the one bound on chain. */
  peerId: string,
): void {
  const register = registerMappingErrors(server, asControlError);
  const { clients, provider } = chain;
  const me = life.account;
  const txq = life.txq;

  const position = async () => {
    const s = (await clients.registry.read.stake_of(me)) as unknown as Record<string, unknown>;
    return {
      staked: toBigInt(s.staked),
      locked: toBigInt(s.locked),
      pending: toBigInt(s.pending_unstake),
      availableAt: toBigInt(s.unstake_available_at),
      suspendedUntil: toBigInt(s.suspended_until),
    };
  };

  register('worker.status', z.object({}).strict(), async (): Promise<WorkerStatus> => {
    const [pos, params, marketParams, balance, rep, score, bound, now] = await Promise.all([
      position(),
      clients.registry.read.params() as Promise<unknown> as Promise<Record<string, unknown>>,
      clients.market.read.params() as Promise<unknown> as Promise<Record<string, unknown>>,
      clients.token.read.balance_of(me),
      clients.reputation.read.reputation_of(me) as Promise<unknown> as Promise<Record<string, unknown>>,
      clients.reputation.read.score_of(me),
      clients.registry.read.peer_id_of(me),
      chainNow(provider),
    ]);
    const minCollateral = toBigInt(marketParams.min_collateral);
    const code = toBigInt(await clients.registry.read.eligibility(me, minCollateral));
    const reason = code === 0n ? undefined : shortString.decodeShortString(feltHex(code));
    const left = (t: bigint) => (t > now ? Number(t - now) : 0);
    return {
      account: me,
      worksJobs: life.worker !== undefined,
      balance: toBigInt(balance).toString(),
      staked: pos.staked.toString(),
      locked: pos.locked.toString(),
      pendingUnstake: pos.pending.toString(),
      free: (pos.staked - pos.locked - pos.pending).toString(),
      minStake: toBigInt(params.min_stake).toString(),
      cooldownS: Number(toBigInt(params.cooldown)),
      cooldownLeftS: pos.pending > 0n ? left(pos.availableAt) : 0,
      suspendedLeftS: left(pos.suspendedUntil),
      peerId: { bound: String(bound), node: peerId },
      reputation: {
        completed: Number(toBigInt(rep.completed)),
        failed: Number(toBigInt(rep.failed)),
        slashed: Number(toBigInt(rep.slashed)),
        scoreBps: Number(toBigInt(score)),
      },
      eligible: reason === undefined,
      ...(reason ? { reason, explanation: WHY[reason] ?? reason } : {}),
    };
  });

  register('worker.stake', z.object({ amount: Fri }).strict(), async ({ amount }) => {
    const want = BigInt(amount);
    const balance = toBigInt(await clients.token.read.balance_of(me));
    if (balance < want)
      throw new ControlError(
        'INSUFFICIENT_BALANCE',
        `the account holds ${balance} fri, less than the ${want} fri to stake`,
        { balance: balance.toString(), needed: want.toString() },
      );
    const { txHash } = await txq.submit(
      [
        clients.token.populate('approve', clients.registry.address, want),
        clients.registry.populate('stake', want),
      ],
      'stake',
    );
    return { txHash, staked: (await position()).staked.toString() };
  });

  register('worker.unstake', z.object({ amount: Fri }).strict(), async ({ amount }) => {
    const want = BigInt(amount);
    const pos = await position();
    if (pos.staked === 0n)
      throw new ControlError('NOT_STAKED', `the account ${me} has no stake to unstake`, { staked: '0' });
    const free = pos.staked - pos.locked - pos.pending;
    if (want > free)
      throw new ControlError(
        'INSUFFICIENT_FREE_STAKE',
        `only ${free} fri of the stake is free (staked ${pos.staked}, locked ${pos.locked}, being unstaked ${pos.pending}); cannot unstake ${want} fri`,
        { free: free.toString(), needed: want.toString() },
      );
    const { txHash } = await txq.submit(
      clients.registry.populate('request_unstake', want),
      'request unstake',
    );
    const after = await position();
    return {
      txHash,
      pendingUnstake: after.pending.toString(),
      availableAt: Number(after.availableAt),
      cooldownLeftS: Number(after.availableAt - (await chainNow(provider))),
    };
  });

  register('worker.withdraw', z.object({}).strict(), async () => {
    const pos = await position();
    if (pos.staked === 0n) throw new ControlError('NOT_STAKED', `the account ${me} has no stake`, {});
    if (pos.pending === 0n)
      throw new ControlError(
        'NOTHING_TO_WITHDRAW',
        'nothing is being unstaked: request it first with `cairn worker unstake AMOUNT`, then withdraw after the cooldown',
        {},
      );
    const now = await chainNow(provider);
    if (now < pos.availableAt)
      throw new ControlError(
        'STAKE_IN_COOLDOWN',
        `the unstaked ${pos.pending} fri is in its cooldown for ${pos.availableAt - now} s more`,
        { pendingUnstake: pos.pending.toString(), cooldownLeftS: Number(pos.availableAt - now) },
      );
    const { txHash } = await txq.submit(clients.registry.populate('withdraw'), 'withdraw stake');
    return { txHash, withdrawn: pos.pending.toString(), staked: (await position()).staked.toString() };
  });
}
