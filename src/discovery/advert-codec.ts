import { feltFromBytes, feltToBytes, u256FromBytes, u256ToBytes } from '../p2p/felt-codec';
import { decodePayload, reject } from '../p2p/errors';
import { WorkerAdvert as WorkerAdvertPb } from '../p2p/proto/generated/cairn';
import { FEATURE_NAME, MAX_FEATURES, type Capabilities } from './capabilities';

export interface Advert {
  caps: Capabilities;
  /** Higher replaces lower; a worker uses its start time in ms plus a counter. */
  sequence: bigint;
}

export function encodeAdvert(a: Advert): Uint8Array {
  return WorkerAdvertPb.encode({
    workerAddress: feltToBytes(a.caps.workerAddress),
    cores: a.caps.cores,
    memoryMb: BigInt(a.caps.memoryMb),
    wasmFeatures: a.caps.wasmFeatures,
    fuelPerSecond: a.caps.fuelPerSecond,
    pricePerFuel: u256ToBytes(a.caps.pricePerFuel),
    sequence: a.sequence,
  }).finish();
}

export function decodeAdvert(payload: Uint8Array): Advert {
  const pb = decodePayload(WorkerAdvertPb, payload, 'advert');
  if (pb.cores === 0) throw reject('INVALID_PAYLOAD', 'advert with no cores');
  if (pb.memoryMb === 0n || pb.memoryMb > BigInt(Number.MAX_SAFE_INTEGER))
    throw reject('INVALID_PAYLOAD', 'advert memory out of range');
  if (pb.wasmFeatures.length > MAX_FEATURES || pb.wasmFeatures.some((f) => !FEATURE_NAME.test(f))) {
    throw reject('INVALID_PAYLOAD', 'bad wasm features');
  }
  return {
    caps: {
      workerAddress: feltFromBytes(pb.workerAddress, 'worker_address'),
      cores: pb.cores,
      memoryMb: Number(pb.memoryMb),
      wasmFeatures: pb.wasmFeatures,
      fuelPerSecond: pb.fuelPerSecond,
      pricePerFuel: u256FromBytes(pb.pricePerFuel, 'price_per_fuel'),
    },
    sequence: pb.sequence,
  };
}
