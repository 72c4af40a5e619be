/** WebAssembly text to binary with wabt, for the hand-written modules of the tests. */
import wabtInit from 'wabt';

let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

export async function wat(text: string): Promise<Uint8Array> {
  wabt ??= await wabtInit();
  const mod = wabt.parseWat('test.wat', text, { simd: true, threads: true });
  try {
    return mod.toBinary({}).buffer;
  } finally {
    mod.destroy();
  }
}
