/**
 * Decodes (and, for scripted chains, encodes) the contracts' events from their Sierra ABIs:
 * key[0] is the selector of the variant name in the contract's `Event` enum (flat components
 * contribute their own variants), the remaining keys are the `#[key]` members in order, and the
 * data felts are the other members, serialized as Cairo Serde does.
 *
 * A table built once per ABI maps (contract address, selector) to a precomputed layout, so the
 * hot path is a Map lookup and a walk over felts: starknet.js's generic `events.parseEvents`
 * re-derives the layout per event, which costs more than the database write at bench volumes.
 *
 * Generic over any Sierra ABI; cairn's contracts are bound to theirs in cairn-codec.ts.
 */
import { hash } from 'starknet';
import { feltHex, normalizeAddress } from '../../shared/felt';

export type ContractRole = 'market' | 'registry' | 'reputation';

export interface AbiEntry {
  type: string;
  name: string;
  kind?: string;
  members?: { name: string; type: string; kind?: string }[];
  variants?: { name: string; type: string; kind?: string }[];
  inputs?: unknown;
  outputs?: unknown;
}
export type Abi = readonly AbiEntry[] | readonly unknown[];

export type Value = bigint | number | string | boolean | Value[] | { [k: string]: Value } | null;

export interface DecodedEvent {
  contract: ContractRole;
  name: string;
  fields: Record<string, Value>;
}

export class EventDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventDecodeError';
  }
}

interface Layout {
  name: string;
  selector: string;
  keys: { name: string; type: string }[];
  data: { name: string; type: string }[];
}

const SMALL_INTS = new Set([
  'core::integer::u8',
  'core::integer::u16',
  'core::integer::u32',
  'core::integer::usize',
]);
const BIG_INTS = new Set(['core::integer::u64', 'core::integer::u128']);
const ADDRESSES = new Set([
  'core::starknet::contract_address::ContractAddress',
  'core::starknet::class_hash::ClassHash',
]);
const BYTE_ARRAY = 'core::byte_array::ByteArray';
const BYTES31 = 31;

function entries(abi: Abi): AbiEntry[] {
  return abi as AbiEntry[];
}

/** Event layouts of one ABI keyed by selector (normalized hex). */
export function eventLayouts(abi: Abi): Map<string, Layout> {
  const byName = new Map(
    entries(abi)
      .filter((e) => e.type === 'event')
      .map((e) => [e.name, e]),
  );
  const out = new Map<string, Layout>();
  const visit = (enumName: string) => {
    const en = byName.get(enumName);
    for (const v of en?.variants ?? []) {
      const target = byName.get(v.type);
      if (!target) continue;
      if (v.kind === 'flat' && target.kind === 'enum') visit(v.type);
      else if (target.kind === 'struct') {
        const selector = normalizeAddress(hash.getSelectorFromName(v.name));
        const members = target.members ?? [];
        out.set(selector, {
          name: v.name,
          selector,
          keys: members.filter((m) => m.kind === 'key').map(({ name, type }) => ({ name, type })),
          data: members.filter((m) => m.kind === 'data').map(({ name, type }) => ({ name, type })),
        });
      }
    }
  };
  // The contract's own enum is the one no other event refers to.
  const referenced = new Set(
    entries(abi).flatMap((e) => (e.type === 'event' ? (e.variants ?? []).map((v) => v.type) : [])),
  );
  for (const e of byName.values()) if (e.kind === 'enum' && !referenced.has(e.name)) visit(e.name);
  return out;
}

class Reader {
  i = 0;
  constructor(
    private readonly felts: readonly string[],
    private readonly what: string,
  ) {}
  next(): bigint {
    const f = this.felts[this.i++];
    if (f === undefined)
      throw new EventDecodeError(`${this.what}: ran out of felts at position ${this.i - 1}`);
    return BigInt(f);
  }
  done(): boolean {
    return this.i === this.felts.length;
  }
}

function bytesToString(words: bigint[], pending: bigint, pendingLen: number): string {
  const hex =
    words.map((w) => w.toString(16).padStart(BYTES31 * 2, '0')).join('') +
    (pendingLen > 0 ? pending.toString(16).padStart(pendingLen * 2, '0') : '');
  return Buffer.from(hex, 'hex').toString('utf8');
}

export class AbiCodec {
  private readonly structs = new Map<string, AbiEntry>();
  private readonly enums = new Map<string, AbiEntry>();
  private readonly layouts = new Map<string, Map<string, Layout>>();
  private readonly roles = new Map<string, ContractRole>();

  /** `contracts` maps each role to its address and ABI. */
  constructor(contracts: Record<ContractRole, { address: string; abi: Abi }>) {
    for (const [role, { address, abi }] of Object.entries(contracts) as [
      ContractRole,
      { address: string; abi: Abi },
    ][]) {
      const addr = normalizeAddress(address);
      this.roles.set(addr, role);
      this.layouts.set(addr, eventLayouts(abi));
      for (const e of entries(abi)) {
        if (e.type === 'struct') this.structs.set(e.name, e);
        if (e.type === 'enum') this.enums.set(e.name, e);
      }
    }
  }

