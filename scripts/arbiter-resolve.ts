/**
 * `npm run arbiter:resolve -- JOB_ID poster|worker`: the arbiter's ruling on a disputed job
 * (`cairn arbiter resolve JOB_ID --for poster|worker` does the same; both run
 * src/arbiter/resolve.ts). The deployment comes from CAIRN_DEPLOYMENT (default
 * .cairn/deployment.json), the account from CAIRN_ACCOUNT_ADDRESS and CAIRN_ACCOUNT_KEY_FILE
 * (mode 0600) or CAIRN_ACCOUNT_KEY. Prints one JSON line { jobId, ruledFor, status, txHash }.
 */
import { config } from 'starknet';
import { arbiterFromEnv, resolveDispute } from '../src/arbiter/resolve';
import { ChainError } from '../src/chain/errors';
import { REPO_ROOT } from '../src/chain/toolchain';
import { ConfigError } from '../src/shared/config-error';

config.set('logLevel', 'ERROR');

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: npm run arbiter:resolve -- JOB_ID poster|worker\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const [id, side] = process.argv.slice(2);
  if (!id || !/^[1-9][0-9]{0,19}$/.test(id)) usage(`job id ${id ?? '(none)'} is not a positive integer`);
  if (side !== 'poster' && side !== 'worker')
    usage(`rule for "poster" or "worker", not ${side ?? '(nothing)'}`);
  const ruling = await resolveDispute(arbiterFromEnv(process.env, REPO_ROOT), BigInt(id), side);
  process.stdout.write(`${JSON.stringify(ruling)}\n`);
}

main().catch((err: unknown) => {
  const e = err as Error;
  process.stderr.write(
    `${e instanceof ChainError ? `the contract refused: ${e.reason ?? e.message}` : e.message}\n`,
  );
  process.exit(err instanceof ConfigError ? 2 : 1);
});
