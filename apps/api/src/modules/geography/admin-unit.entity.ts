import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UnitLevel } from '@cordon/contracts';

/** An administrative unit (GSO code): province, district or commune. The hierarchy is data. */
/** The jurisdiction columns of an account bound to this unit. */
export function jurisdictionOfUnit(unit: AdminUnit): { unitCode: string; unitLevel: UnitLevel; provinceCode: string; districtCode: string | null; communeCode: string | null } {
  return {
    unitCode: unit.code,
    unitLevel: unit.level,
    provinceCode: unit.provinceCode,
    districtCode: unit.level === 'PROVINCE' ? null : unit.districtCode,
    communeCode: unit.level === 'COMMUNE' ? unit.code : null,
  };
}

@Entity('admin_units')
@Index('idx_admin_units_parent', ['parentCode', 'nameFolded'])
@Index('idx_admin_units_level', ['level', 'nameFolded'])
export class AdminUnit {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'name_with_type', type: 'varchar', length: 160 })
  nameWithType: string;

  /** The name (without its type word) without diacritics, lower case: "yen son" finds "Yên Sơn". */
  @Column({ name: 'name_folded', type: 'varchar', length: 160 })
  nameFolded: string;

  @Column({ type: 'varchar', length: 10 })
  level: UnitLevel;

  /** The GSO type word: tinh, thanh-pho, huyen, thi-xa, xa, phuong, thi-tran... */
  @Column({ type: 'varchar', length: 20 })
  type: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 10, nullable: true })
  parentCode: string | null;

  @Column({ name: 'province_code', type: 'varchar', length: 10 })
  provinceCode: string;

  @Column({ name: 'district_code', type: 'varchar', length: 10, nullable: true })
  districtCode: string | null;
}
