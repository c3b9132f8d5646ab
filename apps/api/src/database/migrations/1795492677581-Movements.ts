import { MigrationInterface, QueryRunner } from 'typeorm';

export class Movements1795492677581 implements MigrationInterface {
  name = 'Movements1795492677581';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "checkpoints" ("province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "id" uuid NOT NULL, "code" character varying(20) NOT NULL, "name" character varying(160) NOT NULL, "unit_code" character varying(10) NOT NULL, "road" character varying(120) NOT NULL, "directions" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfcc46a91d96ecba8a8dcd8b11c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_checkpoints_code" ON "checkpoints"  ("code") `);
    await queryRunner.query(`CREATE INDEX "idx_checkpoints_scope" ON "checkpoints"  ("province_code", "district_code", "commune_code") `);
    await queryRunner.query(`CREATE TABLE "epidemic_zones" ("id" uuid NOT NULL, "unit_code" character varying(10) NOT NULL, "unit_level" character varying(10) NOT NULL, "province_code" character varying(10) NOT NULL, "district_code" character varying(10), "level" integer NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "note" character varying(500), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cf1b04e0deb10868a0a9556660" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_epidemic_zones_province" ON "epidemic_zones"  ("province_code", "valid_from") `);
    await queryRunner.query(`CREATE INDEX "idx_epidemic_zones_unit" ON "epidemic_zones"  ("unit_code", "valid_from") `);
    await queryRunner.query(`CREATE TABLE "arrival_follow_ups" ("declaration_id" uuid NOT NULL, "status" character varying(24) NOT NULL, "note" character varying(1000), "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7669c6f4da1af120fb84274681" PRIMARY KEY ("declaration_id"))`);
    await queryRunner.query(`CREATE TABLE "green_lane_vehicles" ("province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "id" uuid NOT NULL, "status" character varying(10) NOT NULL, "owner_id" uuid NOT NULL, "plate" character varying(16) NOT NULL, "vehicle_type" character varying(12) NOT NULL, "owner_name" character varying(160) NOT NULL, "owner_phone" character varying(15) NOT NULL, "drivers" jsonb NOT NULL, "origin_unit_code" character varying(10) NOT NULL, "destination_unit_code" character varying(10) NOT NULL, "cargo" character varying(255) NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "short_code" character varying(8) NOT NULL, "qr_token" character varying(43) NOT NULL, "rejection_reason" character varying(500), "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf5bac10cf28ccefefadbc9ab0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_green_lane_short_code" ON "green_lane_vehicles"  ("short_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_green_lane_qr_token" ON "green_lane_vehicles"  ("qr_token") `);
    await queryRunner.query(`CREATE INDEX "idx_green_lane_plate" ON "green_lane_vehicles"  ("plate") `);
    await queryRunner.query(`CREATE INDEX "idx_green_lane_owner" ON "green_lane_vehicles"  ("owner_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_green_lane_status" ON "green_lane_vehicles"  ("province_code", "status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "movement_declarations" ("province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "id" uuid NOT NULL, "short_code" character varying(8) NOT NULL, "qr_token" character varying(43) NOT NULL, "source" character varying(8) NOT NULL, "declarant_id" uuid, "entered_by" uuid, "full_name" character varying(120) NOT NULL, "full_name_folded" character varying(120) NOT NULL, "id_number" character varying(20) NOT NULL, "date_of_birth" date NOT NULL, "gender" character varying(10) NOT NULL, "phone" character varying(15), "nationality" character varying(2) NOT NULL DEFAULT 'VN', "origin_unit_code" character varying(10) NOT NULL, "origin_province_code" character varying(10) NOT NULL, "origin_district_code" character varying(10), "origin_address" character varying(255) NOT NULL, "destination_address" character varying(255) NOT NULL, "travel_date" date NOT NULL, "transport_mode" character varying(12) NOT NULL, "vehicle_plate" character varying(16), "purpose" character varying(255) NOT NULL, "planned_checkpoint_id" uuid, "symptoms" text array NOT NULL DEFAULT '{}', "contact_with_case" boolean NOT NULL DEFAULT false, "stayed_in_zone" boolean NOT NULL DEFAULT false, "vaccine_doses" integer NOT NULL DEFAULT '0', "last_dose_date" date, "test_type" character varying(16), "test_date" date, "test_result" character varying(10), "risk_level" character varying(8) NOT NULL, "risk_reasons" text array NOT NULL DEFAULT '{}', "origin_zone_level" integer, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_92459389b27e92c8fee8c5d4a72" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_declarations_short_code" ON "movement_declarations"  ("short_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_declarations_qr_token" ON "movement_declarations"  ("qr_token") `);
    await queryRunner.query(`CREATE INDEX "idx_declarations_id_number" ON "movement_declarations"  ("id_number") `);
    await queryRunner.query(`CREATE INDEX "idx_declarations_declarant" ON "movement_declarations"  ("declarant_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_declarations_province" ON "movement_declarations"  ("province_code", "travel_date") `);
    await queryRunner.query(`CREATE INDEX "idx_declarations_district" ON "movement_declarations"  ("district_code", "travel_date") `);
    await queryRunner.query(`CREATE INDEX "idx_declarations_destination" ON "movement_declarations"  ("commune_code", "travel_date") `);
    await queryRunner.query(`CREATE TABLE "passages" ("province_code" character varying(10), "district_code" character varying(10), "commune_code" character varying(10), "id" uuid NOT NULL, "checkpoint_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "declaration_id" uuid, "green_lane_id" uuid, "direction" character varying(4) NOT NULL, "outcome" character varying(24) NOT NULL, "source" character varying(12) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" character varying(500), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f625d72252d22b1826b4ac79cf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_passages_green_lane" ON "passages"  ("green_lane_id") `);
    await queryRunner.query(`CREATE INDEX "idx_passages_scope" ON "passages"  ("province_code", "recorded_at") `);
    await queryRunner.query(`CREATE INDEX "idx_passages_declaration" ON "passages"  ("declaration_id", "recorded_at") `);
    await queryRunner.query(`CREATE INDEX "idx_passages_checkpoint" ON "passages"  ("checkpoint_id", "recorded_at") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "agency" character varying(12)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "agency"`);
    await queryRunner.query(`DROP INDEX "public"."idx_passages_checkpoint"`);
    await queryRunner.query(`DROP INDEX "public"."idx_passages_declaration"`);
    await queryRunner.query(`DROP INDEX "public"."idx_passages_scope"`);
    await queryRunner.query(`DROP INDEX "public"."idx_passages_green_lane"`);
    await queryRunner.query(`DROP TABLE "passages"`);
    await queryRunner.query(`DROP INDEX "public"."idx_declarations_destination"`);
    await queryRunner.query(`DROP INDEX "public"."idx_declarations_district"`);
    await queryRunner.query(`DROP INDEX "public"."idx_declarations_province"`);
    await queryRunner.query(`DROP INDEX "public"."idx_declarations_declarant"`);
    await queryRunner.query(`DROP INDEX "public"."idx_declarations_id_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_declarations_qr_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_declarations_short_code"`);
    await queryRunner.query(`DROP TABLE "movement_declarations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_green_lane_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_green_lane_owner"`);
    await queryRunner.query(`DROP INDEX "public"."idx_green_lane_plate"`);
    await queryRunner.query(`DROP INDEX "public"."uq_green_lane_qr_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_green_lane_short_code"`);
    await queryRunner.query(`DROP TABLE "green_lane_vehicles"`);
    await queryRunner.query(`DROP TABLE "arrival_follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."idx_epidemic_zones_unit"`);
    await queryRunner.query(`DROP INDEX "public"."idx_epidemic_zones_province"`);
    await queryRunner.query(`DROP TABLE "epidemic_zones"`);
    await queryRunner.query(`DROP INDEX "public"."idx_checkpoints_scope"`);
    await queryRunner.query(`DROP INDEX "public"."uq_checkpoints_code"`);
    await queryRunner.query(`DROP TABLE "checkpoints"`);
  }
}
