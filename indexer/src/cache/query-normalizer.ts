/**
 * A query's cache identity: its document printed back from the parse (whitespace, commas and
 * comments do not split the cache), or null when it must not be cached: it does not parse (the
 * server answers the error), it is not a single query operation, or it reads `indexerStatus`,
 * which moves with the chain head between commits. Remembered per query text, a bounded number.
 */
import { Kind, type OperationDefinitionNode, parse, print, visit } from 'graphql';

/** Root fields whose answers change without a commit. */
const LIVE_FIELDS = new Set(['indexerStatus']);

export class QueryNormalizer {
  private readonly memo = new Map<string, string | null>();

  constructor(
    private readonly maxTokens: number,
    private readonly capacity = 1_000,
  ) {}

  normalize(query: string): string | null {
    const known = this.memo.get(query);
    if (known !== undefined) return known;
    const out = this.compute(query);
    if (this.memo.size >= this.capacity) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(query, out);
    return out;
  }

  private compute(query: string): string | null {
    let doc;
    try {
      doc = parse(query, { maxTokens: this.maxTokens, noLocation: true });
    } catch {
      return null;
    }
    const ops = doc.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (ops.length !== 1 || ops[0]!.operation !== 'query') return null;
    let live = false;
    visit(doc, {
      Field(node) {
        if (LIVE_FIELDS.has(node.name.value)) live = true;
      },
    });
    return live ? null : print(doc);
  }
}
