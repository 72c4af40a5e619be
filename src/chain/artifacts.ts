/**
 * The compiled contract classes in build/contracts, as written by `npm run contracts:build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, type CompiledSierra, type CompiledSierraCasm } from 'starknet';
import { REPO_ROOT } from './toolchain';

export const CONTRACT_NAMES = ['StakingRegistry', 'Reputation', 'JobMarket'] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

export interface ContractArtifact {
  name: ContractName;
  sierra: CompiledSierra;
  casm: CompiledSierraCasm;
  classHash: string;
  compiledClassHash: string;
}

export function buildDir(): string {
  return process.env.CAIRN_CONTRACTS_DIR ?? join(REPO_ROOT, 'build', 'contracts');
}

interface ManifestEntry {
  name: string;
  classHash: string;
  compiledClassHash: string;
}

export function loadArtifacts(dir = buildDir()): Record<ContractName, ContractArtifact> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`no compiled contracts in ${dir}: run \`npm run contracts:build\` first`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestEntry[];
  const out = {} as Record<ContractName, ContractArtifact>;
  for (const name of CONTRACT_NAMES) {
    const entry = manifest.find((m) => m.name === name);
    if (!entry) throw new Error(`${name} missing from ${manifestPath}: rebuild the contracts`);
    out[name] = {
      name,
      sierra: json.parse(readFileSync(join(dir, `${name}.contract_class.json`), 'utf8')) as CompiledSierra,
      casm: json.parse(
        readFileSync(join(dir, `${name}.compiled_contract_class.json`), 'utf8'),
      ) as CompiledSierraCasm,
      classHash: entry.classHash,
      compiledClassHash: entry.compiledClassHash,
    };
  }
  return out;
}
