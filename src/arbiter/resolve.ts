/**
 * The arbiter's ruling on a disputed job, sent as the arbiter's account: what `cairn arbiter
 * resolve` and `npm run arbiter:resolve` both run. `poster` refunds the poster its budget and
 * bond and slashes the worker; `worker` settles as a confirm would and pays the bond to the
 * worker. The account is the arbiter's own (not a node's): its address from
 * CAIRN_ACCOUNT_ADDRESS, its key from a file of mode 0600 (CAIRN_ACCOUNT_KEY_FILE) or
 * CAIRN_ACCOUNT_KEY; the deployment from CAIRN_DEPLOYMENT (default .cairn/deployment.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RpcProvider } from 'starknet';
import { openAccount, readAccountKey } from '../chain/account';
import { CairnClients } from '../chain/cairn';
import type { CairnDeployment } from '../chain/deploy';
import type { JobStatus } from '../chain/job';
import { toBigInt } from '../chain/values';
import { ConfigError } from '../shared/config-error';
import { normalizeAddress } from '../shared/felt';
import { readJob } from '../jobs/chain-view';

export type Side = 'poster' | 'worker';

export interface ArbiterAccount {
  deploymentFile: string;
  address: string;
  keyFile?: string;
  key?: string;
}

/** The arbiter's account and deployment as the environment names them. */
export function arbiterFromEnv(env: NodeJS.ProcessEnv, repoRoot: string): ArbiterAccount {
  const address = env.CAIRN_ACCOUNT_ADDRESS;
  if (!address)
    throw new ConfigError(['CAIRN_ACCOUNT_ADDRESS: set it to the arbiter account'], 'arbiter account');
  return {
    deploymentFile: env.CAIRN_DEPLOYMENT ?? join(repoRoot, '.cairn', 'deployment.json'),
    address,
    ...(env.CAIRN_ACCOUNT_KEY_FILE ? { keyFile: env.CAIRN_ACCOUNT_KEY_FILE } : {}),
    ...(env.CAIRN_ACCOUNT_KEY ? { key: env.CAIRN_ACCOUNT_KEY } : {}),
  };
}

/** Why a ruling cannot be sent, found before sending it. */
export class ResolveRefused extends Error {
  constructor(
    readonly code: 'UNKNOWN_JOB' | 'NOT_DISPUTED' | 'NOT_ARBITER',
    message: string,
  ) {
    super(message);
    this.name = 'ResolveRefused';
  }
}

export interface Ruling {
  jobId: string;
  ruledFor: Side;
  status: JobStatus;
  txHash: string;
}

export async function resolveDispute(who: ArbiterAccount, jobId: bigint, side: Side): Promise<Ruling> {
  let deployment: CairnDeployment & { rpcUrl: string };
  try {
    deployment = JSON.parse(readFileSync(who.deploymentFile, 'utf8')) as typeof deployment;
  } catch (err) {
    throw new ConfigError(
      [
        `deployment file ${who.deploymentFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      ],
      'deployment',
    );
  }
  const key = readAccountKey({
    ...(who.keyFile ? { keyFile: who.keyFile } : {}),
    ...(who.key ? { key: who.key } : {}),
  });
  const provider = new RpcProvider({ nodeUrl: deployment.rpcUrl });
  const clients = new CairnClients(deployment, openAccount(provider, who.address, key));
  const job = await readJob(clients, jobId);
  if (job.status === 'None') throw new ResolveRefused('UNKNOWN_JOB', `no job ${jobId} on the market`);
  if (job.status !== 'Disputed')
    throw new ResolveRefused(
      'NOT_DISPUTED',
      `job ${jobId} is ${job.status}, not Disputed: nothing to rule on`,
    );
  // The job keeps the arbiter it was disputed under; the market's current one may differ.
  const arbiter = toBigInt(
    ((await clients.market.read.job(jobId)) as unknown as Record<string, unknown>).arbiter,
  );
  if (arbiter !== BigInt(who.address))
    throw new ResolveRefused(
      'NOT_ARBITER',
      `${normalizeAddress(who.address)} is not the arbiter of job ${jobId} (${normalizeAddress(arbiter)} is)`,
    );
  const { txHash } = await clients.market.invoke('resolve', jobId, side === 'worker');
  const after = await readJob(clients, jobId);
  return { jobId: jobId.toString(), ruledFor: side, status: after.status, txHash };
}
