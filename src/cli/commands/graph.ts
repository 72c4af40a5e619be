/**
 * `cairn graph post|status|list|result`: tasklet graphs (a manifest's steps, each run as its own
 * on-chain job on some worker), through the poster node's control channel. `post --wait`
 * follows the graph as the node journals it (`graph.watch`): each unit posted, awarded, its
 * result checked, each step agreed, until the graph is done or failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ControlClient } from '../../control/client';
import type { GraphRecord, GraphStatus } from '../../graph/types';
import { parseAmount, strk } from '../amount';
import { CliError, ExitCode } from '../exit-codes';
import { GraphWatchPrinter, graphSummary, humanGraph, humanGraphList } from '../graph-view';
import { inlineText } from '../job-view';
import { type GlobalOptions, callJobLife, output, withNode } from '../session';
import { resolveTarget } from '../target';
import { checkFile, graphId, intOption, oneOf } from '../validate';

interface PostOptions extends GlobalOptions {
  budget: string;
  blob?: string[];
  wait?: boolean;
  output?: string;
  execDuration?: string;
  maxAttempts?: string;
}

interface ResultAnswer {
  available: boolean;
  base64?: string;
}

const STATUSES: readonly GraphStatus[] = ['running', 'done', 'failed'];

export function registerGraphCommands(program: Command): void {
  const graph = program
    .command('graph')
    .description(
      "post tasklet graphs (each step a job of its own, spread over workers) and follow them, through the running node's account",
    );

  graph
    .command('post')
    .description(
      "escrow and announce a graph's ready steps, then the rest as their inputs agree; with --wait, follow it to the end",
    )
    .argument(
      '<manifest>',
      'the manifest of the graph (YAML or JSON; tasklets, an aggregate, a verification mode)',
    )
    .requiredOption(
      '--budget <amount>',
      'STRK escrowed for EACH unit (a step, times k under redundancy); the winning price is paid from it, the rest refunded',
    )
    .option(
      '--blob <file...>',
      'modules and inputs the manifest names by sha256 (files the node does not hold yet)',
    )
    .option('--wait', "follow the graph (each unit's award and result, each step agreed) until it ends")
    .option('-o, --output <file>', "with --wait: write the graph's output to this file")
    .option('--exec-duration <seconds>', 'seconds a worker has from accept to submit, per unit (default 600)')
    .option('--max-attempts <n>', 'awards each unit may go through, 1..10 (default 3)')
    .action(async (manifest: string, _o: unknown, cmd: Command) =>
      post(manifest, cmd.optsWithGlobals<PostOptions>()),
    );

  graph
    .command('status')
    .description(
      "what the poster's node knows of a graph: each step's units, their workers and results, its history",
    )
    .argument('<id>', 'the graph id (as `cairn graph post` printed it)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const gid = graphId(id);
      const g = await withNode(opts, (c) => callJobLife<GraphRecord>(c, 'graph.status', { id: gid }));
      output(opts, g, (v) => humanGraph(v, opts));
    });

  graph
    .command('list')
    .description('the graphs this node posted')
    .option('--state <state>', `only graphs in this state (${STATUSES.join(', ')})`)
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions & { state?: string }>();
      const state = opts.state !== undefined ? oneOf(opts.state, STATUSES, '--state') : undefined;
      const all = await withNode(opts, (c) => callJobLife<GraphRecord[]>(c, 'graph.list'));
      output(
        opts,
        all.filter((g) => !state || g.status === state),
        (v) => humanGraphList(v, opts),
      );
    });

  graph
    .command('result')
    .description("a finished graph's output, as its output step agreed on it (stdout, or -o FILE)")
    .argument('<id>', 'the graph id')
    .option('-o, --output <file>', 'write it to this file instead of stdout')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions & { output?: string }>();
      const gid = graphId(id);
      const bytes = await withNode(opts, (c) => fetchResult(c, gid));
      if (opts.output) {
        writeFileSync(opts.output, bytes);
        output(
          opts,
          { graphId: gid, bytes: bytes.length, file: resolve(opts.output) },
          (v) => `wrote ${v.bytes} bytes to ${v.file}`,
        );
      } else if (opts.json) {
        output(opts, { graphId: gid, bytes: bytes.length, base64: bytes.toString('base64') }, () => '');
      } else {
        process.stdout.write(bytes);
      }
    });
}

async function fetchResult(c: ControlClient, id: string): Promise<Buffer> {
  const r = await callJobLife<ResultAnswer>(c, 'graph.result', { id });
  if (r.available && r.base64 !== undefined) return Buffer.from(r.base64, 'base64');
  const g = await callJobLife<GraphRecord>(c, 'graph.status', { id });
  throw new CliError(
    ExitCode.Remote,
    g.status === 'failed'
      ? `graph ${id} failed and has no output: ${g.failure ?? 'see `cairn graph status ' + id + '`'}`
      : `graph ${id} has no output yet (it is running); \`cairn graph status ${id}\` shows how it goes`,
    'NO_RESULT',
  );
}

/** The manifest checked as the node will check it, so a bad one is a usage error, not a round trip. */
function checkManifest(file: string): Buffer {
  const bytes = readFileSync(file);
  // Required here, not at start: ajv is the heaviest thing `cairn --help` would otherwise load.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parseManifestText } = require('../../manifest/parse') as typeof import('../../manifest/parse');
  const { validateManifest } = require('../../manifest/validate') as typeof import('../../manifest/validate');
  const { ManifestError } = require('../../manifest/errors') as typeof import('../../manifest/errors');
  /* eslint-enable @typescript-eslint/no-require-imports */
  try {
    validateManifest(parseManifestText(bytes));
  } catch (err) {
    if (err instanceof ManifestError)
      throw new CliError(ExitCode.Usage, `manifest ${file}: ${err.message}`, 'BAD_MANIFEST', {
        issues: err.issues,
      });
    throw err;
  }
  return bytes;
}

