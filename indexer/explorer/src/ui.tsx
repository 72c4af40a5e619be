/** Small pieces every view uses. */
import type { ComponentChildren } from 'preact';
import { href } from './router';
import { short } from './format';
import type { Loaded } from './use-query';

export function Status(props: { status: string }) {
  return <span class={`status status-${props.status.toLowerCase()}`}>{props.status}</span>;
}

export function Address(props: { address: string | null; worker?: boolean }) {
  if (!props.address) return <span>–</span>;
  const text = <code title={props.address}>{short(props.address)}</code>;
  return props.worker ? <a href={href.worker(props.address)}>{text}</a> : text;
}

/** A wide table that scrolls sideways on a phone, reachable by keyboard. */
export function TableBox(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-box" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T, index: number) => ComponentChildren;
  /** Figures, right-aligned. */
  num?: boolean;
}

/** A table in its TableBox: a header per column, a row per item (with the row's own attributes). */
export function DataTable<T>(props: {
  label: string;
  testId: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowAttributes?: (row: T) => Record<string, string>;
}) {
  return (
    <TableBox label={props.label}>
      <table data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={props.rowKey(row)} {...props.rowAttributes?.(row)}>
              {props.columns.map((c) => (
                <td key={c.header} class={c.num ? 'num' : undefined}>
                  {c.cell(row, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

export function Show<T>(props: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (props.loaded.state === 'loading') return <p aria-busy="true">Loading…</p>;
  if (props.loaded.state === 'error')
    return (
      <p role="alert" class="error">
        The indexer could not answer: {props.loaded.message}
      </p>
    );
  return <>{props.children(props.loaded.data)}</>;
}

export function Tile(props: { label: string; value: string | number; testId?: string }) {
  return (
    <div class="tile" data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
