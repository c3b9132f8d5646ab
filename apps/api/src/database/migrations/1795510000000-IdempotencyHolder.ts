import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which database session reserved a pending Idempotency-Key ("<backend pid>:<backend start in µs>"): when
 * that session is gone (the API was killed, or the database restarted) the reservation is abandoned, and a
 * retry with the same key runs instead of answering 409 IDEMPOTENCY_IN_PROGRESS for 24 hours.
 */
export class IdempotencyHolder1795510000000 implements MigrationInterface {
  name = 'IdempotencyHolder1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_records" ADD "holder" character varying(40)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_records" DROP COLUMN "holder"`);
  }
}
