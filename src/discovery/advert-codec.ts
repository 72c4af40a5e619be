import { feltFromBytes, feltToBytes } from '../p2p/felt-codec';
import { decodePayload, reject } from '../p2p/errors';
import { WorkerAdvert as WorkerAdvertPb } from '../p2p/proto/generated/cairn';
import { FEATURE_NAME, MAX_FEATURES } from './capabilities';
import { checkPublicCapabilities, type PublicCapabilities } from './advert-noise';

export interface Advert {
  /** Noised buckets, never exact figures (advert-noise.ts). */
  caps: PublicCapabilities;
  /** Higher replaces lower; a worker uses its start time in ms plus a counter. */
  sequence: bigint;
}

/** Epsilon travels in thousandths; values are rounded to what the wire can say. */
export function wireEpsilon(epsilon: number): number {
  return Math.round(epsilon * 1000) / 1000;
}

export function encodeAdvert(a: Advert): Uint8Array {
  return WorkerAdvertPb.encode({
    workerAddress: feltToBytes(a.caps.workerAddress),
    wasmFeatures: a.caps.wasmFeatures,
    sequence: a.sequence,
    coresBucket: a.caps.coresBucket,
    memoryBucket: a.caps.memoryBucket,
    fuelBucket: a.caps.fuelBucket,
    priceBucket: a.caps.priceBucket,
    epsilonMilli: Math.round(a.caps.epsilon * 1000),
  }).finish();
}

export function decodeAdvert(payload: Uint8Array): Advert {
  const pb = decodePayload(WorkerAdvertPb, payload, 'advert');
  if (pb.wasmFeatures.length > MAX_FEATURES || pb.wasmFeatures.some((f) => !FEATURE_NAME.test(f))) {
    throw reject('INVALID_PAYLOAD', 'bad wasm features');
  }
  // A worker with no cores or no memory has nothing to offer; bucket 0 means exactly that.
  if (pb.coresBucket === 0 && pb.memoryBucket === 0)
    throw reject('INVALID_PAYLOAD', 'advert with no capacity');
  return {
    caps: checkPublicCapabilities({
      workerAddress: feltFromBytes(pb.workerAddress, 'worker_address'),
      wasmFeatures: pb.wasmFeatures,
      coresBucket: pb.coresBucket,
      memoryBucket: pb.memoryBucket,
      fuelBucket: pb.fuelBucket,
      priceBucket: pb.priceBucket,
      epsilon: pb.epsilonMilli / 1000,
    }),
    sequence: pb.sequence,
  };
}
