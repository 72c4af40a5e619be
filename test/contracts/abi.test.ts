/**
 * The typed clients are typed from ABI modules checked in under src/chain/abi. They must be
 * exactly what the current Cairo sources compile to, or the node and the indexer would encode
 * calls and decode events for a contract that no longer exists. Fix a failure with
 * `npm run contracts:build`, which rewrites them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ABI_DIR, COMMON_ABI_FILE, abiModule, abiModulesFrom } from '../../scripts/contracts/abi-modules';
import { buildDir, CONTRACT_NAMES } from '../../src/chain/artifacts';

const compiledClass = (name: string) => join(buildDir(), `${name}.contract_class.json`);

describe.each(CONTRACT_NAMES)('%s ABI module', (name) => {
  it('matches the compiled class', () => {
    const compiled = abiModule(name, compiledClass(name));
    const checkedIn = readFileSync(join(ABI_DIR, `${name}.abi.ts`), 'utf8');
    expect(checkedIn).toBe(compiled);
  });

  // The module is written an entry a line, with shared entries named from common.abi.ts: its
  // value, not only its text, must be the compiled class's ABI, entry for entry.
  it('holds the compiled ABI as its value', async () => {
    const module = (await import(join(ABI_DIR, `${name}.abi`))) as Record<string, unknown>;
    const { abi } = JSON.parse(readFileSync(compiledClass(name), 'utf8')) as { abi: unknown[] };
    expect(module[`${name}Abi`]).toEqual(abi);
  });
});

test('the ABI entries the contracts share (common.abi.ts) match the compiled classes', () => {
  const compiled = abiModulesFrom(buildDir())[COMMON_ABI_FILE];
  const checkedIn = readFileSync(join(ABI_DIR, COMMON_ABI_FILE), 'utf8');
  expect(checkedIn).toBe(compiled);
});
