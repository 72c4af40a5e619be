/** Whether a job matches a JobFilter: the same conditions as jobFilterSql, in memory, for pushes. */
import { normalizeAddress } from '../../../src/shared/felt';
import type { JobFilter } from '../graphql/args';
import type { Job } from '../graphql/models';

export function jobMatches(job: Job, f: JobFilter | undefined): boolean {
  if (!f) return true;
  if (f.status && job.status !== f.status) return false;
  if (f.poster && job.poster !== normalizeAddress(f.poster)) return false;
  if (f.worker && job.workerAddress !== normalizeAddress(f.worker)) return false;
  if (f.minPrice && (job.price === null || BigInt(job.price) < BigInt(f.minPrice))) return false;
  if (f.maxPrice && (job.price === null || BigInt(job.price) > BigInt(f.maxPrice))) return false;
  return true;
}
