import { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesAndDocuments1795490136283 implements MigrationInterface {
  name = 'CasesAndDocuments1795490136283';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_reports" ("province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "status" character varying(12) NOT NULL, "reporter_id" uuid NOT NULL, "relation" character varying(16) NOT NULL, "full_name" character varying(120) NOT NULL, "full_name_folded" character varying(120) NOT NULL, "id_number" character varying(20) NOT NULL, "date_of_birth" date NOT NULL, "gender" character varying(10) NOT NULL, "phone" character varying(15), "address" character varying(255) NOT NULL, "test_type" character varying(16) NOT NULL, "test_date" date NOT NULL, "test_result" character varying(10) NOT NULL, "photo_file_id" uuid, "symptom_onset" date, "symptoms" text array NOT NULL DEFAULT '{}', "vaccine_doses" integer NOT NULL DEFAULT '0', "last_dose_date" date, "pregnant" boolean NOT NULL DEFAULT false, "chronic_disease" boolean NOT NULL DEFAULT false, "high_risk" boolean NOT NULL DEFAULT false, "contacts" jsonb NOT NULL DEFAULT '[]', "case_id" uuid, "back_registered" boolean NOT NULL DEFAULT false, "rejection_reason" character varying(500), "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef1b9f5a4c57f286d8900289da9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_case_reports_reporter" ON "case_reports"  ("reporter_id", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "idx_case_reports_province" ON "case_reports"  ("province_code", "status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "idx_case_reports_district" ON "case_reports"  ("district_code", "status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "idx_case_reports_commune" ON "case_reports"  ("commune_code", "status", "submitted_at") `);
    await queryRunner.query(`CREATE TABLE "cases" ("province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "id" uuid NOT NULL, "status" character varying(14) NOT NULL, "owner_id" uuid NOT NULL, "full_name" character varying(120) NOT NULL, "full_name_folded" character varying(120) NOT NULL, "id_number" character varying(20) NOT NULL, "date_of_birth" date NOT NULL, "gender" character varying(10) NOT NULL, "phone" character varying(15), "address" character varying(255) NOT NULL, "positive_test_date" date NOT NULL, "test_type" character varying(16) NOT NULL, "vaccine_doses" integer NOT NULL, "high_risk" boolean NOT NULL, "back_registered" boolean NOT NULL, "policy_version" character varying(40) NOT NULL, "infection_report_id" uuid NOT NULL, "negative_test_date" date, "negative_test_type" character varying(16), "last_check_in_at" TIMESTAMP WITH TIME ZONE, "danger_since" TIMESTAMP WITH TIME ZONE, "recovered_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_cases_open_id_number" ON "cases"  ("id_number") WHERE status <> 'RECOVERED'`);
    await queryRunner.query(`CREATE INDEX "idx_cases_owner" ON "cases"  ("owner_id") `);
    await queryRunner.query(`CREATE INDEX "idx_cases_province" ON "cases"  ("province_code", "status", "positive_test_date") `);
    await queryRunner.query(`CREATE INDEX "idx_cases_district" ON "cases"  ("district_code", "status", "positive_test_date") `);
    await queryRunner.query(`CREATE INDEX "idx_cases_commune" ON "cases"  ("commune_code", "status", "positive_test_date") `);
    await queryRunner.query(`CREATE TABLE "case_check_ins" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "symptoms" text array NOT NULL DEFAULT '{}', "temperature" numeric(4,1), "spo2" integer, "danger_signs" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5c07f97c43ab70ed4481986f93" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_case_check_ins_case" ON "case_check_ins"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "isolation_policies" ("version" character varying(40) NOT NULL, "valid_from" date NOT NULL, "isolation_days" integer NOT NULL, "requires_negative_test" boolean NOT NULL, "extended_days_vaccinated" integer NOT NULL, "extended_days_unvaccinated" integer NOT NULL, "vaccinated_min_doses" integer NOT NULL, "back_registered_after_days" integer NOT NULL, "review_hours" integer NOT NULL, "confirmation_due_days" integer NOT NULL, "legal_basis" text NOT NULL, "decision_suffix" character varying(20) NOT NULL, "confirmation_suffix" character varying(20) NOT NULL, "source" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8d0a4093f4f991e71506133815a" UNIQUE ("valid_from"), CONSTRAINT "PK_acf73f9fc2186395a9858519460" PRIMARY KEY ("version"))`);
    await queryRunner.query(`CREATE TABLE "documents" ("province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "status" character varying(10) NOT NULL, "case_id" uuid NOT NULL, "report_id" uuid, "owner_id" uuid NOT NULL, "holder_name" character varying(120) NOT NULL, "holder_id_number" character varying(20) NOT NULL, "holder_date_of_birth" date NOT NULL, "place" character varying(255) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "negative_test_type" character varying(16), "negative_test_date" date, "legal_basis" text NOT NULL, "policy_version" character varying(40) NOT NULL, "number" integer, "year" integer, "number_text" character varying(40), "verify_code" character varying(40) NOT NULL, "drafted_by" uuid NOT NULL, "signer_id" uuid, "signer_name" character varying(120), "signer_title" character varying(120), "signed_at" TIMESTAMP WITH TIME ZONE, "pdf_file_id" uuid, "pdf_sha256" character varying(64), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "revoke_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_documents_verify_code" ON "documents"  ("verify_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_documents_number" ON "documents"  ("commune_code", "kind", "year", "number") WHERE number IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_documents_case" ON "documents"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "idx_documents_province" ON "documents"  ("province_code", "kind", "status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_documents_district" ON "documents"  ("district_code", "kind", "status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_documents_commune" ON "documents"  ("commune_code", "kind", "status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "document_counters" ("commune_code" character varying(10) NOT NULL, "kind" character varying(24) NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_bbb253c935155faf74e0db9c67c" PRIMARY KEY ("commune_code", "kind", "year"))`);
    await queryRunner.query(`CREATE TABLE "stored_files" ("id" uuid NOT NULL, "purpose" character varying(40) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character varying(64) NOT NULL, "data" bytea NOT NULL, "owner_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5d5be862bf53851c1794b4adf4e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "entity_type" character varying(40), "entity_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_notifications_user" ON "notifications"  ("user_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_user"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "stored_files"`);
    await queryRunner.query(`DROP TABLE "document_counters"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_commune"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_district"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_province"`);
    await queryRunner.query(`DROP INDEX "public"."idx_documents_case"`);
    await queryRunner.query(`DROP INDEX "public"."uq_documents_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_documents_verify_code"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP TABLE "isolation_policies"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_check_ins_case"`);
    await queryRunner.query(`DROP TABLE "case_check_ins"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_commune"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_district"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_province"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cases_open_id_number"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_reports_commune"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_reports_district"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_reports_province"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_reports_reporter"`);
    await queryRunner.query(`DROP TABLE "case_reports"`);
  }
}
