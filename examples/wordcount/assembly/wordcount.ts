/* eslint-disable @typescript-eslint/ban-ts-comment -- AssemblyScript, compiled by asc (examples/build.ts), not by tsc */
// @ts-nocheck
/**
 * Map/reduce word count. One module, two roles chosen by argv[1]:
 *
 *   map     stdin is text; a word is a maximal run of ASCII letters and digits, lower-cased
 *           (every other byte separates words). Prints `word count\n` per distinct word.
 *   reduce  stdin is map outputs concatenated; sums the counts per word and prints the same way.
 *
 * Lines are sorted by word (bytewise), so the output is a function of the input alone, and
 * reducing the maps of any sharding of a text gives the map of the whole text.
 *
 * Words are counted in an open-addressing hash table whose keys point into the input buffer, so
 * no string is allocated per word.
 */
import { arg, exit, EX_DATAERR, EX_USAGE, Out, readStdin } from '../../lib/wasi';

let keyPtr = new StaticArray<u32>(0);
let keyLen = new StaticArray<u32>(0);
let counts = new StaticArray<u64>(0);
let mask: u32 = 0;
let size: u32 = 0;

function init(capacity: u32): void {
  keyPtr = new StaticArray<u32>(capacity);
  keyLen = new StaticArray<u32>(capacity);
  counts = new StaticArray<u64>(capacity);
  mask = capacity - 1;
  size = 0;
}

function hash(p: usize, n: u32): u32 {
  let h: u32 = 2166136261;
  for (let i: u32 = 0; i < n; i++) h = (h ^ load<u8>(p + i)) * 16777619;
  return h;
}

function add(p: usize, n: u32, c: u64): void {
  let i = hash(p, n) & mask;
  while (true) {
    const len = unchecked(keyLen[i]);
    if (len == 0) break;
    if (len == n && memory.compare(<usize>unchecked(keyPtr[i]), p, n) == 0) {
      unchecked((counts[i] += c));
      return;
    }
    i = (i + 1) & mask;
  }
  unchecked((keyPtr[i] = <u32>p));
  unchecked((keyLen[i] = n));
  unchecked((counts[i] = c));
  size++;
  if (size * 2 > mask) grow();
}

function grow(): void {
  const oldPtr = keyPtr;
  const oldLen = keyLen;
  const oldCounts = counts;
  init((mask + 1) << 1);
  for (let i = 0; i < oldLen.length; i++) {
    const n = unchecked(oldLen[i]);
    if (n != 0) add(<usize>unchecked(oldPtr[i]), n, unchecked(oldCounts[i]));
  }
}

function isWordByte(b: u32): bool {
  return b - 97 < 26 || b - 48 < 10;
}

function mapText(p: usize, len: i32): void {
  // Lower-case in place: the table's keys point into this buffer.
  for (let i = 0; i < len; i++) {
    const b = load<u8>(p + i);
    if (b - 65 < 26) store<u8>(p + i, b + 32);
  }
  let start = -1;
  for (let i = 0; i <= len; i++) {
    const word = i < len && isWordByte(load<u8>(p + i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      add(p + start, i - start, 1);
      start = -1;
    }
  }
}

function reduceLines(p: usize, len: i32): void {
  let i = 0;
  while (i < len) {
    const start = i;
    while (i < len && load<u8>(p + i) != 32) i++;
    if (i == start || i >= len) exit(EX_DATAERR);
    const wordLen = i - start;
    i++;
    let c: u64 = 0;
    const digits = i;
    while (i < len && load<u8>(p + i) != 10) {
      const d = load<u8>(p + i) - 48;
      if (d > 9) exit(EX_DATAERR);
      c = c * 10 + d;
      i++;
    }
    if (i == digits || i >= len) exit(EX_DATAERR);
    i++;
    add(p + start, wordLen, c);
  }
}

function compareSlots(a: i32, b: i32): i32 {
  const la = unchecked(keyLen[a]);
  const lb = unchecked(keyLen[b]);
  const c = memory.compare(<usize>unchecked(keyPtr[a]), <usize>unchecked(keyPtr[b]), min(la, lb));
  return c != 0 ? c : <i32>la - <i32>lb;
}

export function _start(): void {
  const role = arg(1);
  if (role == null || (role != 'map' && role != 'reduce')) exit(EX_USAGE);
  const input = readStdin();
  init(1024);
  if (role == 'map') mapText(input.ptr, input.len);
  else reduceLines(input.ptr, input.len);

  const slots = new Array<i32>(0);
  for (let i = 0; i < keyLen.length; i++) if (unchecked(keyLen[i]) != 0) slots.push(i);
  slots.sort(compareSlots);
  const out = new Out();
  for (let k = 0; k < slots.length; k++) {
    const i = unchecked(slots[k]);
    out.bytes(<usize>unchecked(keyPtr[i]), unchecked(keyLen[i]));
    out.byte(32);
    out.decimal(unchecked(counts[i]));
    out.byte(10);
  }
  out.flush();
}
