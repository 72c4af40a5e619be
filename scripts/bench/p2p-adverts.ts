/**
 * `npm run bench:adverts [-- --json] [-- --only=noise,sync]`
 *
 * Measurements of the advert layer (src/discovery/):
 *
 * - noise: how well posters match jobs on noised adverts, against the noise strength (epsilon per
 *   field) and the miss rate the poster allows. 1,000 synthetic workers and 200 jobs, capacities
 *   log-uniform over several orders of magnitude (src/discovery/match-quality.ts), every pair
 *   judged on the exact figures and on the advert. Seeded: the test in
 *   src/discovery/advert-noise.spec.ts holds the default row to its promise with the same seed.
 *   false miss = could do the job, not matched; false bid = matched, cannot do it (of the unable
 *   pairs); false share = of the matched pairs, how many cannot do it.
 *
 * Prints figures for people, or with --json one JSON object on stdout.
 */
import { DEFAULT_EPSILON, DEFAULT_MISS_RATE } from '../../src/config/discovery';
import { measureMatchQuality, type MatchQuality } from '../../src/discovery/match-quality';

const EPSILONS = [0.25, 0.5, 1, 2, 4, 8];
const MISS_RATES = [0.01, 0.05];

function noiseBench(): MatchQuality[] {
  const rows: MatchQuality[] = [];
  for (const epsilon of EPSILONS)
    for (const missRate of MISS_RATES) rows.push(measureMatchQuality({ epsilon, missRate }));
  return rows;
}

const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;

function printNoise(rows: MatchQuality[]): void {
  const first = rows[0];
  if (!first) return;
  console.log(
    `  matching on noised adverts: ${first.pairs} worker/job pairs, default epsilon ${DEFAULT_EPSILON}, miss rate ${DEFAULT_MISS_RATE}`,
  );
  console.log('    epsilon  miss-rate  slack  false miss  false bid  false share');
  for (const r of rows) {
    const mark = r.epsilon === DEFAULT_EPSILON && r.missRate === DEFAULT_MISS_RATE ? ' (default)' : '';
    console.log(
      `    ${String(r.epsilon).padStart(7)}  ${String(r.missRate).padStart(9)}  ${String(r.slack).padStart(5)}  ${pct(r.falseMissRate, 3).padStart(10)}  ${pct(r.falseBidRate).padStart(9)}  ${pct(r.falseMatchShare, 1).padStart(11)}${mark}`,
    );
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = new Set((onlyArg?.slice('--only='.length) ?? 'noise').split(','));
  const out: Record<string, unknown> = {};
  if (only.has('noise')) {
    const rows = noiseBench();
    out.noise = rows;
    if (!json) printNoise(rows);
  }
  if (json) console.log(JSON.stringify(out, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
