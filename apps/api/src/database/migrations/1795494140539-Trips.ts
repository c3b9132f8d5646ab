import { MigrationInterface, QueryRunner } from 'typeorm';

export class Trips1795494140539 implements MigrationInterface {
  name = 'Trips1795494140539';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "trips" ("id" uuid NOT NULL, "owner_id" uuid NOT NULL, "plate" character varying(16) NOT NULL, "route" character varying(255) NOT NULL, "departure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "short_code" character varying(8) NOT NULL, "qr_token" character varying(43) NOT NULL, "declaration_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f71c231dee9c05a9522f9e840f5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_trips_short_code" ON "trips"  ("short_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_trips_qr_token" ON "trips"  ("qr_token") `);
    await queryRunner.query(`CREATE INDEX "idx_trips_owner" ON "trips"  ("owner_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_trips_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_trips_qr_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_trips_short_code"`);
    await queryRunner.query(`DROP TABLE "trips"`);
  }
}
