export {
  buildCircuit,
  type CircuitArtifacts,
  type CircuitBuildOptions,
  domainPower,
  releaseSnarkjs,
} from './circuit-build';
export { ProverError, type ProverErrorCode } from './errors';
export { ProverModule } from './prover.module';
export {
  type AcceptedResult,
  BN254_R,
  checkPublicSignals,
  encodePublicSignals,
  type Groth16JobResult,
  type ProofResult,
  ProverService,
} from './prover.service';
export { parseProverConfig, type ProverConfig, type ProverConfigInput, proverConfigSchema } from './config';
