/**
 * Decodes the cairn contracts' events in a transaction receipt for the contract suites, through
 * starknet.js's generic ABI parser: an independent reading of the compiled ABIs, so these tests
 * do not share a decoder with the indexer they check (which has its own, faster codec in
 * src/chain/events/event-codec.ts). Names are the short variant names ('JobCreated'); fields
 * come back as starknet.js parses them (integers as bigint, ByteArray as string, bool).
 */
import { CallData, createAbiParser, events, type Abi } from 'starknet';
import { JobMarketAbi } from '../../../src/chain/abi/JobMarket.abi';
import { ReputationAbi } from '../../../src/chain/abi/Reputation.abi';
import { StakingRegistryAbi } from '../../../src/chain/abi/StakingRegistry.abi';
import type { ContractName } from '../../../src/chain/artifacts';

export interface RawEvent {
  from_address: string;
  keys: string[];
  data: string[];
}

export interface CairnEvent {
  contract: ContractName;
  name: string;
  fields: Record<string, unknown>;
}

export interface CairnAddresses {
  market: string;
  registry: string;
  reputation: string;
}

interface Decoder {
  contract: ContractName;
  abiEvents: ReturnType<typeof events.getAbiEvents>;
  structs: ReturnType<typeof CallData.getAbiStruct>;
  enums: ReturnType<typeof CallData.getAbiEnum>;
  parser: ReturnType<typeof createAbiParser>;
}

function decoderFor(contract: ContractName, abi: Abi): Decoder {
  return {
    contract,
    abiEvents: events.getAbiEvents(abi),
    structs: CallData.getAbiStruct(abi),
    enums: CallData.getAbiEnum(abi),
    parser: createAbiParser(abi),
  };
}

export class CairnEventDecoder {
  private readonly byAddress: Map<bigint, Decoder>;

  constructor(addresses: CairnAddresses) {
    this.byAddress = new Map([
      [BigInt(addresses.market), decoderFor('JobMarket', JobMarketAbi as unknown as Abi)],
      [BigInt(addresses.registry), decoderFor('StakingRegistry', StakingRegistryAbi as unknown as Abi)],
      [BigInt(addresses.reputation), decoderFor('Reputation', ReputationAbi as unknown as Abi)],
    ]);
  }


  /**
   * The decoded event, or undefined when it comes from another contract. An event from a
   * cairn contract that does not match its ABI throws: the deployment and the ABIs disagree.
   */
  decode(raw: RawEvent): CairnEvent | undefined {
    const d = this.byAddress.get(BigInt(raw.from_address));
    if (!d) return undefined;
    const parsed = events.parseEvents([raw as never], d.abiEvents, d.structs, d.enums, d.parser);
    const entry = parsed[0];
    const name = entry && Object.keys(entry).find((k) => k.includes('::'));
    if (!entry || !name) {
      throw new Error(`${d.contract} event with selector ${raw.keys[0]} is not in its ABI`);
    }
    return { contract: d.contract, name: name.split('::').pop()!, fields: entry[name] as Record<string, unknown> };
  }
}
