/**
 * The node as a process (`src/main.ts`, `cairn node start`): the deployment's stake check, the
 * assembly, one log line saying what runs, and a clean stop on SIGINT/SIGTERM/SIGHUP that exits 0
 * (a second signal exits at once, 1). Not NestJS's shutdown hooks: they re-raise the signal after
 * closing, so the process would end "killed by SIGINT" instead of with a status.
 */
import type { NodeConfig } from '../config/config.schema';
import { type Logger, createLogger } from '../shared/logging';
import { SHUTDOWN_SIGNALS } from '../shared/shutdown-signals';
import { chainSources } from './deployment';
import { type CairnNode, startNode } from './start-node';

export async function runNodeProcess(
  config: NodeConfig,
  log: Logger = createLogger(config.logLevel, 'cairn-node'),
): Promise<CairnNode> {
  const { from, stake, reputation, jobChain } = chainSources(config);
  const node = await startNode({ config, log, stake, reputation, ...(jobChain ? { jobChain } : {}) });
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without a clean stop');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping');
    node.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'the node did not stop cleanly');
        process.exit(1);
      },
    );
  };
  for (const s of SHUTDOWN_SIGNALS) process.on(s, stop);
  log.info(
    {
      peerId: node.peerId,
      addrs: node.host.multiaddrs(),
      role: config.role,
      worker: node.market.worker !== undefined,
      executor: node.executor !== undefined,
      account:
        node.jobs?.account ?? 'none (no account key: the node bids and relays, and settles nothing on chain)',
      control: config.control.enabled ? config.control.socketPath : 'disabled',
      stakeCheck:
        from ?? 'in-memory registry with nobody staked (no deployment file): no bid will be awarded',
    },
    'cairn node running',
  );
  return node;
}
