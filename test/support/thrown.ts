/**
 * What a refused call threw, for the unit tests of parsers and validators that check refusals
 * by their code or message.
 */
import { CliError } from '../../src/cli/exit-codes';
import type { MessageValidationError } from '../../src/p2p/errors';

/** The code of the wire validation error `fn` throws, or undefined when it accepts. */
export function validationCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as MessageValidationError).code;
  }
}

/** The message of the CLI usage error (exit code 2) `fn` must throw. */
export function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    return (err as CliError).message;
  }
  throw new Error('no error');
}
