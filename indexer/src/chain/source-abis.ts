/**
 * The contracts' event layouts transcribed from the Cairo sources (contracts/src/**), in the
 * Sierra ABI format. Only for scripted chains (unit tests, the bench's synthetic history) while
 * compiled ABIs may be missing: the indexer itself decodes with the compiled ABIs
 * (compiled-abis.ts), and a spec checks these against them whenever a build exists.
 */
import type { AbiEntry, ContractRole } from './event-codec';

const T = {
  addr: 'core::starknet::contract_address::ContractAddress',
  felt: 'core::felt252',
  u8: 'core::integer::u8',
  u16: 'core::integer::u16',
  u32: 'core::integer::u32',
  u64: 'core::integer::u64',
  u256: 'core::integer::u256',
  bool: 'core::bool',
  bytes: 'core::byte_array::ByteArray',
} as const;
type Ty = keyof typeof T | `struct:${string}`;
type Member = [name: string, type: Ty, kind?: 'key'];

function contractAbi(
  module: string,
  events: Record<string, Member[]>,
  structs: Record<string, [string, Ty][]> = {},
): AbiEntry[] {
  const ty = (t: Ty) => (t.startsWith('struct:') ? `${module}::${t.slice(7)}` : T[t as keyof typeof T]);
  return [
    ...Object.entries(structs).map(([name, members]) => ({
      type: 'struct',
      name: `${module}::${name}`,
      members: members.map(([n, t]) => ({ name: n, type: ty(t) })),
    })),
    ...Object.entries(events).map(([name, members]) => ({
      type: 'event',
      name: `${module}::${name}`,
      kind: 'struct',
      members: members.map(([n, t, k]) => ({ name: n, type: ty(t), kind: k ?? 'data' })),
    })),
    {
      type: 'event',
      name: `${module}::Event`,
      kind: 'enum',
      variants: Object.keys(events).map((name) => ({ name, type: `${module}::${name}`, kind: 'nested' })),
    },
  ];
}

const ownership: Member[] = [
  ['previous_owner', 'addr', 'key'],
  ['new_owner', 'addr', 'key'],
];

export const SOURCE_ABIS: Record<ContractRole, AbiEntry[]> = {
  market: contractAbi(
    'cairn::market::job_market::JobMarket',
    {
      OwnershipTransferred: ownership,
      JobCreated: [
        ['job_id', 'u64', 'key'],
        ['poster', 'addr'],
        ['budget', 'u256'],
        ['manifest_hash', 'felt'],
        ['exec_duration', 'u64'],
        ['max_attempts', 'u8'],
      ],
      JobCancelled: [
        ['job_id', 'u64', 'key'],
        ['refund', 'u256'],
      ],
      JobAwarded: [
        ['job_id', 'u64', 'key'],
        ['worker', 'addr'],
        ['price', 'u256'],
        ['collateral', 'u256'],
        ['accept_by', 'u64'],
        ['attempt', 'u8'],
      ],
      JobAccepted: [
        ['job_id', 'u64', 'key'],
        ['worker', 'addr'],
        ['deadline', 'u64'],
      ],
      ResultSubmitted: [
        ['job_id', 'u64', 'key'],
        ['worker', 'addr'],
        ['commitment', 'felt'],
        ['review_until', 'u64'],
      ],
      JobCompleted: [
        ['job_id', 'u64', 'key'],
        ['worker', 'addr'],
        ['payout', 'u256'],
        ['fee', 'u256'],
        ['refund', 'u256'],
        ['claimed', 'bool'],
      ],
      JobDisputed: [
        ['job_id', 'u64', 'key'],
        ['reason', 'felt'],
      ],
      JobResolved: [
        ['job_id', 'u64', 'key'],
        ['worker_wins', 'bool'],
        ['payout', 'u256'],
        ['fee', 'u256'],
        ['refund', 'u256'],
        ['slashed', 'u256'],
      ],
      JobExpired: [
        ['job_id', 'u64', 'key'],
        ['worker', 'addr'],
        ['stage', 'felt'],
        ['slashed', 'u256'],
      ],
      JobReopened: [
        ['job_id', 'u64', 'key'],
        ['attempts_left', 'u8'],
      ],
      JobRefunded: [
        ['job_id', 'u64', 'key'],
        ['refund', 'u256'],
      ],
      FeesCollected: [
        ['treasury', 'addr'],
        ['amount', 'u256'],
      ],
      ParamsUpdated: [['params', 'struct:MarketParams']],
      ArbiterSet: [['arbiter', 'addr']],
      TreasurySet: [['treasury', 'addr']],
    },
    {
      MarketParams: [
        ['fee_bps', 'u16'],
        ['collateral_bps', 'u16'],
        ['slash_bps', 'u16'],
        ['accept_window', 'u64'],
        ['review_window', 'u64'],
        ['max_exec_duration', 'u64'],
      ],
    },
  ),
  registry: contractAbi('cairn::staking::events', {
    OwnershipTransferred: ownership,
    Staked: [
      ['worker', 'addr', 'key'],
      ['amount', 'u256'],
      ['staked', 'u256'],
    ],
    UnstakeRequested: [
      ['worker', 'addr', 'key'],
      ['amount', 'u256'],
      ['pending', 'u256'],
      ['available_at', 'u64'],
    ],
    UnstakeCancelled: [
      ['worker', 'addr', 'key'],
      ['amount', 'u256'],
    ],
    Withdrawn: [
      ['worker', 'addr', 'key'],
      ['amount', 'u256'],
      ['staked', 'u256'],
    ],
    PeerBound: [
      ['worker', 'addr', 'key'],
      ['peer_id', 'bytes'],
    ],
    CollateralLocked: [
      ['worker', 'addr', 'key'],
      ['job_id', 'u64', 'key'],
      ['amount', 'u256'],
      ['locked', 'u256'],
    ],
    CollateralReleased: [
      ['worker', 'addr', 'key'],
      ['job_id', 'u64', 'key'],
      ['amount', 'u256'],
      ['locked', 'u256'],
    ],
    Slashed: [
      ['worker', 'addr', 'key'],
      ['job_id', 'u64', 'key'],
      ['amount', 'u256'],
      ['staked', 'u256'],
      ['suspended_until', 'u64'],
    ],
    MarketSet: [['market', 'addr']],
    ParamsUpdated: [
      ['min_stake', 'u256'],
      ['cooldown', 'u64'],
      ['suspension', 'u64'],
    ],
  }),
  reputation: contractAbi('cairn::reputation::reputation::Reputation', {
    OwnershipTransferred: ownership,
    ReputationUpdated: [
      ['worker', 'addr', 'key'],
      ['job_id', 'u64', 'key'],
      ['outcome', 'felt'],
      ['completed', 'u32'],
      ['failed', 'u32'],
      ['slashed', 'u32'],
      ['score', 'u16'],
    ],
    MarketSet: [['market', 'addr']],
  }),
};
