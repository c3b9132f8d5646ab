import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset pages of the long lists (issue #7): per jurisdiction level, an index whose columns are the equality
 * columns of a branch and then the list's order, so that a page reads only its rows whatever the page and
 * however many rows match. Expression indexes (TypeORM cannot describe them: the entities name them with
 * synchronize: false); the expressions must stay those of the services (CASE_ORDER in cases.service.ts,
 * RISK_RANK in arrivals.service.ts). The case indexes replace (code, status, positive_test_date), a prefix of
 * theirs; INCLUDE lets the counts and the filters read the index alone.
 */
export class ListKeysetIndexes1795550000000 implements MigrationInterface {
  name = 'ListKeysetIndexes1795550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const level of ['province', 'district', 'commune']) {
      await queryRunner.query(`CREATE INDEX "idx_cases_${level}_list" ON "cases" ("${level}_code", "status", ((danger_since IS NOT NULL)), "positive_test_date", "id") INCLUDE ("danger_since")`);
      await queryRunner.query(`DROP INDEX "public"."idx_cases_${level}"`);
      await queryRunner.query(
        `CREATE INDEX "idx_declarations_${level}_board" ON "movement_declarations" ("${level}_code", (CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END), "travel_date", "id") INCLUDE ("risk_level", "origin_zone_level")`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const level of ['commune', 'district', 'province']) {
      await queryRunner.query(`DROP INDEX "public"."idx_declarations_${level}_board"`);
      await queryRunner.query(`CREATE INDEX "idx_cases_${level}" ON "cases" ("${level}_code", "status", "positive_test_date")`);
      await queryRunner.query(`DROP INDEX "public"."idx_cases_${level}_list"`);
    }
  }
}
