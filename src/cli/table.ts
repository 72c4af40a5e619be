/** Tables for people: a header row, columns padded to their widest cell, numbers right-aligned. */

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** Right-align (amounts, counts). */
  right?: boolean;
}

export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

/** 0x049d36570d4e46f4…: an address short enough for a table column, still recognisable. */
export function shortHex(hex: string, keep = 10): string {
  return hex.length > keep + 4 ? `${hex.slice(0, keep + 2)}…` : hex;
}
