/**
 * `cairn` (bin/cairn.js runs this through tsx with the pinned Node). Parses the command line,
 * runs the command, and exits with a code from exit-codes.ts; usage errors from commander exit 2.
 */
import { CommanderError } from 'commander';
import { ExitCode } from './exit-codes';
import { buildProgram } from './program';
import { reportError } from './session';

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.commands.forEach(function override(c): void {
    c.exitOverride();
    c.commands.forEach(override);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.Ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0; commander has printed them.
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    return reportError(err, argv.includes('--json'), argv.includes('--fri'));
  }
}

/**
 * The process entry (bin/cairn.js): runs the command and exits with its code. A command that
 * failed half way (a node that did not start) may leave handles open; the unref'd timer ends the
 * process anyway, and never delays one that ends by itself.
 */
export function main(argv: string[]): void {
  void runCli(argv)
    .catch((err: unknown) => reportError(err, false))
    .then((code) => {
      process.exitCode = code;
      setTimeout(() => process.exit(code), 200).unref();
    });
}

if (require.main === module) main(process.argv.slice(2));
