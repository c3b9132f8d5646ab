import { Column } from 'typeorm';

/**
 * The denormalised jurisdiction every record that belongs somewhere carries (DESIGN.md section 7):
 * the jurisdiction policy filters on these columns, statistics group by them, and the province code is
 * the sharding key. Entities extend this class; the columns keep their plain names.
 */
export abstract class JurisdictionCodes {
  @Column({ name: 'province_code', type: 'varchar', length: 10, nullable: true })
  provinceCode: string | null;

  @Column({ name: 'district_code', type: 'varchar', length: 10, nullable: true })
  districtCode: string | null;

  @Column({ name: 'commune_code', type: 'varchar', length: 10, nullable: true })
  communeCode: string | null;
}
