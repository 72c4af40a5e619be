/**
 * A job as the node's journal records it (src/jobs/journal.ts), shown to people: one job's
 * status, the list of a node's jobs, and the life of a job line by line as `job.watch` streams
 * it. The records travel as JSON, so their bigints arrive as decimal strings.
 */
import type { HistoryEntry, JobRecord, PosterRecord, WorkerRecord } from '../jobs/journal';
import { friInText, strk } from './amount';
import { fields } from './format';
import { shortHex, table } from './table';

const VERDICT_TEXT = {
  unchecked: ', not checked yet',
  match: ', matches the commitment on chain',
  mismatch: ', does NOT match the commitment on chain',
  'invalid-proof': ', matches the commitment on chain, but its proof does NOT verify',
} as const;
export interface ViewOptions {
  fri?: boolean;
}

/** The stage a person reads: the chain's state when the node has one, else its own step. */
export function stage(r: JobRecord): string {
  if (r.step === 'done' || r.step === 'declined')
    return `${r.step}${r.chainStatus ? `: ${r.chainStatus}` : ''}`;
  return r.chainStatus ? `${r.chainStatus} (${r.step})` : r.step;
}

export function ended(r: JobRecord): boolean {
  return r.step === 'done' || r.step === 'declined';
}

function time(at: string): string {
  return at.slice(11, 19);
}

/** One history entry as a line: `  10:41:05  attempt 1 awarded to … at 0.01 STRK   tx 0x05a1…`. */
export function historyLine(h: HistoryEntry, o: ViewOptions = {}): string {
  const what = friInText(h.what, o);
  return `  ${time(h.at)}  ${h.txHash ? `${what.padEnd(60)}  tx ${h.txHash}` : what}`;
}

export function humanRecord(r: JobRecord, o: ViewOptions = {}): string {
  const head =
    r.role === 'poster'
      ? `job ${r.jobId}, posted by this node: ${stage(r)}`
      : `job ${r.jobId}, worked by this node: ${stage(r)}`;
  const rows = r.role === 'poster' ? posterFields(r, o) : workerFields(r, o);
  return [head, fields(rows), '  history', ...r.history.map((h) => `  ${historyLine(h, o)}`)].join('\n');
}

function posterFields(r: PosterRecord, o: ViewOptions): [string, string | undefined][] {
  const fuel = (r.requirements as { fuelLimit?: unknown } | undefined)?.fuelLimit;
  return [
    ['budget', `${strk(r.budget, o)} escrowed, ${r.maxAttempts} attempts, ${r.execDurationS} s to run`],
    ['bids', r.bids !== undefined ? String(r.bids) : undefined],
    [
      'worker',
      r.award
        ? `${r.award.worker} (peer ${r.award.peer}), attempt ${r.award.attempt}, price ${strk(r.award.price, o)}`
        : undefined,
    ],
    [
      'result',
      r.result
        ? `sha256 ${r.result.outputSha256}${VERDICT_TEXT[r.result.verdict ?? 'unchecked']}`
        : undefined,
    ],
    ['fuel limit', fuel !== undefined ? String(fuel) : undefined],
    ['manifest', `sha256 ${r.manifestSha256}`],
  ];
}

function workerFields(r: WorkerRecord, o: ViewOptions): [string, string | undefined][] {
  return [
    ['price', `${strk(r.price, o)} (this node's bid, attempt ${r.attempt})`],
    ['poster', r.poster],
    [
      'fuel used',
      r.fuelUsed !== undefined
        ? `${r.fuelUsed}${r.runMs !== undefined ? ` in ${r.runMs} ms` : ''}`
        : undefined,
    ],
    ['output', r.outputSha256 ? `sha256 ${r.outputSha256}` : undefined],
    ['commitment', r.commitment],
  ];
}

export function humanList(records: JobRecord[], o: ViewOptions = {}): string {
  if (records.length === 0) return 'no jobs';
  return table(records, [
    { header: 'ID', value: (r) => r.jobId, right: true },
    { header: 'ROLE', value: (r) => r.role },
    { header: 'STAGE', value: stage },
    {
      header: 'AMOUNT',
      value: (r) =>
        r.role === 'poster'
          ? `${strk(r.award?.price ?? r.budget, o)}${r.award ? '' : ' budget'}`
          : strk(r.price, o),
      right: true,
    },
    {
      header: 'WORKER / POSTER',
      value: (r) =>
        r.role === 'poster' ? (r.award ? shortHex(r.award.worker, 14) : '-') : shortHex(r.poster, 14),
    },
    {
      header: 'LAST',
      value: (r) => (r.history.length ? friInText(r.history[r.history.length - 1]!.what, o) : ''),
    },
  ]);
}

/**
 * Turns the records `job.watch` streams into new lines only: the history entries not shown yet,
 * and the bid count when it changes.
 */
export class WatchPrinter {
  private shown = 0;
  private bids = 0;

  constructor(private readonly o: ViewOptions = {}) {}

  lines(r: JobRecord): string[] {
    const out: string[] = [];
    if (r.role === 'poster' && (r.bids ?? 0) > this.bids) {
      out.push(
        `  ${new Date().toISOString().slice(11, 19)}  ${r.bids} bid${r.bids === 1 ? '' : 's'} received so far`,
      );
      this.bids = r.bids ?? 0;
    }
    for (const h of r.history.slice(this.shown)) out.push(historyLine(h, this.o));
    this.shown = Math.max(this.shown, r.history.length);
    return out;
  }
}

/** The closing lines of a watched job: how it ended, where the result is, what was paid. */
export function summary(
  r: JobRecord,
  resultWhere: string | undefined,
  o: ViewOptions = {},
  /** What the worker's node said it used, when the caller could ask it. */
  fuel?: string,
): string {
  if (r.role !== 'poster') return `job ${r.jobId} ${stage(r)}`;
  const lines = [`job ${r.jobId} ${r.chainStatus ?? r.step}.`];
  if (r.chainStatus === 'Completed' && r.award) {
    const refund = BigInt(r.budget) - BigInt(r.award.price);
    lines.push(
      fields([
        ['result', resultWhere],
        [
          'paid',
          `${strk(r.award.price, o)} to worker ${r.award.worker} (less the market's fee); ${strk(refund, o)} of the ${strk(r.budget, o)} budget refunded`,
        ],
        ['fuel', fuel ?? "counted where the job ran: `cairn job status` on the worker's node shows it"],
      ]),
    );
  } else if (r.chainStatus === 'Cancelled' || r.chainStatus === 'Expired') {
    lines.push(`  the budget of ${strk(r.budget, o)} went back to this node's account`);
  }
  return lines.join('\n');
}

/** Short text output shown inline under the summary: at most `max` lines, as `| line`. */
export function inlineText(bytes: Uint8Array, indent: string, max = 12): string | undefined {
  // Text only: no control bytes but tab and line ends.
  if (bytes.length > 64 * 1024 || bytes.some((b) => b < 9 || (b > 13 && b < 32))) return undefined;
  const lines = Buffer.from(bytes).toString('utf8').trimEnd().split('\n');
  const shownLines = lines.slice(0, max).map((l) => `${indent}| ${l}`);
  if (lines.length > max) shownLines.push(`${indent}| … ${lines.length - max} more lines`);
  return shownLines.join('\n');
}
