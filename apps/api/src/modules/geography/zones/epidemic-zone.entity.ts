import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UnitLevel } from '@cordon/contracts';

/**
 * A designation of an administrative unit (any province, district or commune) as an epidemic zone with a
 * level (1 low .. 4 very high, Resolution 128/NQ-CP) for a period. Rows are never edited: a change ends
 * the current designation (valid_to) and adds a new one, so the history is kept.
 */
@Entity('epidemic_zones')
@Index('idx_epidemic_zones_unit', ['unitCode', 'validFrom'])
@Index('idx_epidemic_zones_province', ['provinceCode', 'validFrom'])
export class EpidemicZone {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 10 })
  unitCode: string;

  @Column({ name: 'unit_level', type: 'varchar', length: 10 })
  unitLevel: UnitLevel;

  /** Codes of the zone's own unit, for matching a place of origin inside it. */
  @Column({ name: 'province_code', type: 'varchar', length: 10 })
  provinceCode: string;

  @Column({ name: 'district_code', type: 'varchar', length: 10, nullable: true })
  districtCode: string | null;

  @Column({ type: 'int' })
  level: number;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** Inclusive; null while in force. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
