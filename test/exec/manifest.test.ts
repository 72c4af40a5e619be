/**
 * The job language: valid manifests in JSON and YAML are accepted, and every kind of error is
 * refused with a code, the path of the offending field and a reason.
 */
import { stringify } from 'yaml';
import {
  ManifestError,
  type ManifestErrorCode,
  ManifestService,
  type Manifest,
  NODE_VERIFICATION_MODES,
} from '../../src/manifest';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function base(): Manifest {
  return {
    version: 1,
    name: 'wc',
    tasklets: [
      { id: 'map-0', module: A, args: ['map'], input: { text: 'to be or not' } },
      { id: 'map-1', module: A, args: ['map'], input: { blob: B } },
    ],
    aggregate: { module: A, args: ['reduce'] },
    resources: { memoryPages: 64, fuel: 1_000_000, wallTimeMs: 5_000 },
    output: { format: 'text', maxBytes: 4096 },
    priceCeiling: '1000000000000000000',
    verification: { mode: 'redundancy', k: 3 },
  };
}

const svc = new ManifestService({
  ceilings: { memoryPages: 1024, fuel: 1e12, wallTimeMs: 600_000, outputBytes: 1 << 20 },
});

/** Loads `doc` (an object, or text as is) and returns the refusal. */
function refusal(doc: unknown): ManifestError {
  try {
    if (typeof doc === 'string') svc.load(doc);
    else svc.load(JSON.stringify(doc));
  } catch (err) {
    if (err instanceof ManifestError) return err;
    throw err;
  }
  throw new Error('manifest was accepted');
}

function expectRefused(doc: unknown, code: ManifestErrorCode, path: string, reason: RegExp): ManifestError {
  const err = refusal(doc);
  expect(err.code).toBe(code);
  expect(err.issues).toEqual(expect.arrayContaining([{ path, reason: expect.stringMatching(reason) }]));
  // The message alone is enough to act on: it carries the path and the reason.
  expect(err.message).toContain(path);
  return err;
}

function edit(f: (m: Manifest & Record<string, unknown>) => void): Manifest {
  const m = base() as Manifest & Record<string, unknown>;
  f(m);
  return m;
}

describe('valid manifests', () => {
  it('accepts YAML and orders tasklets after their inputs', () => {
    const m = edit((m) => {
      m.tasklets.push({ id: 'post', module: A, input: { from: ['map-0', 'map-1'] } });
      m.aggregate = { module: A, from: ['post'] };
    });
    const v = svc.load(stringify(m));
    expect(v.manifest).toEqual(m);
    expect(v.order.indexOf('post')).toBeGreaterThan(v.order.indexOf('map-0'));
    expect(v.order.indexOf('post')).toBeGreaterThan(v.order.indexOf('map-1'));
  });

  it('accepts the same manifest as JSON', () => {
    expect(svc.load(JSON.stringify(base())).manifest).toEqual(base());
  });

  it('without an aggregate step, the one unread tasklet is the output', () => {
    const v = svc.validate(
      edit((m) => {
        delete m.aggregate;
        m.tasklets[1]!.input = { from: ['map-0'] };
      }),
    );
    expect(v.sink).toBe('map-1');
  });

  it('accepts each verification mode', () => {
    for (const verification of [
      { mode: 'none' },
      { mode: 'redundancy', k: 2 },
      { mode: 'groth16', circuit: { wasm: A, zkey: B }, verificationKey: A },
    ] as const) {
      const m = edit((m) => {
        m.verification = verification;
        m.output.format = 'json';
      });
      expect(svc.validate(m).manifest.verification).toEqual(verification);
    }
  });

  it('hashes the exact bytes posted (the on-chain manifest felt)', () => {
    const text = stringify(base());
    expect(svc.hash(text)).toBe(svc.hash(new TextEncoder().encode(text)));
    expect(svc.hash(text)).not.toBe(svc.hash(`${text}\n`));
  });
});

describe("a node's manifests", () => {
  const node = new ManifestService({ verificationModes: NODE_VERIFICATION_MODES });

  it('refuses a verification mode the node does not carry out, saying which it does', () => {
    let err: unknown;
    try {
      node.validate(edit((m) => (m.verification = { mode: 'redundancy', k: 2 })));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).code).toBe('UNSUPPORTED');
    expect((err as ManifestError).message).toBe(
      'invalid manifest (unsupported): verification.mode: "redundancy" is not carried out by this node (it runs "none", "groth16")',
    );
  });

  it('accepts the modes it runs', () => {
    expect(node.validate(edit((m) => (m.verification = { mode: 'none' }))).manifest.verification.mode).toBe('none');
  });
});

