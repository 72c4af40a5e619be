/**
 * Writing a record so that a crash leaves either the old file or the new one, never half of
 * either: the text goes to `<file>.tmp`, is fsynced, and is renamed over the file. The node's
 * journals (jobs, graphs) write every step this way.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

export function writeFileDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
