/**
 * Where a poster keeps its graphs across restarts: one JSON file per graph under
 * `<dataDir>/graphs/`, written atomically (temp file, fsync, rename) after every change, so a
 * restarted poster resumes from the nodes already agreed and the units already posted.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../shared/durable-file';
import { GraphError } from './errors';
import { GRAPH_RECORD_VERSION, type GraphRecord } from './types';

const ID = /^[a-z0-9-]{1,64}$/;

export class GraphJournal {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'graphs');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  private file(graphId: string): string {
    if (!ID.test(graphId)) throw new GraphError('UNKNOWN_GRAPH', `"${graphId}" is not a graph id`);
    return join(this.dir, `${graphId}.json`);
  }

  save(g: GraphRecord): void {
    writeFileDurably(this.file(g.graphId), JSON.stringify(g, null, 2));
  }

  load(graphId: string): GraphRecord | undefined {
    const file = this.file(graphId);
    return existsSync(file) ? parse(readFileSync(file, 'utf8'), file) : undefined;
  }

  all(): GraphRecord[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => parse(readFileSync(join(this.dir, f), 'utf8'), f));
  }
}

function parse(text: string, where: string): GraphRecord {
  const g = JSON.parse(text) as GraphRecord;
  if (g.version !== GRAPH_RECORD_VERSION)
    throw new GraphError(
      'BAD_RECORD',
      `${where}: graph record version ${String(g.version)} is not ${GRAPH_RECORD_VERSION}`,
    );
  return g;
}
