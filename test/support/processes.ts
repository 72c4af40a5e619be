/** Helpers for tests that run cairn's processes (nodes, the indexer) as children. */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ControlClient } from '../../src/control/client';

/** Keeps what a child writes on stdout and stderr, for the failure message of a test. */
export function captureOutput(child: ChildProcess): { output: string[]; exited: Promise<unknown[]> } {
  const output: string[] = [];
  child.stdout!.on('data', (b: Buffer) => output.push(b.toString()));
  child.stderr!.on('data', (b: Buffer) => output.push(b.toString()));
  return { output, exited: once(child, 'exit') };
}

/**
 * True once the node's control socket answers a ping (the node is then fully up); throws when the
 * node's process has exited. For polling with `until`.
 */
export async function controlAnswers(socketPath: string, child: ChildProcess, name: string): Promise<true> {
  if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
  const c = await ControlClient.connect({ socketPath });
  try {
    await c.call('node.ping');
    return true;
  } finally {
    c.close();
  }
}
