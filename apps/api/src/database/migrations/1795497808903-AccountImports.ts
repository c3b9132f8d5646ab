import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountImports1795497808903 implements MigrationInterface {
  name = 'AccountImports1795497808903';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_imports" ("id" uuid NOT NULL, "source" character varying(12) NOT NULL, "file_name" character varying(200), "state" character varying(12) NOT NULL, "total_rows" integer NOT NULL, "counts" jsonb NOT NULL, "processed" integer NOT NULL DEFAULT '0', "failure" character varying(500), "heartbeat_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE, "sealed_codes" bytea, "codes_expire_at" TIMESTAMP WITH TIME ZONE, "csv_exported_at" TIMESTAMP WITH TIME ZONE, "pdf_exported_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_by_role" character varying(32) NOT NULL, "province_code" character varying(2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf6095c6ee196bc09c05cb7d471" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_account_imports_owner" ON "account_imports"  ("province_code", "created_by_role", "created_at") `);
    await queryRunner.query(`CREATE TABLE "account_import_rows" ("import_id" uuid NOT NULL, "row_no" integer NOT NULL, "action" character varying(8) NOT NULL, "username" character varying(64), "input" jsonb NOT NULL, "errors" jsonb, "changes" jsonb, "user_id" uuid, CONSTRAINT "PK_09a6ffd4d2a7e318cf36270893a" PRIMARY KEY ("import_id", "row_no"))`);
    await queryRunner.query(`ALTER TABLE "account_import_rows" ADD CONSTRAINT "FK_8fc82802b02b7666bcc7f39414c" FOREIGN KEY ("import_id") REFERENCES "account_imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_import_rows" DROP CONSTRAINT "FK_8fc82802b02b7666bcc7f39414c"`);
    await queryRunner.query(`DROP TABLE "account_import_rows"`);
    await queryRunner.query(`DROP INDEX "public"."idx_account_imports_owner"`);
    await queryRunner.query(`DROP TABLE "account_imports"`);
  }
}
