/**
 * Build-time circuit preparation: circom source -> R1CS and witness generator (circom2, the
 * compiler as WebAssembly from npm) -> Groth16 proving and verification keys (snarkjs).
 *
 * The phase-1 parameters (powers of tau) come from a ceremony file when CAIRN_PTAU (or
 * `ptauFile`) names one. Otherwise they are generated here with a single local contribution,
 * which is for development only: whoever ran this build knows the toxic waste and could forge
 * proofs. Preparing phase 2 grows steeply with the power of two, so circuits are kept small.
 *
 * Everything is cached under ${CAIRN_CACHE:-~/.cache/cairn}/circuits/<key>, keyed by the hash of
 * the circuit sources, the tool versions and the phase-1 source, and copied to build/circuits/.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as snarkjs from 'snarkjs';
import { cacheDir, REPO_ROOT } from '../chain/toolchain';
import { copyWhenChanged, packageVersion, sha256File } from '../shared/build-cache';

export interface CircuitArtifacts {
  name: string;
  /** build/circuits/<name>/ */
  dir: string;
  r1csPath: string;
  /** The witness generator. */
  wasmPath: string;
  zkeyPath: string;
  vkeyPath: string;
  constraints: number;
  /** Public signals: outputs, then public inputs. */
  publicSignals: number;
  /** log2 of the evaluation domain the setup covers. */
  power: number;
  /** Where phase 1 came from. */
  ptau: 'local-dev' | 'ceremony';
  cacheKey: string;
}

export interface CircuitBuildOptions {
  name: string;
  /** The .circom file with `component main`; includes are resolved from its directory. */
  main: string;
  /** A ceremony's powers-of-tau file (e.g. powersOfTau28_hez_final_14.ptau); default $CAIRN_PTAU. */
  ptauFile?: string;
  log?: (msg: string) => void;
}

interface Info {
  constraints: number;
  publicSignals: number;
  power: number;
  ptau: CircuitArtifacts['ptau'];
}

/** The power-of-two domain snarkjs needs for a circuit (its own formula, in newZKey). */
export function domainPower(constraints: number, publicInputs: number, outputs: number): number {
  return Math.floor(Math.log2(constraints + publicInputs + outputs)) + 1;
}

function circomSources(main: string): string {
  const dir = dirname(main);
  const h = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.circom'))
    .sort()) {
    h.update(f)
      .update('\0')
      .update(readFileSync(join(dir, f)))
      .update('\0');
  }
  return h.update(basename(main)).digest('hex');
}

