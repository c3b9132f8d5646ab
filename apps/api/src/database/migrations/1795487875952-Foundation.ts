import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795487875952 implements MigrationInterface {
  name = 'Foundation1795487875952';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "idempotency_records" ("scope" character varying(200) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c03b6adebf385ca991d085063a" PRIMARY KEY ("scope", "key"))`);
    await queryRunner.query(`CREATE INDEX "idx_idempotency_records_created" ON "idempotency_records"  ("created_at") `);
    await queryRunner.query(`CREATE TABLE "rate_limit_buckets" ("key" character varying(200) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_70ba71f3f09699ab2a393590e06" PRIMARY KEY ("key", "window_start"))`);
    await queryRunner.query(`CREATE INDEX "idx_rate_limit_buckets_window" ON "rate_limit_buckets"  ("window_start") `);
    await queryRunner.query(`CREATE TABLE "citizen_profiles" ("user_id" uuid NOT NULL, "id_number" character varying(20) NOT NULL, "date_of_birth" date NOT NULL, "gender" character varying(10) NOT NULL, "phone" character varying(15) NOT NULL, "address" character varying(255), "commune_code" character varying(10), CONSTRAINT "PK_74180041ad4437e4b389830a81a" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizen_profiles_id_number" ON "citizen_profiles"  ("id_number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizen_profiles_phone" ON "citizen_profiles"  ("phone") `);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "idx_refresh_tokens_user" ON "refresh_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_refresh_tokens_family" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL, "username" character varying(64) NOT NULL, "password_hash" character varying(200), "full_name" character varying(120) NOT NULL, "full_name_folded" character varying(120) NOT NULL, "role" character varying(32) NOT NULL, "status" character varying(24) NOT NULL, "unit_code" character varying(10), "unit_level" character varying(10), "province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "checkpoint_id" uuid, "title" character varying(120), "phone" character varying(15), "email" character varying(254), "failed_logins" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "activation_code_hash" character varying(64), "activation_expires_at" TIMESTAMP WITH TIME ZONE, "session_version" integer NOT NULL DEFAULT '0', "last_login_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username" ON "users"  ("username") `);
    await queryRunner.query(`CREATE INDEX "idx_users_role_status" ON "users"  ("role", "status") `);
    await queryRunner.query(`CREATE INDEX "idx_users_scope" ON "users"  ("province_code", "district_code", "commune_code") `);
    await queryRunner.query(`CREATE TABLE "audit_events" ("id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" character varying(32), "action" character varying(64) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(64), "before" jsonb, "after" jsonb, "request_id" character varying(64), "province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_audit_events_time" ON "audit_events"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_events_actor" ON "audit_events"  ("actor_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "occurred_at") `);
    await queryRunner.query(`CREATE TABLE "admin_units" ("code" character varying(10) NOT NULL, "name" character varying(120) NOT NULL, "name_with_type" character varying(160) NOT NULL, "name_folded" character varying(160) NOT NULL, "level" character varying(10) NOT NULL, "type" character varying(20) NOT NULL, "parent_code" character varying(10), "province_code" character varying(10) NOT NULL, "district_code" character varying(10), CONSTRAINT "PK_99af24f963db704f7d880b964ba" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "idx_admin_units_level" ON "admin_units"  ("level", "name_folded") `);
    await queryRunner.query(`CREATE INDEX "idx_admin_units_parent" ON "admin_units"  ("parent_code", "name_folded") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_admin_units_parent"`);
    await queryRunner.query(`DROP INDEX "public"."idx_admin_units_level"`);
    await queryRunner.query(`DROP TABLE "admin_units"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_entity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_actor"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_time"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "public"."idx_users_scope"`);
    await queryRunner.query(`DROP INDEX "public"."idx_users_role_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_username"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refresh_tokens_family"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refresh_tokens_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_refresh_tokens_hash"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."uq_citizen_profiles_phone"`);
    await queryRunner.query(`DROP INDEX "public"."uq_citizen_profiles_id_number"`);
    await queryRunner.query(`DROP TABLE "citizen_profiles"`);
    await queryRunner.query(`DROP INDEX "public"."idx_rate_limit_buckets_window"`);
    await queryRunner.query(`DROP TABLE "rate_limit_buckets"`);
    await queryRunner.query(`DROP INDEX "public"."idx_idempotency_records_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
  }
}
