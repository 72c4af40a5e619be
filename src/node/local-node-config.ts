/**
 * The configuration of a node on this machine, listening on 127.0.0.1 and joined to its
 * neighbours over the LAN, with its account and the deployment it uses: what the local
 * marketplace (`npm start`, scripts/marketplace.ts) and the end-to-end suites write for each node.
 */
import type { NodeConfigInput } from '../config/config.schema';

export interface LocalNode {
  network: string;
  dataDir: string;
  logLevel: NodeConfigInput['logLevel'];
  port: number;
  /** Multiaddrs (with peer ids) of the nodes it dials first. */
  bootstrap: string[];
  deploymentFile: string;
  accountKeyFile: string;
  accountAddress: string;
  jobs: NodeConfigInput['jobs'];
  /** A worker: one core, 1 GiB, and the price it asks per unit of fuel. */
  worker?: { pricePerFuel: string };
}

export function localNodeConfig(n: LocalNode): NodeConfigInput {
  return {
    network: n.network,
    dataDir: n.dataDir,
    logLevel: n.logLevel,
    p2p: { listen: [`/ip4/127.0.0.1/tcp/${n.port}`], lan: true, bootstrap: n.bootstrap },
    chain: {
      deploymentFile: n.deploymentFile,
      accountKeyFile: n.accountKeyFile,
      accountAddress: n.accountAddress,
    },
    executor: { threads: 1 },
    jobs: n.jobs,
    ...(n.worker
      ? {
          market: {
            worker: {
              address: n.accountAddress,
              cores: 1,
              memoryMb: 1024,
              fuelPerSecond: 100_000_000,
              pricePerFuel: n.worker.pricePerFuel,
            },
          },
        }
      : {}),
  };
}
