import { CostAdmission } from './admission';

describe('cost admission', () => {
  it('admits while the budget holds, refuses past it, and gives the share back on release', () => {
    const a = new CostAdmission(10_000);
    expect(a.admit(6_000)).toBe(true);
    expect(a.admit(3_000)).toBe(true);
    expect(a.admit(2_000)).toBe(false);
    expect(a.costInFlight).toBe(9_000);
    a.release(6_000);
    expect(a.admit(2_000)).toBe(true);
    expect(a.costInFlight).toBe(5_000);
  });

  it('always admits a request that runs alone, whatever its cost', () => {
    const a = new CostAdmission(100);
    expect(a.admit(500)).toBe(true);
    expect(a.admit(1)).toBe(false);
    a.release(500);
    expect(a.costInFlight).toBe(0);
  });
});
