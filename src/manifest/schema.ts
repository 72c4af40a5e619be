/**
 * The job language: the JSON Schema of a manifest (draft 2020-12). It is the definition; the
 * TypeScript types in types.ts are derived from it, so the two cannot drift. `description`s are
 * written to be shown to a poster: validation messages for patterns quote them.
 */

const SHA256 = '^[0-9a-f]{64}$';
const ID = '^[a-z0-9][a-z0-9_-]{0,62}$';
const DECIMAL = '^(0|[1-9][0-9]{0,77})$';
const BASE64 = '^[A-Za-z0-9+/]*={0,2}$';

/** What each pattern means, for validation messages ("must be ..."). */
export const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  [SHA256]: 'a sha256: 64 lowercase hex digits',
  [ID]: 'an id: lowercase letters, digits, - and _, at most 63, starting with a letter or digit',
  [DECIMAL]: 'a decimal integer without leading zeros or sign',
  [BASE64]: 'base64 (A-Z, a-z, 0-9, +, / and = padding)',
};

const sha256 = { type: 'string', pattern: SHA256 } as const;

const id = { type: 'string', pattern: ID } as const;

const entry = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  description: 'the exported function to call; defaults to _start',
} as const;

const args = {
  type: 'array',
  maxItems: 256,
  items: { type: 'string', maxLength: 4096 },
  description: 'argv[1..] of the module',
} as const;

const taskletIds = {
  type: 'array',
  minItems: 1,
  maxItems: 1024,
  uniqueItems: true,
  items: id,
} as const;

const tasklet = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'module'],
  properties: {
    id,
    module: { ...sha256, description: 'the WebAssembly module, by the sha256 of its bytes' },
    entry,
    args,
    input: {
      type: 'object',
      description: 'stdin: inline text, base64 bytes, a stored blob, or the outputs of other tasklets',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: {
        text: { type: 'string', maxLength: 65536 },
        base64: { type: 'string', maxLength: 87384, pattern: BASE64 },
        blob: { ...sha256, description: 'a stored input, by the sha256 of its bytes' },
        from: { ...taskletIds, description: 'tasklet ids whose outputs are concatenated, in this order' },
      },
    },
  },
} as const;

const aggregate = {
  type: 'object',
  description: 'the reduce step: its stdin is the outputs of `from` (default: every tasklet), concatenated',
  additionalProperties: false,
  required: ['module'],
  properties: {
    module: { ...sha256, description: 'the WebAssembly module, by the sha256 of its bytes' },
    entry,
    args,
    from: taskletIds,
  },
} as const;

const resources = {
  type: 'object',
  description: 'limits applied to each tasklet and to the aggregate step',
  additionalProperties: false,
  required: ['memoryPages', 'fuel', 'wallTimeMs'],
  properties: {
    memoryPages: {
      type: 'integer',
      minimum: 1,
      maximum: 65536,
      description: 'linear memory cap in 64 KiB pages',
    },
    fuel: {
      type: 'integer',
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'instructions a step may execute (deterministic metering)',
    },
    wallTimeMs: {
      type: 'integer',
      minimum: 1,
      maximum: 86_400_000,
      description: 'wall-clock limit per step',
    },
  },
} as const;

const output = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'maxBytes'],
  properties: {
    format: { enum: ['bytes', 'text', 'json'], description: 'text must be UTF-8; json must parse' },
    maxBytes: { type: 'integer', minimum: 1, maximum: 1_073_741_824, description: 'stdout cap of each step' },
  },
} as const;

const verification = {
  type: 'object',
  description: 'how the poster checks the result',
  required: ['mode'],
  properties: { mode: { type: 'string' } },
  discriminator: { propertyName: 'mode' },
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['mode'],
      properties: { mode: { const: 'none' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['mode', 'k'],
      properties: {
        mode: { const: 'redundancy' },
        k: {
          type: 'integer',
          minimum: 2,
          maximum: 16,
          description: 'how many workers must return the same output',
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['mode', 'circuit', 'verificationKey'],
      properties: {
        mode: { const: 'groth16' },
        circuit: {
          type: 'object',
          description: 'the circuit the worker proves: the output is its input signals',
          additionalProperties: false,
          required: ['wasm', 'zkey'],
          properties: {
            wasm: { ...sha256, description: 'the witness generator (circom --wasm), by sha256' },
            zkey: { ...sha256, description: 'the Groth16 proving key, by sha256' },
          },
        },
        verificationKey: { ...sha256, description: 'the verification key (JSON), by sha256' },
      },
    },
  ],
} as const;

export const manifestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cairn.dev/schemas/job-manifest-v1.json',
  title: 'cairn job manifest',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'name', 'tasklets', 'resources', 'output', 'priceCeiling', 'verification'],
  properties: {
    version: { const: 1 },
    name: { type: 'string', minLength: 1, maxLength: 128 },
    tasklets: { type: 'array', minItems: 1, maxItems: 1024, items: tasklet },
    aggregate,
    resources,
    output,
    priceCeiling: {
      type: 'string',
      pattern: DECIMAL,
      description: 'the most the poster will pay, in FRI (10^-18 STRK), as a decimal integer string',
    },
    verification,
  },
} as const;
