/**
 * The ABIs the indexer decodes with: those of the compiled contracts, read from the
 * `<Contract>.contract_class.json` files that `npm run contracts:build` writes (only the Sierra
 * class is needed, not the CASM that declaring takes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir } from '../../../src/chain/artifacts';
import type { Abi, ContractRole } from './event-codec';

export const CONTRACT_OF_ROLE: Record<ContractRole, string> = {
  market: 'JobMarket',
  registry: 'StakingRegistry',
  reputation: 'Reputation',
};

export class MissingAbiError extends Error {
  constructor(path: string) {
    super(`no compiled contract class at ${path}: run \`npm run contracts:build\` (or set INDEXER_ABI_DIR)`);
    this.name = 'MissingAbiError';
  }
}

export function compiledAbiPath(role: ContractRole, dir = buildDir()): string {
  return join(dir, `${CONTRACT_OF_ROLE[role]}.contract_class.json`);
}

export function hasCompiledAbis(dir = buildDir()): boolean {
  return (Object.keys(CONTRACT_OF_ROLE) as ContractRole[]).every((r) => existsSync(compiledAbiPath(r, dir)));
}

export function loadCompiledAbis(dir = buildDir()): Record<ContractRole, Abi> {
  const out = {} as Record<ContractRole, Abi>;
  for (const role of Object.keys(CONTRACT_OF_ROLE) as ContractRole[]) {
    const path = compiledAbiPath(role, dir);
    if (!existsSync(path)) throw new MissingAbiError(path);
    const abi = (JSON.parse(readFileSync(path, 'utf8')) as { abi: string | Abi }).abi;
    out[role] = typeof abi === 'string' ? (JSON.parse(abi) as Abi) : abi;
  }
  return out;
}
