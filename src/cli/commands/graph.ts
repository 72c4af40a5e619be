/**
 * `cairn graph post|status|list|result`: tasklet graphs (a manifest's steps, each run as its own
 * on-chain job on some worker), through the poster node's control channel. `post --wait`
 * follows the graph as the node journals it (`graph.watch`): each unit posted, awarded, its
 * result checked, each step agreed, until the graph is done or failed.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ControlClient } from '../../control/client';
import type { GraphRecord, GraphStatus } from '../../graph/types';
import { strk } from '../amount';
import { CliError, ExitCode } from '../exit-codes';
import { endEvent, follow, outputWhere, printOutput, fetchResult, say, sayEvent } from '../follow';
import { type PostOptions, addPostCommand, checkPostOptions, postRequest } from '../post-request';
import { GraphWatchPrinter, graphSummary, humanGraph, humanGraphList } from '../graph-view';
import { type GlobalOptions, callJobLife, output, withNode } from '../session';
import { graphId, oneOf } from '../validate';

const STATUSES: readonly GraphStatus[] = ['running', 'done', 'failed'];

export function registerGraphCommands(program: Command): void {
  const graph = program
    .command('graph')
    .description(
      "post tasklet graphs (each step a job of its own, spread over workers) and follow them, through the running node's account",
    );

  addPostCommand(
    graph,
    {
      description:
        "escrow and announce a graph's ready steps, then the rest as their inputs agree; with --wait, follow it to the end",
      manifest: 'the manifest of the graph (YAML or JSON; tasklets, an aggregate, a verification mode)',
      budget:
        'STRK escrowed for EACH unit (a step, times k under redundancy); the winning price is paid from it, the rest refunded',
      wait: "follow the graph (each unit's award and result, each step agreed) until it ends",
      output: "with --wait: write the graph's output to this file",
      execDuration: 'seconds a worker has from accept to submit, per unit (default 600)',
      maxAttempts: 'awards each unit may go through, 1..10 (default 3)',
    },
    post,
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
      const bytes = await withNode(opts, (c) => graphOutput(c, gid));
      printOutput(opts, { graphId: gid }, bytes);
    });
}

/** The graph's output, or why there is none. */
const graphOutput = (c: ControlClient, id: string): Promise<Buffer> =>
  fetchResult<GraphRecord>(c, 'graph', id, (g) =>
    g.status === 'failed'
      ? `graph ${id} failed and has no output: ${g.failure ?? 'see `cairn graph status ' + id + '`'}`
      : `graph ${id} has no output yet (it is running); \`cairn graph status ${id}\` shows how it goes`,
  );

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
  const terms = checkPostOptions(manifest, opts, 'graph');
  const { budget } = terms;
  const manifestText = checkManifest(terms.manifestFile).toString('utf8');
  const params = postRequest(opts, { ...terms, manifestText });

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
    if (opts.json) sayEvent({ event: 'posted', ...posted });
    else {
      say(`posted graph ${id}: ${strk(budget, opts)} escrowed per unit as its steps become ready`);
      say(`following graph ${id} (Ctrl-C stops following; the graph goes on)`);
    }
    const last = await follow(c, id, opts, {
      what: 'graph',
      printer: new GraphWatchPrinter(opts),
      ended: (g) => g.status !== 'running',
    });
    let bytes: Buffer | undefined;
    let where: string | undefined;
    if (last.status === 'done') {
      bytes = await graphOutput(c, id);
      where = outputWhere('graph', id, bytes, last.outputSha256, opts.output);
    }
    if (opts.json) sayEvent(endEvent(last, bytes, opts.output));
    else say(graphSummary(last, where));
    if (last.status !== 'done')
      throw new CliError(
        ExitCode.JobFailed,
        `graph ${id} ${last.status}${last.failure ? `: ${last.failure}` : ''}`,
        'GRAPH_FAILED',
      );
  });
}
