/**
 * Manifest validation: the JSON Schema (with ajv), then what a schema cannot say (the graph, a
 * price that fits a u256, the node's ceilings, fields that conflict). Every refusal names the
 * path and the reason.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { ManifestError, type ManifestIssue } from './errors';
import { checkGraph } from './graph';
import { parseManifestText } from './parse';
import { manifestSchema, PATTERN_MEANINGS } from './schema';
import type { Manifest, ValidatedManifest } from './types';

/** The node's limits; a manifest asking for more is refused before it is bid on. */
export interface ManifestCeilings {
  memoryPages: number;
  fuel: number;
  wallTimeMs: number;
  outputBytes: number;
}

const U256_MAX = (1n << 256n) - 1n;

let compiled: ValidateFunction<Manifest> | undefined;

function validator(): ValidateFunction<Manifest> {
  // allErrors: a poster fixing a manifest wants every problem at once, not one per attempt.
  compiled ??= new Ajv2020({
    allErrors: true,
    discriminator: true,
    verbose: true,
    strict: true,
  }).compile<Manifest>(manifestSchema);
  return compiled;
}

/** `/tasklets/0/input/from/1` -> `tasklets[0].input.from[1]`. */
function toPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  }
  return out;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describe(e: ErrorObject): ManifestIssue {
  const path = toPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: join(path, String(p.missingProperty)), reason: 'is required but missing' };
    case 'additionalProperties':
      return { path: join(path, String(p.additionalProperty)), reason: 'is not a known field' };
    case 'type': {
      const hint =
        p.type === 'string' && typeof e.data === 'number' ? ' (quote it: large numbers lose digits)' : '';
      return { path, reason: `must be ${String(p.type)}, not ${typeName(e.data)}${hint}` };
    }
    case 'pattern':
      return {
        path,
        reason: `must be ${PATTERN_MEANINGS[String(p.pattern)] ?? `text matching ${String(p.pattern)}`}`,
      };
    case 'enum':
      return {
        path,
        reason: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path, reason: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'discriminator':
      return p.error === 'tag'
        ? { path: join(path, String(p.tag)), reason: 'is required and must be a string' }
        : { path: join(path, String(p.tag)), reason: 'must be one of "none", "redundancy", "groth16"' };
    case 'minProperties':
    case 'maxProperties':
      return { path, reason: `must have exactly one of: ${oneOfFields(e)}` };
    default:
      return { path, reason: e.message ?? e.keyword };
  }
}

function oneOfFields(e: ErrorObject): string {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return Object.keys(props).join(', ');
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function schemaIssues(errors: ErrorObject[]): ManifestIssue[] {
  // A failed discriminator also reports its failed branch; keep the most specific messages and
  // drop exact repeats.
  const seen = new Set<string>();
  const out: ManifestIssue[] = [];
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const issue = describe(e);
    const key = `${issue.path}|${issue.reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(issue);
    }
  }
  return out;
}

function ceilingIssues(m: Manifest, ceilings: ManifestCeilings): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const over = (path: string, v: number, max: number, unit: string) => {
    if (v > max) issues.push({ path, reason: `asks for ${v} ${unit}; this node allows at most ${max}` });
  };
  over('resources.memoryPages', m.resources.memoryPages, ceilings.memoryPages, 'pages');
  over('resources.fuel', m.resources.fuel, ceilings.fuel, 'fuel');
  over('resources.wallTimeMs', m.resources.wallTimeMs, ceilings.wallTimeMs, 'ms');
  over('output.maxBytes', m.output.maxBytes, ceilings.outputBytes, 'bytes');
  return issues;
}

/**
 * Refuses (OUT_OF_RANGE) a manifest asking for more than a node's ceilings. For a manifest that
 * was validated elsewhere (by the poster, or without ceilings) and is about to run here.
 */
export function checkCeilings(m: Manifest, ceilings: ManifestCeilings): void {
  const issues = ceilingIssues(m, ceilings);
  if (issues.length) throw new ManifestError('OUT_OF_RANGE', issues);
}

function checkRanges(m: Manifest, ceilings?: ManifestCeilings): void {
  const issues: ManifestIssue[] = [];
  if (BigInt(m.priceCeiling) > U256_MAX) {
    issues.push({ path: 'priceCeiling', reason: 'must fit a u256 (at most 2^256 - 1 FRI)' });
  }
  if (ceilings) issues.push(...ceilingIssues(m, ceilings));
  if (issues.length) throw new ManifestError('OUT_OF_RANGE', issues);
}

function checkConflicts(m: Manifest): void {
  if (m.verification.mode === 'groth16' && m.output.format !== 'json') {
    throw new ManifestError('CONFLICT', [
      {
        path: 'output.format',
        reason: `must be "json" with groth16 verification: the steps' output is the circuit's input signals`,
      },
    ]);
  }
}

/** Validates an already-parsed manifest value. Throws ManifestError. */
export function validateManifest(value: unknown, ceilings?: ManifestCeilings): ValidatedManifest {
  const validate = validator();
  if (!validate(value)) throw new ManifestError('SCHEMA', schemaIssues(validate.errors ?? []));
  const manifest = value;
  checkRanges(manifest, ceilings);
  checkConflicts(manifest);
  const { order, sink } = checkGraph(manifest);
  return { manifest, order, sink };
}

/** Parses (JSON or YAML) and validates. Throws ManifestError. */
export function loadManifest(source: string | Uint8Array, ceilings?: ManifestCeilings): ValidatedManifest {
  return validateManifest(parseManifestText(source), ceilings);
}