export async function buildCircuit(opts: CircuitBuildOptions): Promise<CircuitArtifacts> {
  const log = opts.log ?? (() => undefined);
  const ceremony = opts.ptauFile ?? process.env.CAIRN_PTAU;
  if (ceremony && !existsSync(ceremony)) throw new Error(`powers-of-tau file ${ceremony} does not exist`);
  const tools = `circom2@${packageVersion('circom2')}+snarkjs@${packageVersion('snarkjs')}`;
  const phase1 = ceremony ? `ceremony:${sha256File(ceremony)}` : 'local-dev';
  const cacheKey = createHash('sha256')
    .update(`${circomSources(opts.main)}|${tools}|${phase1}`)
    .digest('hex')
    .slice(0, 32);
  const cached = join(cacheDir(), 'circuits', cacheKey);
  if (!existsSync(join(cached, 'info.json'))) {
    const t0 = Date.now();
    await compileAndSetup(opts, cached, ceremony, log);
    log(`${opts.name}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    log(`${opts.name}: up to date (${cacheKey.slice(0, 12)})`);
  }
  const dir = join(REPO_ROOT, 'build', 'circuits', opts.name);
  mkdirSync(dir, { recursive: true });
  for (const f of ['circuit.r1cs', 'circuit.wasm', 'circuit.zkey', 'verification_key.json', 'info.json'])
    copyWhenChanged(join(cached, f), join(dir, f));
  const info = JSON.parse(readFileSync(join(cached, 'info.json'), 'utf8')) as Info;
  return {
    name: opts.name,
    dir,
    r1csPath: join(dir, 'circuit.r1cs'),
    wasmPath: join(dir, 'circuit.wasm'),
    zkeyPath: join(dir, 'circuit.zkey'),
    vkeyPath: join(dir, 'verification_key.json'),
    ...info,
    cacheKey,
  };
}

async function compileAndSetup(
  opts: CircuitBuildOptions,
  cached: string,
  ceremony: string | undefined,
  log: (msg: string) => void,
): Promise<void> {
  const tmp = `${cached}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const base = basename(opts.main, '.circom');
  log(`${opts.name}: compiling ${basename(opts.main)} with circom2`);
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'circom2', 'cli.js'),
      basename(opts.main),
      '--r1cs',
      '--wasm',
      '-o',
      tmp,
    ],
    { cwd: dirname(opts.main), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  renameSync(join(tmp, `${base}.r1cs`), join(tmp, 'circuit.r1cs'));
  renameSync(join(tmp, `${base}_js`, `${base}.wasm`), join(tmp, 'circuit.wasm'));
  rmSync(join(tmp, `${base}_js`), { recursive: true, force: true });

  const r1cs = join(tmp, 'circuit.r1cs');
  const cir = await snarkjs.r1cs.info(r1cs);
  const power = domainPower(cir.nConstraints, cir.nPubInputs, cir.nOutputs);
  const ptau = ceremony ?? (await localPtau(Math.max(power, 8), log));
  log(`${opts.name}: ${cir.nConstraints} constraints, domain 2^${power}; Groth16 setup`);
  const z0 = join(tmp, 'circuit_0.zkey');
  await snarkjs.zKey.newZKey(r1cs, ptau, z0);
  // Phase 2: one local contribution. Like the local phase 1, for development only.
  await snarkjs.zKey.contribute(
    z0,
    join(tmp, 'circuit.zkey'),
    'cairn local dev',
    randomBytes(32).toString('hex'),
  );
  rmSync(z0);
  const vkey = await snarkjs.zKey.exportVerificationKey(join(tmp, 'circuit.zkey'));
  writeFileSync(join(tmp, 'verification_key.json'), JSON.stringify(vkey));
  const info: Info = {
    constraints: cir.nConstraints,
    publicSignals: cir.nOutputs + cir.nPubInputs,
    power,
    ptau: ceremony ? 'ceremony' : 'local-dev',
  };
  writeFileSync(join(tmp, 'info.json'), JSON.stringify(info, null, 2));
  publish(tmp, cached);
}

/** Moves a finished build into the cache; if a concurrent build got there first, keeps theirs. */
function publish(tmp: string, cached: string): void {
  mkdirSync(dirname(cached), { recursive: true });
  try {
    renameSync(tmp, cached);
  } catch (err) {
    if (!existsSync(join(cached, 'info.json'))) throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A development-only powers-of-tau file for 2^power constraints: a new accumulator, one
 * contribution with fresh entropy, prepared for phase 2. Cached per power.
 */
async function localPtau(power: number, log: (msg: string) => void): Promise<string> {
  const dir = join(cacheDir(), 'ptau');
  const final = join(dir, `local-dev-bn128-${power}-snarkjs${packageVersion('snarkjs')}.ptau`);
  if (existsSync(final)) return final;
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  log(`powers of tau 2^${power}: generating locally (development only; set CAIRN_PTAU to use a ceremony's)`);
  const p0 = `${final}.${process.pid}.0`;
  const p1 = `${final}.${process.pid}.1`;
  const p2 = `${final}.${process.pid}.2`;
  const curve = await snarkjs.curves.getCurveFromName('bn128');
  await snarkjs.powersOfTau.newAccumulator(curve, power, p0);
  await snarkjs.powersOfTau.contribute(p0, p1, 'cairn local dev', randomBytes(32).toString('hex'));
  await snarkjs.powersOfTau.preparePhase2(p1, p2);
  renameSync(p2, final);
  rmSync(p0, { force: true });
  rmSync(p1, { force: true });
  log(`powers of tau 2^${power}: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return final;
}

/** Stops snarkjs's curve worker threads so a build script can exit. */
export async function releaseSnarkjs(): Promise<void> {
  // ffjavascript keeps the multi-threaded curve in this global; terminating it clears it.
  await (globalThis as { curve_bn128?: snarkjs.Curve | null }).curve_bn128?.terminate();
}
