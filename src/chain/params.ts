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
};
