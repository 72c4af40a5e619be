/**
 * Actions of subcommands on one job id or one amount: the argument checked before anything is
 * sent (a typo is a usage error, exit 2) and handed over with the command's options, the global
 * ones included.
 */
import type { Command } from 'commander';
import { parseAmount } from './amount';
import type { GlobalOptions } from './session';
import { jobId } from './validate';

/** A subcommand with no argument: its options only. */
export function onOptions<O extends GlobalOptions>(act: (opts: O) => Promise<void>) {
  return (_o: unknown, cmd: Command) => act(cmd.optsWithGlobals<O>());
}

export function onJobId<O extends GlobalOptions>(act: (id: string, opts: O) => Promise<void>) {
  return (id: string, _o: unknown, cmd: Command) => act(jobId(id), cmd.optsWithGlobals<O>());
}

/** An amount in STRK (decimals allowed), or in fri with --fri. */
export function onAmount<O extends GlobalOptions>(act: (fri: bigint, opts: O) => Promise<void>) {
  return (amount: string, _o: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals<O>();
    return act(parseAmount(amount, { fri: opts.fri }), opts);
  };
}
