/**
 * Following a job or a graph as `--wait` does: the node's `*.watch` stream printed as it comes
 * (lines for people, `progress` events with --json), and where the finished output went.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ControlClient } from '../control/client';
import { CliError, ExitCode } from './exit-codes';
import { inlineText } from './job-view';
import type { ResultAnswer } from './post-request';
import { type GlobalOptions, callJobLife, output } from './session';

/** A line for a person on stdout. */
export const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** An event for a script on stdout: one JSON object a line, as --json --wait prints them. */
export const sayEvent = (e: Record<string, unknown>): void => say(JSON.stringify(e));

/**
 * A job's result or a graph's output from its node (`job.result`, `graph.result`); when the node
 * has none, a NO_RESULT error saying why, in `whyNot`'s words, from the record (`*.status`).
 */
export async function fetchResult<R>(
  c: ControlClient,
  what: 'job' | 'graph',
  id: string,
  whyNot: (record: R) => string,
): Promise<Buffer> {
  const r = await callJobLife<ResultAnswer>(c, `${what}.result`, { id });
  if (r.available && r.base64 !== undefined) return Buffer.from(r.base64, 'base64');
  const record = await callJobLife<R>(c, `${what}.status`, { id });
  throw new CliError(ExitCode.Remote, whyNot(record), 'NO_RESULT');
}

export interface Followed<R> {
  /** `job` or `graph`: names the control method (`<what>.watch`) and the commands in messages. */
  what: 'job' | 'graph';
  printer: { lines(r: R): string[] };
  /** Whether the record is final (its watch ends there). */
  ended(r: R): boolean;
}

/** Streams the records until they end; Ctrl-C stops following (exit 130), not the work. */
export async function follow<R>(
  c: ControlClient,
  id: string,
  opts: GlobalOptions,
  f: Followed<R>,
): Promise<R> {
  let last: R | undefined;
  const abort = new AbortController();
  const onSigint = () =>
    abort.abort(
      new CliError(
        ExitCode.Interrupted,
        `stopped following ${f.what} ${id}; it goes on: \`cairn ${f.what} status ${id}\``,
        'INTERRUPTED',
      ),
    );
  process.once('SIGINT', onSigint);
  try {
    const final = await c.call<R | undefined>(
      `${f.what}.watch`,
      { id },
      {
        signal: abort.signal,
        onEvent: (e) => {
          last = e as R;
          if (opts.json) sayEvent({ event: 'progress', record: last });
          else for (const line of f.printer.lines(last)) say(line);
        },
      },
    );
    last = final ?? last;
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (last === undefined || !f.ended(last))
    throw new CliError(
      ExitCode.Failure,
      `the node stopped sending ${f.what} ${id}'s progress`,
      'WATCH_ENDED',
    );
  return last;
}

/** Where a finished job's or graph's output is, for the closing lines; writes it with -o. */
export function outputWhere(
  what: 'job' | 'graph',
  id: string,
  bytes: Buffer,
  sha256: string | undefined,
  file?: string,
): string {
  const about = `${bytes.length} bytes${sha256 ? `, sha256 ${sha256.slice(0, 16)}…` : ''}`;
  if (file) {
    writeFileSync(file, bytes);
    return `${about}, written to ${resolve(file)}`;
  }
  const inline = inlineText(bytes, ' '.repeat(12));
  return `${about}, kept by the node: \`cairn ${what} result ${id}\` prints it, \`-o FILE\` saves it${inline ? `\n${inline}` : ''}`;
}

/** The closing `end` event of a followed post with --json: the record and, if any, the output. */
export function endEvent(
  record: unknown,
  bytes: Buffer | undefined,
  output?: string,
): Record<string, unknown> {
  return {
    event: 'end',
    record,
    ...(bytes
      ? {
          result: {
            bytes: bytes.length,
            ...(output ? { file: resolve(output) } : { base64: bytes.toString('base64') }),
          },
        }
      : {}),
  };
}

/** Prints a finished output as `… result ID [-o FILE]` gives it: to the file, as JSON, or raw on stdout. */
export function printOutput(
  opts: GlobalOptions & { output?: string },
  ids: Record<string, string>,
  bytes: Buffer,
): void {
  if (opts.output) {
    writeFileSync(opts.output, bytes);
    output(
      opts,
      { ...ids, bytes: bytes.length, file: resolve(opts.output) },
      (v) => `wrote ${v.bytes} bytes to ${v.file}`,
    );
  } else if (opts.json) {
    output(opts, { ...ids, bytes: bytes.length, base64: bytes.toString('base64') }, () => '');
  } else {
    process.stdout.write(bytes);
  }
}
