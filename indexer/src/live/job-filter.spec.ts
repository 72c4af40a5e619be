// Types only: the models module loads NestJS, which jest cannot (see indexer/src/nest.ts).
import type { Job, JobStatus } from '../graphql/models';
import { normalizeAddress } from '../../../src/shared/felt';
import { jobMatches } from './job-filter';

const job = {
  status: 'Awarded',
  poster: normalizeAddress('0x' + 'a'.repeat(63)),
  workerAddress: normalizeAddress('0x' + 'b'.repeat(63)),
  price: '500',
} as Job;

test('the in-memory filter agrees with the SQL one: status, addresses in any spelling, price bounds', () => {
  expect(jobMatches(job, undefined)).toBe(true);
  expect(jobMatches(job, { status: 'Awarded' as JobStatus })).toBe(true);
  expect(jobMatches(job, { status: 'Open' as JobStatus })).toBe(false);
  expect(jobMatches(job, { poster: '0x0' + 'A'.repeat(63) })).toBe(true);
  expect(jobMatches(job, { worker: '0x' + 'c'.repeat(63) })).toBe(false);
  expect(jobMatches(job, { minPrice: '500', maxPrice: '500' })).toBe(true);
  expect(jobMatches(job, { minPrice: '501' })).toBe(false);
  expect(jobMatches({ ...job, price: null }, { maxPrice: '1' })).toBe(false);
});
