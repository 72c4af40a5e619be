/**
 * Manifest text (JSON or YAML) into a plain value, with parse errors that say where. YAML is
 * parsed with unique keys and a cap on aliases, so a billion-laughs document is refused rather
 * than expanded.
 */
import { parseDocument } from 'yaml';
import { ManifestError } from './errors';
import { jsonErrorOffset } from './json-position';

export const MAX_MANIFEST_BYTES = 256 * 1024;

export function parseManifestText(source: string | Uint8Array, maxBytes = MAX_MANIFEST_BYTES): unknown {
  const size = typeof source === 'string' ? Buffer.byteLength(source) : source.length;
  if (size > maxBytes) {
    throw new ManifestError('TOO_LARGE', [
      { path: '', reason: `manifest is ${size} bytes; at most ${maxBytes}` },
    ]);
  }
  let text: string;
  try {
    text = typeof source === 'string' ? source : new TextDecoder('utf-8', { fatal: true }).decode(source);
  } catch {
    throw new ManifestError('PARSE', [{ path: '', reason: 'manifest is not UTF-8 text' }]);
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(text);
  return parseYaml(text);
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const at = jsonErrorOffset(text);
    const where = at === undefined ? '' : `${lineCol(text, at)}: `;
    throw new ManifestError('PARSE', [{ path: '', reason: `not valid JSON: ${where}${msg}` }]);
  }
}

function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const where = first.linePos?.[0] ? `line ${first.linePos[0].line}, column ${first.linePos[0].col}: ` : '';
    throw new ManifestError('PARSE', [
      {
        path: '',
        reason: `not valid YAML: ${where}${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      },
    ]);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ManifestError('PARSE', [{ path: '', reason: `not valid YAML: ${(err as Error).message}` }]);
  }
}
