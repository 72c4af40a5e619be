/**
 * Issue 15: a job's timeline (Job.events) reads its raw events by the decoded job id; without
 * this index that is a scan of every event the market ever emitted.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RawEventJobIndex1765000000000 implements MigrationInterface {
  name = 'RawEventJobIndex1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "raw_events_job_id" ON "raw_events" ((decoded->>'job_id'), block_number, tx_index, event_index)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "raw_events_job_id"`);
  }
}
