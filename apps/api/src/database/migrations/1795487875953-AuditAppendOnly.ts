import { MigrationInterface, QueryRunner } from 'typeorm';

/** audit_events is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE. */
export class AuditAppendOnly1795487875953 implements MigrationInterface {
  name = 'AuditAppendOnly1795487875953';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_update ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
