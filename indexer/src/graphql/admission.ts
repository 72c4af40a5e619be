/**
 * How much query cost one HTTP process runs at once. Each request is admitted with the cost the
 * guard computed for it and holds that share until its response closes (sent or aborted); a
 * request that would take the sum past the budget is answered 503 at once, with Retry-After,
 * instead of queueing for the database behind everyone else. Costs, not request counts: a
 * budget of 50,000 is five of the priciest queries the limits allow, or ~800 lookups.
 */
export class CostAdmission {
  private inFlight = 0;

  constructor(readonly budget: number) {}

  get costInFlight(): number {
    return this.inFlight;
  }

  /** Takes `cost` from the budget, or answers false when it does not fit. */
  admit(cost: number): boolean {
    // One request alone is always admitted: the guard already holds it under maxQueryCost.
    if (this.inFlight > 0 && this.inFlight + cost > this.budget) return false;
    this.inFlight += cost;
    return true;
  }

  release(cost: number): void {
    this.inFlight = Math.max(0, this.inFlight - cost);
  }
}
