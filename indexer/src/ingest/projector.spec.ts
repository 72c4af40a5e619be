import { Projector, dayOf, touchedKeys, type ProjectedEvent } from './projector';

const raw = (block: number, index: number) => ({
  block_number: block,
  block_hash: `0xb${block}`,
  tx_hash: `0xt${block}`,
  tx_index: 0,
  event_index: index,
  timestamp: 86_400 * 3 + block,
  contract: 'market',
  name: '',
  keys: [],
  data: [],
  decoded: {},
});

const created = (block: number, index: number, id: number): ProjectedEvent => ({
  raw: raw(block, index),
  decoded: {
    contract: 'market',
    name: 'JobCreated',
    fields: {
      job_id: BigInt(id),
      poster: '0xp',
      budget: 10n,
      manifest_hash: '0x1',
      exec_duration: 60n,
      max_attempts: 2,
    },
  },
});
const awarded = (block: number, index: number, id: number): ProjectedEvent => ({
  raw: raw(block, index),
  decoded: {
    contract: 'market',
    name: 'JobAwarded',
    fields: {
      job_id: BigInt(id),
      worker: '0xw',
      price: 4n,
      collateral: 2n,
      accept_by: 100n,
      attempt: 1,
      fee_bps: 250,
      slash_bps: 5000,
    },
  },
});

const empty = () => ({ jobs: new Map(), workers: new Map(), stats: new Map() });

describe('Projector', () => {
  it('journals nothing for final blocks', () => {
    const p = new Projector(empty(), 10);
    p.apply(created(5, 0, 1));
    p.apply(awarded(6, 0, 1));
    expect(p.changes.undo).toEqual([]);
    expect(p.changes.jobs.get(1)).toMatchObject({ status: 'Awarded', price: '4', worker: '0xw' });
  });

  it('journals the before-image of each row once per unfinalized block', () => {
    const p = new Projector(empty(), 10);
    p.apply(created(11, 0, 1));
    p.apply(awarded(11, 1, 1));
    p.apply(awarded(12, 0, 1));
    const jobs = p.changes.undo.filter((u) => u.table_name === 'jobs');
    expect(
      jobs.map((u) => [u.block_number, u.before === null ? null : (u.before as { status: string }).status]),
    ).toEqual([
      [11, null],
      [12, 'Awarded'],
    ]);
    // The image is a copy: later changes do not leak into it.
    expect((jobs[1]!.before as { attempts: number }).attempts).toBe(1);
    expect(p.changes.undo.filter((u) => u.table_name === 'workers').map((u) => u.block_number)).toEqual([
      11, 12,
    ]);
  });

  it('lists the rows a chunk touches so they are loaded in one query each', () => {
    expect(touchedKeys([created(1, 0, 3), awarded(2, 0, 3)])).toEqual({
      jobs: [3],
      workers: ['0xw'],
      days: [dayOf(86_400 * 3 + 1)],
    });
  });

  it('names the cause when an event refers to a job it never saw', () => {
    const p = new Projector(empty(), 0);
    expect(() => p.apply(awarded(1, 0, 9))).toThrow(/unknown job 9.*startBlock/);
  });
});
