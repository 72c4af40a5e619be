/**
 * Turns the same step for several jobs, queued for one transaction, into one call of the
 * market's batch entry point: N `confirm`s become one `confirm_jobs`, N posts (each an
 * `approve` of its budget and its `create_job`) one `approve` of the sum and one `create_jobs`.
 * A multicall already shares the transaction's own cost (validation, nonce, fee transfer);
 * the batch entry points also share what each call repeats inside the contracts: one escrow
 * transfer for all budgets, the market's parameters read once, one eligibility check and one
 * stake lock per worker, each worker paid and each poster refunded once.
 *
 * Each batch entry point takes an array whose element is exactly the single entry point's
 * arguments (JobSpec mirrors create_job's, Award award_job's, JobResult submit_result's), so a combined call's calldata is the element
 * count followed by the single calls' calldata, unchanged.
 *
 * What is not recognised is sent as it came, in its place. Combining reorders nothing that
 * matters: each queued unit is self-contained (an approve travels with the call that spends
 * it), and the combined call takes the place of the first unit it absorbs. When a combined
 * transaction is refused the queue sends each unit alone, uncombined (tx-queue.ts).
 */
import type { Call } from 'starknet';

export interface BatchTargets {
  market: string;
  token: string;
}

/**
 * Single-job market entry points and the batch entry point of each, whose array element is
 * the single call's arguments in order (a job id; Award; JobResult).
 */
const BATCH_OF: Readonly<Record<string, string>> = {
  award_job: 'award_jobs',
  accept_job: 'accept_jobs',
  submit_result: 'submit_results',
  confirm: 'confirm_jobs',
  claim: 'claim_jobs',
};

const POST = 'post';
/** create_job's calldata: budget (u256, two felts), manifest hash, duration, attempts. */
const CREATE_JOB_FELTS = 5;
const U128 = 1n << 128n;

const sameAddress = (a: string, b: string) => BigInt(a) === BigInt(b);

/** A call's calldata as felts, or undefined when it is not already compiled to felts. */
function felts(call: Call): bigint[] | undefined {
  const data = call.calldata ?? [];
  if (!Array.isArray(data)) return undefined;
  const out: bigint[] = [];
  for (const v of data) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint') return undefined;
    out.push(BigInt(v));
  }
  return out;
}

const u256 = (low: bigint, high: bigint) => low + high * U128;

/**
 * What a unit is, for combining: 'post' (approve of exactly the budgets, then create_jobs), a
 * single-job entry point of BATCH_OF, or undefined (sent as it is).
 */
function kindOf(unit: Call[], t: BatchTargets): string | undefined {
  const first = unit[0];
  if (!first) return undefined;
  if (unit.length === 1 && sameAddress(first.contractAddress, t.market) && first.entrypoint in BATCH_OF) {
    return felts(first) ? first.entrypoint : undefined;
  }
  if (unit.length < 2 || !sameAddress(first.contractAddress, t.token) || first.entrypoint !== 'approve') {
    return undefined;
  }
  const approve = felts(first);
  if (approve?.length !== 3 || !sameAddress(`0x${approve[0]!.toString(16)}`, t.market)) return undefined;
  let budgets = 0n;
  for (const c of unit.slice(1)) {
    const data = felts(c);
    if (!sameAddress(c.contractAddress, t.market) || c.entrypoint !== 'create_job') return undefined;
    if (data?.length !== CREATE_JOB_FELTS) return undefined;
    budgets += u256(data[0]!, data[1]!);
  }
  // An approve of more or less than the budgets is left alone: combining would change the
  // allowance left over.
  return budgets === u256(approve[1]!, approve[2]!) ? POST : undefined;
}

const hex = (n: bigint) => `0x${n.toString(16)}`;

function combined(kind: string, units: Call[][], t: BatchTargets): Call[] {
  if (kind === POST) {
    const creates = units.flatMap((u) => u.slice(1));
    const total = creates.reduce((s, c) => {
      const d = felts(c)!;
      return s + u256(d[0]!, d[1]!);
    }, 0n);
    const [approve] = units[0]!;
    return [
      { ...approve!, calldata: [hex(BigInt(t.market)), hex(total % U128), hex(total / U128)] },
      {
        contractAddress: t.market,
        entrypoint: 'create_jobs',
        calldata: [hex(BigInt(creates.length)), ...creates.flatMap((c) => felts(c)!.map(hex))],
      },
    ];
  }
  return [
    {
      contractAddress: t.market,
      entrypoint: BATCH_OF[kind]!,
      calldata: [hex(BigInt(units.length)), ...units.flatMap((u) => felts(u[0]!)!.map(hex))],
    },
  ];
}

/** The calls of one transaction carrying `units` (each a queued call or calls that stay together). */
export function combineCalls(units: Call[][], targets: BatchTargets): Call[] {
  const kinds = units.map((u) => kindOf(u, targets));
  const groups = new Map<string, Call[][]>();
  units.forEach((u, i) => {
    const k = kinds[i];
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), u]);
  });
  // Worth a batch call only when it replaces several calls: two units, or one post of several jobs.
  const worth = (k: string) => {
    const g = groups.get(k)!;
    return g.length > 1 || (k === POST && g[0]!.length > 2);
  };
  const out: Call[] = [];
  const done = new Set<string>();
  units.forEach((u, i) => {
    const k = kinds[i];
    if (k === undefined || !worth(k)) {
      out.push(...u);
      return;
    }
    if (done.has(k)) return;
    done.add(k);
    out.push(...combined(k, groups.get(k)!, targets));
  });
  return out;
}
