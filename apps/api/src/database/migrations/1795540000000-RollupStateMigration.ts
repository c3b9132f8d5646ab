import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last migration applied when the dashboards' rollups were last rebuilt: a refresh rebuilds them again
 * only when a migration was applied since (or the state is missing), no longer on every process start.
 * Existing states get NULL, so the first refresh after this migration rebuilds once.
 */
export class RollupStateMigration1795540000000 implements MigrationInterface {
  name = 'RollupStateMigration1795540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rollup_state" ADD "migration" character varying(200)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rollup_state" DROP COLUMN "migration"`);
  }
}
