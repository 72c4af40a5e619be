/**
 * `cairn job post|status|list|result|cancel|dispute`: a node's jobs, through its control
 * channel (the node holds the account that escrows, awards and settles). `post --wait` follows
 * the job's life as the node saves each step (`job.watch`) until it ends.
 */
import type { Command } from 'commander';
import { EXISTING_JOB_STATUSES } from '../../chain/job';
import type { ControlClient } from '../../control/client';
import type { JobRecord } from '../../jobs/journal';
import { strk } from '../amount';
import { CliError, ExitCode } from '../exit-codes';
import { endEvent, follow, outputWhere, printOutput, fetchResult, say, sayEvent } from '../follow';
import { type PostOptions, addPostCommand, checkPostOptions, postRequest } from '../post-request';
import { WatchPrinter, ended, humanList, humanRecord, stage, summary } from '../job-view';
import { type GlobalOptions, askJobLife, callJobLife, output, withNode } from '../session';
import { oneOf } from '../validate';
import { onJobId, onOptions } from '../argument-actions';

const STEPS = [
  'creating',
  'announcing',
  'awarding',
  'awarded',
  'reviewing',
  'settling',
  'bidding',
  'accepting',
  'running',
  'submitting',
  'submitted',
  'claiming',
  'declined',
  'done',
] as const;
const STATES = [...EXISTING_JOB_STATUSES, ...STEPS];

export function registerJobCommands(program: Command): void {
  const job = program
    .command('job')
    .description("post jobs and follow them, through the running node's account");

  addPostCommand(
    job,
    {
      description: 'escrow a job and announce it; with --wait, follow its life to the end',
      manifest: 'the job manifest (YAML or JSON)',
      budget:
        'STRK escrowed for the job (decimals allowed; fri with --fri); the winning price is paid from it, the rest refunded',
      wait: 'follow the job (bids, winner and price, transactions, result) until it ends',
      output: 'with --wait: write the result to this file',
      execDuration: 'seconds the worker has from accept to submit (default 600)',
      maxAttempts: 'awards the job may go through, 1..10 (default 3)',
    },
    post,
  );

  job
    .command('status')
    .description('what the node knows of a job: its stage, award, result and every step with its transaction')
    .argument('<id>', 'the job id')
    .action(
      onJobId<GlobalOptions>(async (jid, opts) => {
        const r = await askJobLife<JobRecord>(opts, 'job.status', { id: jid });
        output(opts, r, (v) => humanRecord(v, opts));
      }),
    );

  job
    .command('list')
    .description('the jobs this node posted or worked on')
    .option('--mine', 'only the jobs this node posted')
    .option('--state <state>', `only jobs in this chain state or node step (${STATES.join(', ')})`)
    .action(
      onOptions<GlobalOptions & { mine?: boolean; state?: string }>(async (opts) => {
        const state = opts.state !== undefined ? oneOf(opts.state, STATES, '--state') : undefined;
        const all = await askJobLife<JobRecord[]>(opts, 'job.list');
        const shown = all.filter(
          (r) =>
            (!opts.mine || r.role === 'poster') && (!state || r.chainStatus === state || r.step === state),
        );
        output(opts, shown, (v) => humanList(v, opts));
      }),
    );

  job
    .command('result')
    .description("a completed job's result, as the poster's node fetched and checked it (stdout, or -o FILE)")
    .argument('<id>', 'the job id')
    .option('-o, --output <file>', 'write it to this file instead of stdout')
    .action(
      onJobId<GlobalOptions & { output?: string }>(async (jid, opts) => {
        const bytes = await withNode(opts, (c) => jobResult(c, jid));
        printOutput(opts, { jobId: jid }, bytes);
      }),
    );

  job
    .command('cancel')
    .description('cancel a job nobody was awarded yet; its budget comes back')
    .argument('<id>', 'the job id')
    .action(
      onJobId<GlobalOptions>(async (jid, opts) => {
        const r = await askJobLife<{ txHash: string }>(opts, 'job.cancel', { id: jid });
        output(
          opts,
          { jobId: jid, ...r },
          (v) => `cancelled job ${v.jobId}; its budget is refunded (tx ${v.txHash})`,
        );
      }),
    );

  job
    .command('dispute')
    .description(
      "dispute a submitted job's result within its review window (pays the dispute bond; the arbiter rules)",
    )
    .argument('<id>', 'the job id')
    .requiredOption('--reason <text>', 'why, in at most 31 characters (stored on chain)')
    .action(
      onJobId<GlobalOptions & { reason: string }>(async (jid, opts) => {
        if (!/^[ -~]{1,31}$/.test(opts.reason))
          throw new CliError(
            ExitCode.Usage,
            `--reason: at most 31 printable ASCII characters (it is stored on chain as a short string)`,
            'USAGE',
          );
        const r = await askJobLife<{ txHash: string; bond: string; status: string }>(opts, 'job.dispute', {
          id: jid,
          reason: opts.reason,
        });
        output(
          opts,
          { jobId: jid, ...r },
          (v) =>
            `disputed job ${v.jobId} (bond ${strk(v.bond, opts)}; tx ${v.txHash}); it is ${v.status} until the arbiter rules`,
        );
      }),
    );
}

/** The job's result, or why there is none on this node. */
const jobResult = (c: ControlClient, id: string): Promise<Buffer> =>
  fetchResult<JobRecord>(c, 'job', id, (rec) =>
    rec.role === 'poster'
      ? `job ${id} has no result on this node yet (it is ${stage(rec)}); \`cairn job post --wait\` or \`cairn job status ${id}\` shows how it goes`
      : `this node worked job ${id}; its result is on the poster's node`,
  );

async function post(manifest: string, opts: PostOptions): Promise<void> {
  // Everything checked before anything is sent.
  const terms = checkPostOptions(manifest, opts, 'job');
  const { budget } = terms;
  const params = postRequest(opts, terms);

  await withNode(opts, async (c) => {
    const posted = await callJobLife<{ jobId: string; txHash: string }>(c, 'job.post', params);
    if (!opts.wait) {
      output(
        opts,
        { ...posted, budget: budget.toString() },
        (v) =>
          `posted job ${v.jobId}: ${strk(budget, opts)} escrowed (tx ${v.txHash})\nfollow it with \`cairn job status ${v.jobId}\``,
      );
      return;
    }
    if (opts.json) sayEvent({ event: 'posted', ...posted, budget: budget.toString() });
    else {
      say(`posted job ${posted.jobId}: ${strk(budget, opts)} escrowed (tx ${posted.txHash})`);
      say(`following job ${posted.jobId} (Ctrl-C stops following; the job goes on)`);
    }
    const last = await follow(c, posted.jobId, opts, { what: 'job', printer: new WatchPrinter(opts), ended });
    let where: string | undefined;
    let bytes: Buffer | undefined;
    if (last.role === 'poster' && last.chainStatus === 'Completed') {
      bytes = await jobResult(c, posted.jobId);
      where = outputWhere(
        'job',
        posted.jobId,
        bytes,
        last.role === 'poster' ? last.result?.outputSha256 : undefined,
        opts.output,
      );
    }
    if (opts.json) sayEvent(endEvent(last, bytes, opts.output));
    else say(summary(last, where, opts));
    if (last.chainStatus !== 'Completed')
      throw new CliError(
        ExitCode.JobFailed,
        `job ${posted.jobId} ended ${last.chainStatus ?? last.step}, not Completed`,
        'JOB_NOT_COMPLETED',
      );
  });
}