describe('refused manifests', () => {
  it('PARSE: broken JSON, with the line and column', () => {
    expectRefused('{"version": 1,\n  "name": }', 'PARSE', '', /not valid JSON: line 2, column/);
  });

  it('PARSE: broken YAML, with the line and column', () => {
    expectRefused('version: 1\ntasklets: [a,\nname: x', 'PARSE', '', /not valid YAML: line \d+, column \d+/);
  });

  it('PARSE: duplicate YAML keys', () => {
    expectRefused('version: 1\nversion: 2\n', 'PARSE', '', /not valid YAML.*unique/i);
  });

  it('PARSE: a YAML alias bomb is refused, not expanded', () => {
    // Nine levels of ten aliases each would expand to 10^9 strings.
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expectRefused(`${levels.join('\n')}\n`, 'PARSE', '', /not valid YAML: .*alias/i);
  });

  it('TOO_LARGE', () => {
    expectRefused(`# ${'x'.repeat(300 * 1024)}\nversion: 1\n`, 'TOO_LARGE', '', /at most/);
  });

  it('SCHEMA: a missing field', () => {
    expectRefused(
      edit((m) => delete (m as Partial<Manifest>).resources),
      'SCHEMA',
      'resources',
      /required but missing/,
    );
  });

  it('SCHEMA: an unknown field, however deep', () => {
    expectRefused(
      edit((m) => Object.assign(m.tasklets[1]!, { timeout: 5 })),
      'SCHEMA',
      'tasklets[1].timeout',
      /not a known field/,
    );
  });

  it('SCHEMA: a module that is not a sha256', () => {
    expectRefused(
      edit((m) => (m.tasklets[0]!.module = 'abc')),
      'SCHEMA',
      'tasklets[0].module',
      /sha256: 64 lowercase hex digits/,
    );
  });

  it('SCHEMA: a wrong type, with a hint for unquoted big numbers', () => {
    expectRefused(
      'version: 1\nname: x\ntasklets: [{id: a, module: ' +
        A +
        '}]\nresources: {memoryPages: 1, fuel: 1, wallTimeMs: 1}\noutput: {format: text, maxBytes: 1}\npriceCeiling: 1000000000000000000000\nverification: {mode: none}\n',
      'SCHEMA',
      'priceCeiling',
      /must be string, not a number \(quote it/,
    );
  });

  it('SCHEMA: a value out of the schema range', () => {
    expectRefused(
      edit((m) => (m.resources.memoryPages = 0)),
      'SCHEMA',
      'resources.memoryPages',
      /must be >= 1/,
    );
  });

  it('SCHEMA: an unknown output format', () => {
    expectRefused(
      edit((m) => ((m.output as { format: string }).format = 'csv')),
      'SCHEMA',
      'output.format',
      /one of "bytes", "text", "json"/,
    );
  });

  it('SCHEMA: an unknown verification mode', () => {
    expectRefused(
      edit((m) => ((m.verification as { mode: string }).mode = 'trust-me')),
      'SCHEMA',
      'verification.mode',
      /one of "none", "redundancy", "groth16"/,
    );
  });

  it('SCHEMA: redundancy without k', () => {
    expectRefused(
      edit((m) => (m.verification = { mode: 'redundancy' } as Manifest['verification'])),
      'SCHEMA',
      'verification.k',
      /required but missing/,
    );
  });

  it('SCHEMA: an input with two sources', () => {
    expectRefused(
      edit((m) => (m.tasklets[0]!.input = { text: 'x', blob: B })),
      'SCHEMA',
      'tasklets[0].input',
      /exactly one of: text, base64, blob, from/,
    );
  });

  it('SCHEMA: reports every problem at once', () => {
    const err = refusal(
      edit((m) => {
        m.name = '';
        m.tasklets[0]!.id = 'Not An Id';
        m.resources.fuel = 0;
      }),
    );
    expect(err.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['name', 'tasklets[0].id', 'resources.fuel']),
    );
  });

  it('DUPLICATE_ID', () => {
    expectRefused(
      edit((m) => (m.tasklets[1]!.id = 'map-0')),
      'DUPLICATE_ID',
      'tasklets[1].id',
      /already the id of tasklets\[0\]/,
    );
  });

  it('UNKNOWN_REFERENCE: a tasklet reading a missing tasklet', () => {
    expectRefused(
      edit((m) => (m.tasklets[1]!.input = { from: ['map-9'] })),
      'UNKNOWN_REFERENCE',
      'tasklets[1].input.from[0]',
      /no tasklet has the id "map-9"/,
    );
  });

  it('UNKNOWN_REFERENCE: the aggregate reading a missing tasklet', () => {
    expectRefused(
      edit((m) => (m.aggregate!.from = ['map-0', 'nope'])),
      'UNKNOWN_REFERENCE',
      'aggregate.from[1]',
      /no tasklet has the id "nope"/,
    );
  });

  it('CYCLE: tasklets reading each other, with the loop named', () => {
    const err = expectRefused(
      edit((m) => {
        m.tasklets[0]!.input = { from: ['map-1'] };
        m.tasklets[1]!.input = { from: ['map-0'] };
      }),
      'CYCLE',
      'tasklets[0].input.from',
      /loop: map-0 -> map-1 -> map-0/,
    );
    expect(err.issues).toHaveLength(1);
  });

  it('CYCLE: a tasklet reading itself', () => {
    expectRefused(
      edit((m) => (m.tasklets[1]!.input = { from: ['map-1'] })),
      'CYCLE',
      'tasklets[1].input.from',
      /map-1 -> map-1/,
    );
  });

  it('AMBIGUOUS_OUTPUT: two unread tasklets and no aggregate step', () => {
    expectRefused(
      edit((m) => delete m.aggregate),
      'AMBIGUOUS_OUTPUT',
      'tasklets',
      /2 do \(map-0, map-1\); add an aggregate step/,
    );
  });

  it('OUT_OF_RANGE: a price above u256', () => {
    expectRefused(
      edit((m) => (m.priceCeiling = (2n ** 256n).toString())),
      'OUT_OF_RANGE',
      'priceCeiling',
      /fit a u256/,
    );
  });

  it("OUT_OF_RANGE: resources above the node's ceilings", () => {
    expectRefused(
      edit((m) => (m.resources.memoryPages = 4096)),
      'OUT_OF_RANGE',
      'resources.memoryPages',
      /asks for 4096 pages; this node allows at most 1024/,
    );
  });

  it('CONFLICT: groth16 with a non-JSON output', () => {
    expectRefused(
      edit((m) => (m.verification = { mode: 'groth16', circuit: { wasm: A, zkey: B }, verificationKey: A })),
      'CONFLICT',
      'output.format',
      /must be "json" with groth16/,
    );
  });
});
