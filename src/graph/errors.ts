/** Why a graph cannot be posted or looked up. */
export type GraphErrorCode = 'UNKNOWN_GRAPH' | 'MISSING_BLOBS' | 'BAD_BUDGET' | 'BAD_RECORD';

export class GraphError extends Error {
  constructor(
    readonly code: GraphErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}
