/**
 * Starting libp2p, with retries for a node that reserves relay slots as it starts.
 */
import type { Logger } from '../shared/logging';
import { describe } from './errors';

/** Starts of a node with relays to reserve on (1 s, then 2 s apart): see startRetryingRelays. */
export const RELAY_START_ATTEMPTS = 3;

/**
 * Starts libp2p, again after a pause if it fails and attempts remain. A node that reserves a slot
 * on a configured relay listens on that relay's circuit as it starts, and a relay that is busy
 * or restarting may end the reservation stream unanswered: that fails the whole start (seen once
 * under a loaded test run, "reading 0/1 bytes"), where a moment later it succeeds. Anything
 * else that fails a start fails the retries the same way, and the last error is thrown.
 */
export async function startRetryingRelays(
  node: { start(): void | Promise<void>; stop(): void | Promise<void> },
  attempts: number,
  log: Logger,
  pauseMs = 1000,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await node.start();
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      log.warn({ attempt, err: describe(err) }, 'libp2p did not start (a relay reservation?); trying again');
      await Promise.resolve(node.stop()).catch(() => undefined);
      await new Promise((r) => setTimeout(r, pauseMs * attempt));
    }
  }
}
