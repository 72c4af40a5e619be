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
