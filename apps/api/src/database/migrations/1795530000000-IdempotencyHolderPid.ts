import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key is now claimed inside the request's own transaction: the claim records the backend pid
 * of that transaction (cheap: pg_backend_pid()) instead of looking up the session in pg_stat_activity on every
 * keyed write. A pending reservation of the old kind has its session recorded as text: dropped with the column,
 * it counts as written before sessions were recorded (abandoned after 10 minutes).
 */
export class IdempotencyHolderPid1795530000000 implements MigrationInterface {
  name = 'IdempotencyHolderPid1795530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_records" DROP COLUMN "holder"`);
    await queryRunner.query(`ALTER TABLE "idempotency_records" ADD "holder_pid" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_records" DROP COLUMN "holder_pid"`);
    await queryRunner.query(`ALTER TABLE "idempotency_records" ADD "holder" character varying(40)`);
  }
}
