/* eslint-disable @typescript-eslint/ban-ts-comment -- AssemblyScript, compiled by asc (examples/build.ts), not by tsc */
// @ts-nocheck
/**
 * The circuit job's tasklet: turns the poster's input (any bytes on stdin) into the circuit's
 * input signal, x = FNV-1a-64(stdin), printed as `{"x":"<decimal>"}`. The prover then proves
 * y = SquareChain(x) (circuit/square-chain.circom) and publishes [y, x].
 */
import { Out, readStdin } from '../../lib/wasi';

export function _start(): void {
  const input = readStdin();
  let h: u64 = ((<u64>0xcbf29ce4) << 32) | 0x84222325; // the FNV-1a 64 offset basis
  for (let i = 0; i < input.len; i++) h = (h ^ (<u64>load<u8>(input.ptr + i))) * 0x100000001b3;
  const out = new Out();
  out.ascii('{"x":"');
  out.decimal(h);
  out.ascii('"}');
  out.flush();
}
