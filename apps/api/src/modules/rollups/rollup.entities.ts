import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

/**
 * Dashboard rollups: counts per Vietnam day and bucket, kept fresh incrementally by RollupService from the
 * base tables (movement_declarations, passages, cases). Each carries the jurisdiction codes of its rows so
 * the jurisdiction policy filters it like the base table. Rows are derived data: a full rebuild recreates them.
 */

/** Declarations per travel date, destination commune (with its district and province), risk level and from-zone flag. */
@Entity('rollup_arrivals')
@Index('idx_rollup_arrivals_commune', ['communeCode', 'day'])
@Index('idx_rollup_arrivals_district', ['districtCode', 'day'])
@Index('idx_rollup_arrivals_province', ['provinceCode', 'day'])
export class ArrivalRollup extends JurisdictionCodes {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** The declaration's travel date. */
  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'risk_level', type: 'varchar', length: 8 })
  riskLevel: string;

  /** origin_zone_level IS NOT NULL */
  @Column({ name: 'from_zone', type: 'boolean' })
  fromZone: boolean;

  @Column({ type: 'int' })
  total: number;
}

/**
 * Declarations per travel date, destination district (with its province) and origin province: the origins of
 * province and district callers (per commune it would be ~8x larger; a commune's origins are read from its
 * declarations through their (commune_code, travel_date) index).
 */
@Entity('rollup_arrival_origins')
@Index('idx_rollup_arrival_origins_district', ['districtCode', 'day'])
@Index('idx_rollup_arrival_origins_province', ['provinceCode', 'day'])
export class ArrivalOriginRollup {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'province_code', type: 'varchar', length: 10, nullable: true })
  provinceCode: string | null;

  @Column({ name: 'district_code', type: 'varchar', length: 10, nullable: true })
  districtCode: string | null;

  @Column({ name: 'origin_province_code', type: 'varchar', length: 10 })
  originProvinceCode: string;

  @Column({ type: 'int' })
  total: number;
}

/** Passages per Vietnam day of recorded_at, checkpoint (with its unit's codes), direction, outcome and source. */
@Entity('rollup_passages')
@Index('idx_rollup_passages_checkpoint', ['checkpointId', 'day'])
@Index('idx_rollup_passages_commune', ['communeCode', 'day'])
@Index('idx_rollup_passages_district', ['districtCode', 'day'])
@Index('idx_rollup_passages_province', ['provinceCode', 'day'])
export class PassageRollup extends JurisdictionCodes {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'checkpoint_id', type: 'uuid' })
  checkpointId: string;

  @Column({ type: 'varchar', length: 4 })
  direction: string;

  @Column({ type: 'varchar', length: 24 })
  outcome: string;

  @Column({ type: 'varchar', length: 12 })
  source: string;

  @Column({ type: 'int' })
  total: number;
}

/** New cases (by positive_test_date) and recoveries (by the Vietnam day of recovered_at) per day and commune. */
@Entity('rollup_cases')
@Index('idx_rollup_cases_commune', ['communeCode', 'day'])
@Index('idx_rollup_cases_district', ['districtCode', 'day'])
@Index('idx_rollup_cases_province', ['provinceCode', 'day'])
export class CaseRollup extends JurisdictionCodes {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'new_cases', type: 'int' })
  newCases: number;

  @Column({ type: 'int' })
  recoveries: number;
}

/**
 * Where the incremental refresh stands: base rows changed after `watermark` (minus a margin) are re-read.
 * No row (never built, or deleted by a writer that went around the API): the next refresh rebuilds everything.
 */
@Entity('rollup_state')
export class RollupState {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'timestamptz' })
  watermark: Date;

  /** Duration of the last full rebuild, in milliseconds. */
  @Column({ name: 'rebuild_ms', type: 'int', nullable: true })
  rebuildMs: number | null;

  @Column({ name: 'rebuilt_at', type: 'timestamptz', nullable: true })
  rebuiltAt: Date | null;

  @Column({ name: 'refreshed_at', type: 'timestamptz' })
  refreshedAt: Date;

  /** The last migration applied when the rollups were last rebuilt: a later one makes the next refresh rebuild. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  migration: string | null;
}

export const ROLLUP_ENTITIES = [ArrivalRollup, ArrivalOriginRollup, PassageRollup, CaseRollup, RollupState];