async function post(manifest: string, opts: PostOptions): Promise<void> {
  // Everything checked before anything is sent.
  const budget = parseAmount(opts.budget, { fri: opts.fri, what: '--budget' });
  const manifestFile = checkFile(manifest, 'manifest');
  const blobFiles = (opts.blob ?? []).map((b) => checkFile(b, '--blob'));
  const execDurationS = intOption(opts.execDuration, '--exec-duration', 1, 86_400);
  const maxAttempts = intOption(opts.maxAttempts, '--max-attempts', 1, 10);
  if (opts.output && !opts.wait)
    throw new CliError(
      ExitCode.Usage,
      '-o/--output goes with --wait (or use `cairn graph result ID -o FILE`)',
      'USAGE',
    );
  const manifestBytes = checkManifest(manifestFile);
  // A local node reads the files itself; a remote one gets them inline.
  const remote = !('socketPath' in resolveTarget(opts));
  const files = remote
    ? {
        manifest: manifestBytes.toString('utf8'),
        blobs: blobFiles.map((f) => readFileSync(f).toString('base64')),
      }
    : { manifestFile, blobFiles };
  const params = {
    ...files,
    budget: budget.toString(),
    ...(execDurationS !== undefined ? { execDurationS } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
  };
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const event = (e: Record<string, unknown>) => say(JSON.stringify(e));

  await withNode(opts, async (c) => {
    const { graphId: id } = await callJobLife<{ graphId: string }>(c, 'graph.post', params);
    const posted = { graphId: id, budget: budget.toString() };
    if (!opts.wait) {
      output(
        opts,
        posted,
        (v) =>
          `posted graph ${v.graphId}: ${strk(budget, opts)} escrowed per unit as its steps become ready\nfollow it with \`cairn graph status ${v.graphId}\``,
      );
      return;
    }
    if (opts.json) event({ event: 'posted', ...posted });
    else {
      say(`posted graph ${id}: ${strk(budget, opts)} escrowed per unit as its steps become ready`);
      say(`following graph ${id} (Ctrl-C stops following; the graph goes on)`);
    }
    const last = await watch(c, id, opts);
    let bytes: Buffer | undefined;
    let where: string | undefined;
    if (last.status === 'done') {
      bytes = await fetchResult(c, id);
      where = resultWhere(id, bytes, last, opts.output);
    }
    if (opts.json)
      event({
        event: 'end',
        record: last,
        ...(bytes
          ? {
              result: {
                bytes: bytes.length,
                ...(opts.output ? { file: resolve(opts.output) } : { base64: bytes.toString('base64') }),
              },
            }
          : {}),
      });
    else say(graphSummary(last, where));
    if (last.status !== 'done')
      throw new CliError(
        ExitCode.JobFailed,
        `graph ${id} ${last.status}${last.failure ? `: ${last.failure}` : ''}`,
        'GRAPH_FAILED',
      );
  });
}

/** Where a finished graph's output is, for the closing lines; writes it with -o. */
function resultWhere(id: string, bytes: Buffer, g: GraphRecord, file?: string): string {
  const about = `${bytes.length} bytes${g.outputSha256 ? `, sha256 ${g.outputSha256.slice(0, 16)}…` : ''}`;
  if (file) {
    writeFileSync(file, bytes);
    return `${about}, written to ${resolve(file)}`;
  }
  const inline = inlineText(bytes, ' '.repeat(12));
  return `${about}, kept by the node: \`cairn graph result ${id}\` prints it, \`-o FILE\` saves it${inline ? `\n${inline}` : ''}`;
}

/** Streams the graph's records until it ends; Ctrl-C stops following (exit 130), not the graph. */
async function watch(c: ControlClient, id: string, opts: GlobalOptions): Promise<GraphRecord> {
  const printer = new GraphWatchPrinter(opts);
  let last: GraphRecord | undefined;
  const abort = new AbortController();
  const onSigint = () =>
    abort.abort(
      new CliError(
        ExitCode.Interrupted,
        `stopped following graph ${id}; it goes on: \`cairn graph status ${id}\``,
        'INTERRUPTED',
      ),
    );
  process.once('SIGINT', onSigint);
  try {
    const final = await c.call<GraphRecord | undefined>(
      'graph.watch',
      { id },
      {
        signal: abort.signal,
        onEvent: (e) => {
          last = e as GraphRecord;
          if (opts.json) process.stdout.write(JSON.stringify({ event: 'progress', record: last }) + '\n');
          else for (const line of printer.lines(last)) process.stdout.write(`${line}\n`);
        },
      },
    );
    last = final ?? last;
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (!last || last.status === 'running')
    throw new CliError(ExitCode.Failure, `the node stopped sending graph ${id}'s progress`, 'WATCH_ENDED');
  return last;
}
