/**
 * The one-shot deployer of docker-compose.yml: deploys the cairn contracts to the devnet at
 * CAIRN_DEVNET_URL and writes, into CAIRN_SHARED_DIR (a volume every service mounts):
 *
 * - deployment.json: what the nodes (CAIRN_DEPLOYMENT) and the indexer (through launch.ts) read;
 * - keys/<name>.key (mode 0600): the account keys of the poster and the three workers, the
 *   devnet's predeployed accounts 1 to 4 (seed 42, so the addresses in the compose file hold);
 * - poster.peer.key and bootstrap: the poster's peer key, and its multiaddr the workers dial.
 *
 * Run again against the same devnet (a `docker compose up` after a stop), it finds the
 * deployment still there and leaves everything as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RpcProvider, config } from 'starknet';
import { deployCairn } from '../../src/chain/deploy';
import { peerIdOfKeyFile } from '../../src/node/node-key';
import { DEVNET_STRK_ADDRESS, Devnet } from '../devnet';

config.set('logLevel', 'ERROR');

export const ACCOUNTS = { poster: 1, 'worker-1': 2, 'worker-2': 3, 'worker-3': 4 } as const;

/** What the workers bootstrap to: the poster by its service name. */
export function bootstrapAddr(host: string, port: string, peerId: string): string {
  return `/dns4/${host}/tcp/${port}/p2p/${peerId}`;
}

async function main(): Promise<void> {
  const url = process.env.CAIRN_DEVNET_URL ?? 'http://devnet:5050';
  const shared = process.env.CAIRN_SHARED_DIR ?? '/shared';
  const posterHost = process.env.CAIRN_POSTER_HOST ?? 'poster';
  const posterPort = process.env.CAIRN_POSTER_P2P_PORT ?? '4001';
  const devnet = await Devnet.connect(url, 120_000);
  const file = join(shared, 'deployment.json');
  if (existsSync(file)) {
    const d = JSON.parse(readFileSync(file, 'utf8')) as { market: string };
    const there = await new RpcProvider({ nodeUrl: devnet.rpcUrl })
      .getClassHashAt(d.market)
      .then(() => true)
      .catch(() => false);
    if (there) {
      process.stdout.write(`deployment ${file} is live on ${url}; nothing to do\n`);
      return;
    }
  }
  const { accounts, predeployed } = await devnet.signers();
  const deployment = await deployCairn(accounts[0]!, { token: DEVNET_STRK_ADDRESS });
  mkdirSync(join(shared, 'keys'), { recursive: true, mode: 0o700 });
  for (const [name, i] of Object.entries(ACCOUNTS))
    writeFileSync(join(shared, 'keys', `${name}.key`), `${predeployed[i]!.private_key}\n`, { mode: 0o600 });
  const peerId = await peerIdOfKeyFile(join(shared, 'poster.peer.key'));
  writeFileSync(join(shared, 'bootstrap'), `${bootstrapAddr(posterHost, posterPort, peerId)}\n`);
  writeFileSync(file, JSON.stringify({ rpcUrl: devnet.rpcUrl, ...deployment }, null, 2) + '\n');
  process.stdout.write(`deployed: market ${deployment.market}; ${file} written\n`);
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