  addresses(): string[] {
    return [...this.roles.keys()];
  }

  /** Undefined for an event the ABI does not declare (e.g. from a newer contract version). */
  decode(fromAddress: string, keys: readonly string[], data: readonly string[]): DecodedEvent | undefined {
    const addr = normalizeAddress(fromAddress);
    const role = this.roles.get(addr);
    const selector = keys[0];
    if (!role || selector === undefined) return undefined;
    const layout = this.layouts.get(addr)!.get(normalizeAddress(selector));
    if (!layout) return undefined;
    const fields: Record<string, Value> = {};
    const k = new Reader(keys, `${layout.name} keys`);
    k.i = 1;
    for (const m of layout.keys) fields[m.name] = this.read(m.type, k);
    const d = new Reader(data, `${layout.name} data`);
    for (const m of layout.data) fields[m.name] = this.read(m.type, d);
    if (!k.done() || !d.done())
      throw new EventDecodeError(`${layout.name}: more felts than its ABI declares`);
    return { contract: role, name: layout.name, fields };
  }

  private read(type: string, r: Reader): Value {
    if (type === 'core::felt252') return feltHex(r.next());
    if (ADDRESSES.has(type)) return normalizeAddress(r.next());
    if (SMALL_INTS.has(type)) return Number(r.next());
    if (BIG_INTS.has(type)) return r.next();
    if (type === 'core::integer::u256') {
      const low = r.next();
      return low + (r.next() << 128n);
    }
    if (type === 'core::bool') return r.next() === 1n;
    if (type === BYTE_ARRAY) {
      const n = Number(r.next());
      const words = Array.from({ length: n }, () => r.next());
      const pending = r.next();
      return bytesToString(words, pending, Number(r.next()));
    }
    const s = this.structs.get(type);
    if (s) {
      const o: Record<string, Value> = {};
      for (const m of s.members ?? []) o[m.name] = this.read(m.type, r);
      return o;
    }
    const e = this.enums.get(type);
    if (e) {
      const idx = Number(r.next());
      const v = e.variants?.[idx];
      if (!v) throw new EventDecodeError(`${type}: no variant ${idx}`);
      return { variant: v.name, value: v.type === '()' ? null : this.read(v.type, r) };
    }
    throw new EventDecodeError(`unsupported ABI type ${type}`);
  }

  /** The inverse of decode: keys and data of event `name` of `role`, for scripted chains. */
  encode(
    role: ContractRole,
    name: string,
    fields: Record<string, Value>,
  ): { fromAddress: string; keys: string[]; data: string[] } {
    const addr = [...this.roles].find(([, r]) => r === role)?.[0];
    const layout = addr ? [...this.layouts.get(addr)!.values()].find((l) => l.name === name) : undefined;
    if (!addr || !layout) throw new EventDecodeError(`no event ${name} in the ${role} ABI`);
    const keys = [layout.selector];
    for (const m of layout.keys) this.write(m.type, fields[m.name], keys, name);
    const data: string[] = [];
    for (const m of layout.data) this.write(m.type, fields[m.name], data, name);
    return { fromAddress: addr, keys, data };
  }

  private write(type: string, v: Value | undefined, out: string[], ev: string): void {
    const hex = (x: bigint | number) => feltHex(BigInt(x));
    if (v === undefined) throw new EventDecodeError(`${ev}: missing a ${type} field`);
    if (type === 'core::felt252' || ADDRESSES.has(type)) out.push(hex(BigInt(v as string)));
    else if (SMALL_INTS.has(type) || BIG_INTS.has(type)) out.push(hex(v as bigint | number));
    else if (type === 'core::integer::u256') {
      const x = BigInt(v as bigint);
      out.push(hex(x & ((1n << 128n) - 1n)), hex(x >> 128n));
    } else if (type === 'core::bool') out.push(v ? '0x1' : '0x0');
    else if (type === BYTE_ARRAY) {
      const bytes = Buffer.from(v as string, 'utf8');
      const full = Math.floor(bytes.length / BYTES31);
      out.push(hex(full));
      for (let i = 0; i < full; i++)
        out.push('0x' + (bytes.subarray(i * BYTES31, (i + 1) * BYTES31).toString('hex') || '0'));
      const rest = bytes.subarray(full * BYTES31);
      out.push('0x' + (rest.toString('hex') || '0'), hex(rest.length));
    } else if (this.structs.has(type)) {
      for (const m of this.structs.get(type)!.members ?? [])
        this.write(m.type, (v as Record<string, Value>)[m.name], out, ev);
    } else throw new EventDecodeError(`${ev}: cannot encode ${type}`);
  }
}
