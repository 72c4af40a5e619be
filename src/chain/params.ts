/**
 * Protocol parameters as TypeScript values, mirroring the Cairo structs `RegistryParams` and
 * `MarketParams`, with the defaults the local marketplace and the tests deploy with.
 */
export const STRK = 10n ** 18n;

export interface RegistryParams {
  /** Stake (FRI) a worker keeps to be awarded jobs. */
  min_stake: bigint;
  /** Seconds between request_unstake and withdraw. */
  cooldown: bigint;
  /** Seconds a slashed worker cannot be awarded. */
  suspension: bigint;
}

export interface MarketParams {
  fee_bps: bigint;
  collateral_bps: bigint;
  slash_bps: bigint;
  accept_window: bigint;
  review_window: bigint;
  max_exec_duration: bigint;
  /** The poster's dispute bond, in basis points of the price. */
  dispute_bond_bps: bigint;
  /** Seconds the arbiter has to rule on a dispute before it settles for the worker. */
  resolution_window: bigint;
  /** Smallest price (FRI) an award may name. */
  min_price: bigint;
  /** Smallest collateral (FRI) an award may lock. */
  min_collateral: bigint;
}

export const DEFAULT_REGISTRY_PARAMS: RegistryParams = {
  min_stake: 100n * STRK,
  // A day: longer than any job's deadline plus review window, so a worker cannot withdraw the
  // collateral that a pending slash would take.
  cooldown: 86_400n,
  suspension: 86_400n,
};

export const DEFAULT_MARKET_PARAMS: MarketParams = {
  fee_bps: 250n, // 2.5%
  collateral_bps: 5_000n, // collateral = half the price
  slash_bps: 5_000n, // a miss costs half the collateral
  accept_window: 600n,
  review_window: 3_600n,
  max_exec_duration: 86_400n,
  dispute_bond_bps: 1_000n, // disputing costs a tenth of the price, returned if the poster is right
  resolution_window: 259_200n, // three days for the arbiter
  // A completion costs at least 0.01 STRK of price (0.00025 STRK of fee) and locks at least
  // 0.005 STRK: see the README's reputation section for what farming then costs.
  min_price: STRK / 100n,
  min_collateral: STRK / 200n,
};
