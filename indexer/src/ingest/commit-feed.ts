/**
 * What ingest tells the read side after each transaction it commits: a chunk advanced the cursor
 * (and which jobs it changed), or a reorg rolled it back (and which jobs it restored). Emitted
 * only once the database has the change, so a listener that reads the rows sees it. Versioned
 * because it crosses a process boundary (the ingest process to its HTTP workers, over IPC).
 */
export const COMMIT_EVENT_VERSION = 1;

export interface BlockRef {
  number: number;
  hash: string | null;
  timestamp: number;
}

export type CommitEvent =
  | { v: typeof COMMIT_EVENT_VERSION; kind: 'advanced'; block: BlockRef; jobs: string[] }
  | { v: typeof COMMIT_EVENT_VERSION; kind: 'rolledBack'; block: BlockRef; from: number; jobs: string[] };

export type CommitListener = (event: CommitEvent) => void;

export class CommitFeed {
  private readonly listeners = new Set<CommitListener>();

  /** Returns the function that removes the listener. */
  on(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CommitEvent): void {
    for (const l of this.listeners) l(event);
  }
}

export function isCommitEvent(m: unknown): m is CommitEvent {
  const e = m as Partial<CommitEvent> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.v === COMMIT_EVENT_VERSION &&
    (e.kind === 'advanced' || e.kind === 'rolledBack') &&
    typeof e.block?.number === 'number' &&
    Array.isArray(e.jobs)
  );
}
