/**
 * The one place a peer's misbehaviour is turned into a score change and a log line, whichever
 * path (gossip validator, direct stream) caught it.
 */
import { MessageValidationError, PENALTIES, describe, type GossipAction } from './errors';
import type { RejectionLog } from './rejection-log';
import type { PeerScoreStore } from './scoring/peer-score';

export class Penalties {
  constructor(
    readonly scores: PeerScoreStore,
    readonly rejections: RejectionLog,
  ) {}

  /** Records a rejected message from `peer` and returns the verdict for gossipsub. */
  report(
    peer: string,
    err: MessageValidationError,
    via: string,
    action: GossipAction | 'drop' = err.action,
  ): GossipAction {
    const penalty = PENALTIES[err.code];
    const score = this.scores.apply(peer, penalty, err.code);
    this.rejections.record({ peer, code: err.code, action, penalty, score, via, detail: err.detail });
    return err.action;
  }
}

export function isValidationError(err: unknown): err is MessageValidationError {
  // By name as well: an error thrown across a realm boundary (jest) fails instanceof.
  return (
    err instanceof MessageValidationError ||
    (err as { name?: string } | null)?.name === 'MessageValidationError'
  );
}

export { describe };
