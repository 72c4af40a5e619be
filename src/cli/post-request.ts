/** What `cairn job post` and `cairn graph post` send: a local node reads the files itself, a remote one gets them inline. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseAmount } from './amount';
import { CliError, ExitCode } from './exit-codes';
import { resolveTarget } from './target';
import { checkFile, intOption } from './validate';
import type { GlobalOptions } from './session';

/** The options `job post` and `graph post` share. */
export interface PostOptions extends GlobalOptions {
  budget: string;
  blob?: string[];
  wait?: boolean;
  output?: string;
  execDuration?: string;
  maxAttempts?: string;
}

/** What `job post` and `graph post` say of themselves and their options; the flags are the same. */
export interface PostCommandHelp {
  description: string;
  manifest: string;
  budget: string;
  wait: string;
  output: string;
  execDuration: string;
  maxAttempts: string;
}

/** Adds `post <manifest>` to `parent`, with the flags PostOptions reads. */
export function addPostCommand(
  parent: Command,
  help: PostCommandHelp,
  post: (manifest: string, opts: PostOptions) => Promise<void>,
): void {
  parent
    .command('post')
    .description(help.description)
    .argument('<manifest>', help.manifest)
    .requiredOption('--budget <amount>', help.budget)
    .option(
      '--blob <file...>',
      'modules and inputs the manifest names by sha256 (files the node does not hold yet)',
    )
    .option('--wait', help.wait)
    .option('-o, --output <file>', help.output)
    .option('--exec-duration <seconds>', help.execDuration)
    .option('--max-attempts <n>', help.maxAttempts)
    .action(async (manifest: string, _o: unknown, cmd: Command) =>
      post(manifest, cmd.optsWithGlobals<PostOptions>()),
    );
}

/** What `job.result` and `graph.result` answer. */
export interface ResultAnswer {
  available: boolean;
  base64?: string;
}

export interface PostTerms {
  manifestFile: string;
  /** The manifest's text when the command read it already (it was checked before sending). */
  manifestText?: string;
  blobFiles: string[];
  budget: bigint;
  execDurationS?: number;
  maxAttempts?: number;
}

export function postRequest(opts: GlobalOptions, t: PostTerms): Record<string, unknown> {
  const remote = !('socketPath' in resolveTarget(opts));
  const files = remote
    ? {
        manifest: t.manifestText ?? readFileSync(t.manifestFile, 'utf8'),
        blobs: t.blobFiles.map((f) => readFileSync(f).toString('base64')),
      }
    : { manifestFile: t.manifestFile, blobFiles: t.blobFiles };
  return {
    ...files,
    budget: t.budget.toString(),
    ...(t.execDurationS !== undefined ? { execDurationS: t.execDurationS } : {}),
    ...(t.maxAttempts !== undefined ? { maxAttempts: t.maxAttempts } : {}),
  };
}

/** A post's options, all checked before anything is sent (each mistake is a usage error, exit 2). */
export function checkPostOptions(manifest: string, opts: PostOptions, what: 'job' | 'graph'): PostTerms {
  const budget = parseAmount(opts.budget, { fri: opts.fri, what: '--budget' });
  const manifestFile = checkFile(manifest, 'manifest');
  const blobFiles = (opts.blob ?? []).map((b) => checkFile(b, '--blob'));
  const execDurationS = intOption(opts.execDuration, '--exec-duration', 1, 86_400);
  const maxAttempts = intOption(opts.maxAttempts, '--max-attempts', 1, 10);
  if (opts.output && !opts.wait)
    throw new CliError(
      ExitCode.Usage,
      `-o/--output goes with --wait (or use \`cairn ${what} result ID -o FILE\`)`,
      'USAGE',
    );
  return { manifestFile, blobFiles, budget, execDurationS, maxAttempts };
}
