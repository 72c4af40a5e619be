/**
 * The first schema: projections (jobs, workers, stake movements, slashes, reputation evidence,
 * daily statistics), raw events unique by (block, transaction, event index), the ingest state
 * with its cursor, block hashes and the undo journal for reorgs.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "jobs" ("id" bigint NOT NULL, "status" text NOT NULL, "poster" text NOT NULL, "worker" text, "budget" numeric(78,0) NOT NULL DEFAULT '0', "price" numeric(78,0), "collateral" numeric(78,0) NOT NULL DEFAULT '0', "manifest_hash" text NOT NULL, "exec_duration" bigint NOT NULL, "max_attempts" integer NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "accept_by" bigint, "deadline" bigint, "review_until" bigint, "commitment" text, "dispute_reason" text, "payout" numeric(78,0) NOT NULL DEFAULT '0', "fee" numeric(78,0) NOT NULL DEFAULT '0', "refund" numeric(78,0) NOT NULL DEFAULT '0', "slashed" numeric(78,0) NOT NULL DEFAULT '0', "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, "created_block" bigint NOT NULL, "updated_block" bigint NOT NULL, CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_ab132628f8b0c0bb4d2ac377a4" ON "jobs" ("price", "id") `);
    await q.query(`CREATE INDEX "IDX_d7da7bd09f42b68d6b5c309d60" ON "jobs" ("worker", "id") `);
    await q.query(`CREATE INDEX "IDX_de8bea68185838e8dd30f5ff26" ON "jobs" ("poster", "id") `);
    await q.query(`CREATE INDEX "IDX_f5451bb6624eba871696e382df" ON "jobs" ("status", "id") `);
    await q.query(
      `CREATE TABLE "workers" ("address" text NOT NULL, "staked" numeric(78,0) NOT NULL DEFAULT '0', "locked" numeric(78,0) NOT NULL DEFAULT '0', "pending_unstake" numeric(78,0) NOT NULL DEFAULT '0', "unstake_available_at" bigint NOT NULL DEFAULT '0', "suspended_until" bigint NOT NULL DEFAULT '0', "peer_id" text, "completed" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "slashed_count" integer NOT NULL DEFAULT '0', "score" integer NOT NULL DEFAULT '5000', "jobs_awarded" integer NOT NULL DEFAULT '0', "first_block" bigint NOT NULL, "updated_block" bigint NOT NULL, CONSTRAINT "PK_83d25aea8bb29d7dc96e8f1b8ac" PRIMARY KEY ("address"))`,
    );
    await q.query(`CREATE INDEX "IDX_b4fcfadb801c0dffbc71d35a6e" ON "workers" ("staked", "address") `);
    await q.query(`CREATE INDEX "IDX_5e1e44248030fcc30c47fad717" ON "workers" ("score", "address") `);
    await q.query(
      `CREATE TABLE "raw_events" ("id" BIGSERIAL NOT NULL, "block_number" bigint NOT NULL, "tx_hash" text NOT NULL, "event_index" integer NOT NULL, "timestamp" bigint NOT NULL, "block_hash" text NOT NULL, "tx_index" integer NOT NULL, "contract" text NOT NULL, "name" text NOT NULL, "keys" text array NOT NULL, "data" text array NOT NULL, "decoded" jsonb NOT NULL, CONSTRAINT "PK_5da37c4a4297afca88e18072385" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_2deb8c24d9623657917f3b5b61" ON "raw_events" ("block_number", "tx_hash", "event_index") `,
    );
    await q.query(
      `CREATE TABLE "stake_events" ("id" BIGSERIAL NOT NULL, "block_number" bigint NOT NULL, "tx_hash" text NOT NULL, "event_index" integer NOT NULL, "timestamp" bigint NOT NULL, "worker" text NOT NULL, "kind" text NOT NULL, "amount" numeric(78,0) NOT NULL DEFAULT '0', "balance_after" numeric(78,0), "job_id" bigint, CONSTRAINT "PK_9c3b97a6801b181624ca3a880c0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_078a1b6203619af6d8feb60b90" ON "stake_events" ("worker", "id") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_ab05be56065f657234d911f152" ON "stake_events" ("block_number", "tx_hash", "event_index") `,
    );
    await q.query(
      `CREATE TABLE "slashes" ("id" BIGSERIAL NOT NULL, "block_number" bigint NOT NULL, "tx_hash" text NOT NULL, "event_index" integer NOT NULL, "timestamp" bigint NOT NULL, "worker" text NOT NULL, "job_id" bigint NOT NULL, "amount" numeric(78,0) NOT NULL DEFAULT '0', "staked_after" numeric(78,0) NOT NULL DEFAULT '0', "suspended_until" bigint NOT NULL, CONSTRAINT "PK_a53169ff371ed56536ef1c6fbe3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_a3e5159360b83b1b839225eaaa" ON "slashes" ("worker", "id") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_17e7815bb8eee417adf4c1f3ba" ON "slashes" ("block_number", "tx_hash", "event_index") `,
    );
    await q.query(
      `CREATE TABLE "reputation_events" ("id" BIGSERIAL NOT NULL, "block_number" bigint NOT NULL, "tx_hash" text NOT NULL, "event_index" integer NOT NULL, "timestamp" bigint NOT NULL, "worker" text NOT NULL, "job_id" bigint NOT NULL, "outcome" text NOT NULL, "completed" integer NOT NULL, "failed" integer NOT NULL, "slashed" integer NOT NULL, "score" integer NOT NULL, CONSTRAINT "PK_27bf0668993ad863b678979548a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_496bb8d0344e6578fe17f76ee1" ON "reputation_events" ("worker", "id") `);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_18888dec98f8f6ad4943bfc3d3" ON "reputation_events" ("block_number", "tx_hash", "event_index") `,
    );
    await q.query(
      `CREATE TABLE "market_stats_daily" ("day" date NOT NULL, "jobs_created" integer NOT NULL DEFAULT '0', "jobs_awarded" integer NOT NULL DEFAULT '0', "jobs_completed" integer NOT NULL DEFAULT '0', "jobs_disputed" integer NOT NULL DEFAULT '0', "jobs_resolved" integer NOT NULL DEFAULT '0', "jobs_cancelled" integer NOT NULL DEFAULT '0', "jobs_expired" integer NOT NULL DEFAULT '0', "slashes" integer NOT NULL DEFAULT '0', "budget_posted" numeric(78,0) NOT NULL DEFAULT '0', "price_awarded" numeric(78,0) NOT NULL DEFAULT '0', "volume" numeric(78,0) NOT NULL DEFAULT '0', "fees" numeric(78,0) NOT NULL DEFAULT '0', "slashed_amount" numeric(78,0) NOT NULL DEFAULT '0', CONSTRAINT "PK_3e11274dd16f8f0700f5ca016e6" PRIMARY KEY ("day"))`,
    );
    await q.query(
      `CREATE TABLE "ingest_state" ("id" integer NOT NULL, "schema_version" integer NOT NULL, "chain_id" text NOT NULL, "contracts" jsonb NOT NULL, "start_block" bigint NOT NULL, "cursor_block" bigint NOT NULL, "cursor_hash" text, "cursor_timestamp" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_af203d312e1164da8fc9932ad23" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "blocks" ("number" bigint NOT NULL, "hash" text NOT NULL, "parent_hash" text NOT NULL, "timestamp" bigint NOT NULL, "journaled" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_5c0b8f5cedabb33e58a625f8a7e" PRIMARY KEY ("number"))`,
    );
    await q.query(
      `CREATE TABLE "undo_log" ("id" BIGSERIAL NOT NULL, "block_number" bigint NOT NULL, "table_name" text NOT NULL, "pk" text NOT NULL, "before" jsonb, CONSTRAINT "PK_e782c5d60e1efa2db54939903e1" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_undo_log_block" ON "undo_log" ("block_number")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "undo_log"`);
    await q.query(`DROP TABLE "blocks"`);
    await q.query(`DROP TABLE "ingest_state"`);
    await q.query(`DROP TABLE "market_stats_daily"`);
    await q.query(`DROP TABLE "reputation_events"`);
    await q.query(`DROP TABLE "slashes"`);
    await q.query(`DROP TABLE "stake_events"`);
    await q.query(`DROP TABLE "raw_events"`);
    await q.query(`DROP TABLE "workers"`);
    await q.query(`DROP TABLE "jobs"`);
  }
}
