/** The package's version (package.json), which `cairn --version` and `node.status` report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let version: string | undefined;

export function cairnVersion(): string {
  version ??= (
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  return version;
}
