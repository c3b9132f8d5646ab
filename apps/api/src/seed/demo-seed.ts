import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AccountStatus, foldVietnamese, Gender, Role, UnitLevel } from '@cordon/contracts';
import { uuidv7 } from '../common/ids';
import { AdminUnit, jurisdictionOfUnit } from '../modules/geography/admin-unit.entity';
import { HOME_PROVINCE_CODE } from '../modules/geography/admin-units.seed';
import { CitizenProfile } from '../modules/accounts/citizen-profile.entity';
import { User } from '../modules/accounts/user.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { DEMO_CHECKPOINTS, seedDemoMovements } from './demo-movements';

export interface DemoAccount {
  username: string;
  role: Role;
  note: string;
}

export const DEMO_CITIZENS = [
  { phone: '0912000001', idNumber: '008090000001', fullName: 'Nguyễn Văn An', dateOfBirth: '1985-04-12', gender: Gender.MALE, communeCode: '02212' },
  { phone: '0912000002', idNumber: '008190000002', fullName: 'Trần Thị Bình', dateOfBirth: '1992-09-03', gender: Gender.FEMALE, communeCode: '02230' },
  { phone: '0912000003', idNumber: '008050000003', fullName: 'Hoàng Văn Cường', dateOfBirth: '1950-01-20', gender: Gender.MALE, communeCode: '02503' },
];

/**
 * Demo accounts for a local run (SEED_DEMO): one shared password, hashed once; idempotent (existing
 * usernames are left alone). Never on in production.
 */
export async function seedDemo(dataSource: DataSource, password: string): Promise<{ created: number; accounts: DemoAccount[] }> {
  const units = await dataSource.getRepository(AdminUnit).find({ where: { provinceCode: HOME_PROVINCE_CODE }, order: { code: 'ASC' } });
  const province = units.find((u) => u.level === UnitLevel.PROVINCE);
  if (!province) throw new Error(`admin units of province ${HOME_PROVINCE_CODE} are not seeded`);
  const districts = units.filter((u) => u.level === UnitLevel.DISTRICT);
  const communes = units.filter((u) => u.level === UnitLevel.COMMUNE);
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

  const staff = (username: string, fullName: string, role: Role, unit: AdminUnit, title: string): Partial<User> => ({
    id: uuidv7(),
    username,
    passwordHash,
    fullName,
    fullNameFolded: foldVietnamese(fullName),
    role,
    status: AccountStatus.ACTIVE,
    ...jurisdictionOfUnit(unit),
    title,
  });
  const rows: Partial<User>[] = [
    staff('admin', 'Quản trị Sở TT&TT', Role.ACCOUNT_ADMIN, province, 'Chuyên viên Sở Thông tin và Truyền thông'),
    staff('health', 'Cán bộ Sở Y tế', Role.HEALTH_OFFICER, province, 'Chuyên viên Sở Y tế'),
    staff('police', 'Cán bộ Công an tỉnh', Role.POLICE_ADMIN, province, 'Cán bộ Công an tỉnh'),
    staff('transport', 'Cán bộ Sở GTVT', Role.TRANSPORT_OFFICER, province, 'Chuyên viên Sở Giao thông Vận tải'),
    ...districts.map((d) => staff(`district.${d.code}`, `Cán bộ ${d.nameWithType}`, Role.DISTRICT_OFFICER, d, `Chuyên viên UBND ${d.nameWithType}`)),
    ...communes.flatMap((c) => [
      staff(`staff.${c.code}`, `Cán bộ ${c.nameWithType}`, Role.COMMUNE_STAFF, c, `Công chức UBND ${c.nameWithType}`),
      staff(`leader.${c.code}`, `Chủ tịch ${c.nameWithType}`, Role.COMMUNE_LEADER, c, `Chủ tịch UBND ${c.nameWithType}`),
    ]),
  ];
  const citizenUsers = DEMO_CITIZENS.map((c) => {
    const commune = communes.find((u) => u.code === c.communeCode) ?? communes[0];
    return {
      user: {
        id: uuidv7(),
        username: c.phone,
        passwordHash,
        fullName: c.fullName,
        fullNameFolded: foldVietnamese(c.fullName),
        role: Role.CITIZEN,
        status: AccountStatus.ACTIVE,
        provinceCode: commune.provinceCode,
        districtCode: commune.districtCode,
        communeCode: commune.code,
        phone: c.phone,
      } satisfies Partial<User>,
      profile: { idNumber: c.idNumber, dateOfBirth: c.dateOfBirth, gender: c.gender, phone: c.phone, address: 'Thôn 1', communeCode: commune.code },
    };
  });

  let created = 0;
  await dataSource.transaction(async (manager) => {
    for (let i = 0; i < rows.length; i += 500) {
      const result = await manager.createQueryBuilder().insert().into(User).values(rows.slice(i, i + 500)).orIgnore().returning(['id']).execute();
      created += (result.raw as unknown[]).length;
    }
    for (const c of citizenUsers) {
      const result = await manager.createQueryBuilder().insert().into(User).values(c.user).orIgnore().returning(['id']).execute();
      if ((result.raw as unknown[]).length) {
        await manager.insert(CitizenProfile, { userId: c.user.id, ...c.profile });
        created++;
      }
    }
    if (created) {
      await manager.createQueryBuilder().insert().into(AuditEvent).values({ id: uuidv7(), action: 'seed.demo', entityType: 'system', after: { accountsCreated: created } as never }).execute();
    }
  });

  const movements = await seedDemoMovements(dataSource, passwordHash);
  const firstCommune = communes[0];
  return {
    created: created + movements,
    accounts: [
      { username: 'admin', role: Role.ACCOUNT_ADMIN, note: 'Sở TT&TT: tài khoản cán bộ' },
      { username: 'health', role: Role.HEALTH_OFFICER, note: 'Sở Y tế' },
      { username: 'police', role: Role.POLICE_ADMIN, note: 'Công an tỉnh' },
      { username: 'transport', role: Role.TRANSPORT_OFFICER, note: 'Sở GTVT' },
      { username: `district.${districts[0]?.code}`, role: Role.DISTRICT_OFFICER, note: `district.<mã huyện> (${districts.length} huyện)` },
      { username: `staff.${firstCommune?.code}`, role: Role.COMMUNE_STAFF, note: `staff.<mã xã> (${communes.length} xã)` },
      { username: `leader.${firstCommune?.code}`, role: Role.COMMUNE_LEADER, note: `leader.<mã xã> (${communes.length} xã)` },
      { username: 'officer.ql2-pt', role: Role.CHECKPOINT_OFFICER, note: `officer.<mã chốt> (${DEMO_CHECKPOINTS.length} chốt: ${DEMO_CHECKPOINTS.map((c) => c.code.toLowerCase()).join(', ')})` },
      ...DEMO_CITIZENS.map((c) => ({ username: c.phone, role: Role.CITIZEN, note: c.fullName })),
    ],
  };
}
