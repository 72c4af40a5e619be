/**
 * Issue 17: a job's award fixes its fee and slash rates (JobAwarded carries them), and a
 * dispute holds a poster bond (JobDisputed / JobResolved carry it).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobTermsAndBonds1764600000000 implements MigrationInterface {
  name = 'JobTermsAndBonds1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "jobs" ADD "fee_bps" integer, ADD "slash_bps" integer, ADD "dispute_bond" numeric(78,0) NOT NULL DEFAULT '0'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "jobs" DROP COLUMN "dispute_bond", DROP COLUMN "slash_bps", DROP COLUMN "fee_bps"`,
    );
  }
}
