/**
 * Block identity is (hash, digest of its transaction hashes): starknet-devnet can give a block that
 * replaces an aborted one the aborted block's hash, so the hash alone misses such a reorg.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BlockTxDigest1763900000001 implements MigrationInterface {
  name = 'BlockTxDigest1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "blocks" ADD "tx_digest" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "blocks" DROP COLUMN "tx_digest"`);
  }
}
