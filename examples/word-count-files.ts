/**
 * The word-count example as the files a poster hands to `cairn job post`: the manifest (YAML),
 * the module and one input shard per part of the text, written into a folder. `npm start` writes
 * them under .cairn/examples/word-count/ and posts them as its first job.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExamples } from './build';
import { wordCountManifest } from './manifests';

export const SAMPLE_TEXT = [
  'a cairn is a heap of stones set up as a landmark on a trail',
  'walkers add a stone to the cairn as they pass so the trail stays marked',
  'in mist on the ridge the next cairn shows the way to the summit',
  'the summit cairn is the tallest stone heap on the trail',
].join('\n');

export interface WordCountFiles {
  manifest: string;
  /** The module first, then the shards. */
  blobs: string[];
}

/** Writes the example into `dir`, the text split at line ends into `shards` parts. */
export async function writeWordCountFiles(
  dir: string,
  text = SAMPLE_TEXT,
  shards = 2,
): Promise<WordCountFiles> {
  const built = await buildExamples();
  mkdirSync(dir, { recursive: true });
  const lines = text.split('\n');
  const per = Math.ceil(lines.length / shards);
  const module = join(dir, 'wordcount.wasm');
  writeFileSync(module, built.modules.wordcount.bytes);
  const parts: string[] = [];
  const hashes: string[] = [];
  for (let i = 0; i < shards; i++) {
    const body = lines.slice(i * per, (i + 1) * per).join('\n') + '\n';
    const file = join(dir, `shard-${i}.txt`);
    writeFileSync(file, body);
    parts.push(file);
    hashes.push(createHash('sha256').update(body).digest('hex'));
  }
  const manifest = join(dir, 'manifest.yaml');
  writeFileSync(
    manifest,
    wordCountManifest({ module: built.modules.wordcount.sha256, shards: hashes, maxBytes: 4096 }),
  );
  return { manifest, blobs: [module, ...parts] };
}
