/**
 * The work of `cairn arbiter resolve`, in its own file so that only this command loads
 * starknet.js: the shared ruling (src/arbiter/resolve.ts) with its refusals as exit codes.
 */
import { config } from 'starknet';
import {
  arbiterFromEnv,
  resolveDispute,
  ResolveRefused,
  type Ruling,
  type Side,
} from '../../arbiter/resolve';
import { ChainError } from '../../chain/errors';
import { CliError, ExitCode } from '../exit-codes';
import { reasonInWords } from '../reasons';

// starknet.js warns on each transaction that a young devnet has too few blocks to estimate tips.
config.set('logLevel', 'ERROR');

export async function rule(deploymentFile: string, jobId: bigint, side: Side): Promise<Ruling> {
  try {
    return await resolveDispute({ ...arbiterFromEnv(process.env, '.'), deploymentFile }, jobId, side);
  } catch (err) {
    if (err instanceof ResolveRefused)
      throw new CliError(
        err.code === 'UNKNOWN_JOB' ? ExitCode.Remote : ExitCode.Refused,
        err.message,
        err.code,
      );
    if (err instanceof ChainError) {
      if (err.code === 'RPC') throw new CliError(ExitCode.Failure, err.message, 'CHAIN_RPC');
      throw new CliError(
        ExitCode.Refused,
        `the chain refused: ${err.reason ? reasonInWords(err.reason) : err.message}${err.txHash ? ` (transaction ${err.txHash})` : ''}`,
        `CHAIN_${err.code}`,
      );
    }
    throw err;
  }
}
