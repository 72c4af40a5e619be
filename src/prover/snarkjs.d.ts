/**
 * The part of snarkjs (0.7, untyped) that the prover uses. Values cross as decimal strings;
 * files are paths or in-memory `{ type: 'mem', data }` buffers (fastfile).
 */
declare module 'snarkjs' {
  export type FileRef = string | { type: 'mem'; data?: Uint8Array };

  export interface Groth16Proof {
    pi_a: string[];
    pi_b: string[][];
    pi_c: string[];
    protocol: string;
    curve: string;
  }

  export interface VerificationKey {
    protocol: string;
    curve: string;
    nPublic: number;
    [key: string]: unknown;
  }

  export interface Logger {
    debug(msg: string): void;
    info(msg: string): void;
    warn(msg: string): void;
    error(msg: string): void;
  }

  export interface Curve {
    terminate(): Promise<void>;
  }

  export const curves: {
    getCurveFromName(name: string, options?: { singleThread?: boolean }): Promise<Curve>;
  };

  export const groth16: {
    fullProve(
      input: Record<string, unknown>,
      wasm: FileRef,
      zkey: FileRef,
      logger?: Logger,
    ): Promise<{ proof: Groth16Proof; publicSignals: string[] }>;
    verify(vk: VerificationKey, publicSignals: unknown[], proof: unknown, logger?: Logger): Promise<boolean>;
  };

  export const powersOfTau: {
    newAccumulator(curve: Curve, power: number, ptau: string, logger?: Logger): Promise<unknown>;
    contribute(
      oldPtau: string,
      newPtau: string,
      name: string,
      entropy: string,
      logger?: Logger,
    ): Promise<unknown>;
    preparePhase2(oldPtau: string, newPtau: string, logger?: Logger): Promise<unknown>;
  };

  export const r1cs: {
    info(
      r1cs: string,
      logger?: Logger,
    ): Promise<{
      nConstraints: number;
      nPubInputs: number;
      nPrvInputs: number;
      nOutputs: number;
      nVars: number;
    }>;
  };

  export const zKey: {
    newZKey(r1cs: string, ptau: string, zkey: string, logger?: Logger): Promise<unknown>;
    contribute(
      oldZkey: string,
      newZkey: string,
      name: string,
      entropy: string,
      logger?: Logger,
    ): Promise<unknown>;
    exportVerificationKey(zkey: string, logger?: Logger): Promise<VerificationKey>;
  };
}
