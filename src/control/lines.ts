/**
 * Newline framing for the control channel, with a cap: a peer that sends a line longer than
 * `maxBytes` is cut off before the line is held in memory, whatever it sends next. Lines are
 * decoded as UTF-8 only once complete, so a character split across two reads survives.
 */
const NEWLINE = 0x0a;

export interface Pushed {
  lines: string[];
  /** A line grew past maxBytes: the stream is out of step and must be closed. */
  overflow: boolean;
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(readonly maxBytes: number) {}

  push(chunk: Buffer): Pushed {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      if (this.size + (nl - start) > this.maxBytes) return { lines, overflow: true };
      const piece = chunk.subarray(start, nl);
      const line = this.parts.length === 0 ? piece : Buffer.concat([...this.parts, piece]);
      this.parts = [];
      this.size = 0;
      lines.push(stripCr(line.toString('utf8')));
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.size += rest.length;
      if (this.size > this.maxBytes) return { lines, overflow: true };
      this.parts.push(rest);
    }
    return { lines, overflow: false };
  }

  /** Bytes held of a line not yet complete. */
  get pending(): number {
    return this.size;
  }
}

const stripCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);
