import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountStatus, DeclarationSource, foldVietnamese, Role, UnitLevel, type Direction, type PassageOutcome, type Symptom, type TransportMode } from '@cordon/contracts';
import { uuidv7 } from '../common/ids';
import { addDays, vietnamDate } from '../common/time';
import { User } from '../modules/accounts/user.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { AdminUnit } from '../modules/geography/admin-unit.entity';
import { HOME_PROVINCE_CODE } from '../modules/geography/admin-units.seed';
import { Checkpoint } from '../modules/geography/checkpoints/checkpoint.entity';
import { EpidemicZone } from '../modules/geography/zones/epidemic-zone.entity';
import { MovementDeclaration } from '../modules/movements/declaration.entity';
import { newShortCode } from '../modules/movements/declarations.service';
import { Passage } from '../modules/movements/passage.entity';
import { assessRisk, parseZoneRisk } from '../modules/movements/risk';
import { ROLLUPS_STALE_SQL } from '../modules/rollups/rollups.service';

/** Five checkpoints on Tuyen Quang's main roads (district where each stands). */
export const DEMO_CHECKPOINTS = [
  { code: 'QL2-PT', name: 'Chốt QL2 giáp Phú Thọ', road: 'Quốc lộ 2', district: '075' },
  { code: 'QL2-HG', name: 'Chốt QL2 giáp Hà Giang', road: 'Quốc lộ 2', district: '074' },
  { code: 'QL37', name: 'Chốt Quốc lộ 37', road: 'Quốc lộ 37', district: '076' },
  { code: 'QL2C', name: 'Chốt Quốc lộ 2C', road: 'Quốc lộ 2C', district: '076' },
  { code: 'QL279', name: 'Chốt Quốc lộ 279', road: 'Quốc lộ 279', district: '073' },
];

/** Places people come from, weighted; zones are designated for some of them. */
const ORIGINS: [string, number][] = [['01', 30], ['25', 14], ['19', 12], ['02', 10], ['26', 8], ['27', 6], ['79', 5], ['08', 15]];
const ZONES: [string, number][] = [['01', 2], ['27', 3], ['26', 1]];
const OUTCOMES: [PassageOutcome, number][] = [['ALLOWED', 86], ['SENT_FOR_TESTING', 9], ['TURNED_BACK', 2], ['REFERRED_TO_ISOLATION', 3]];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Ma', 'Nông', 'Hà', 'Lý', 'Triệu', 'Quan'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hồng', 'Quang', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phúc', 'Sơn', 'Thảo', 'Tuấn', 'Vân', 'Yến'];
const MODES: [TransportMode, number][] = [['CAR', 35], ['MOTORBIKE', 30], ['BUS', 20], ['TRUCK', 10], ['OTHER', 5]];

/** A small deterministic generator, so every demo start looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const weighted = <T>(items: readonly [T, number][]) => {
    let r = next() * items.reduce((a, [, w]) => a + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[0][0];
  };
  return { next, pick, weighted };
}

/**
 * Demo movements for a local run (SEED_DEMO): checkpoints with an officer each (officer.<code lower case>),
 * epidemic zones in other provinces, and a week of declarations and passages. Idempotent: skipped when the
 * demo checkpoints exist.
 */
export async function seedDemoMovements(dataSource: DataSource, passwordHash: string, zoneRisk = '1:LOW,2:MEDIUM,3:HIGH,4:HIGH', perDay = 40): Promise<number> {
  if (await dataSource.getRepository(Checkpoint).existsBy({ code: DEMO_CHECKPOINTS[0].code })) return 0;
  const units = await dataSource.getRepository(AdminUnit).find({ where: { provinceCode: HOME_PROVINCE_CODE } });
  const communes = units.filter((u) => u.level === UnitLevel.COMMUNE);
  const provinces = await dataSource.getRepository(AdminUnit).find({ where: { level: UnitLevel.PROVINCE } });
  const random = rng(20220301);
  const today = vietnamDate();
  const risk = parseZoneRisk(zoneRisk);
  let created = 0;
  await dataSource.transaction(async (manager) => {
    const checkpoints: Checkpoint[] = [];
    for (const cp of DEMO_CHECKPOINTS) {
      const commune = communes.filter((c) => c.districtCode === cp.district).sort((a, b) => a.code.localeCompare(b.code))[0];
      const row = manager.create(Checkpoint, { id: uuidv7(), code: cp.code, name: cp.name, unitCode: commune.code, provinceCode: HOME_PROVINCE_CODE, districtCode: commune.districtCode, communeCode: commune.code, road: cp.road, directions: ['IN', 'OUT'] as Direction[], active: true });
      await manager.insert(Checkpoint, row);
      checkpoints.push(row);
      await manager.createQueryBuilder().insert().into(User).values({
        id: uuidv7(),
        username: `officer.${cp.code.toLowerCase()}`,
        passwordHash,
        fullName: `Cán bộ ${cp.name}`,
        fullNameFolded: foldVietnamese(`Cán bộ ${cp.name}`),
        role: Role.CHECKPOINT_OFFICER,
        status: AccountStatus.ACTIVE,
        provinceCode: HOME_PROVINCE_CODE,
        districtCode: commune.districtCode,
        communeCode: commune.code,
        checkpointId: row.id,
        agency: 'POLICE',
        title: 'Cán bộ chốt kiểm soát liên ngành',
      }).orIgnore().execute();
    }
    for (const [code, level] of ZONES) {
      const province = provinces.find((p) => p.code === code)!;
      await manager.insert(EpidemicZone, { id: uuidv7(), unitCode: code, unitLevel: UnitLevel.PROVINCE, provinceCode: province.code, districtCode: null, level, validFrom: addDays(today, -14), validTo: null, note: 'Dữ liệu minh họa', createdBy: null });
    }
    const zoneLevel = new Map(ZONES);
    const declarations: Partial<MovementDeclaration>[] = [];
    const passages: Partial<Passage>[] = [];
    for (let day = -6; day <= 0; day++) {
      const travelDate = addDays(today, day);
      const count = Math.round(perDay * (0.8 + random.next() * 0.4) * (new Date(`${travelDate}T00:00:00Z`).getUTCDay() === 0 ? 1.3 : 1));
      for (let i = 0; i < count; i++) {
        const originProvince = random.weighted(ORIGINS);
        const destination = random.pick(communes);
        const fullName = `${random.pick(SURNAMES)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
        const symptoms: Symptom[] = random.next() < 0.04 ? ['COUGH'] : [];
        const contactWithCase = random.next() < 0.02;
        const vaccineDoses = random.weighted<number>([[3, 50], [2, 35], [1, 10], [0, 5]]);
        const tested = random.next() < 0.8;
        const origin = originProvince === HOME_PROVINCE_CODE ? { level: null } : { level: zoneLevel.get(originProvince) ?? null };
        const test = tested ? { date: addDays(travelDate, -1), result: 'NEGATIVE' as const } : null;
        const assessed = assessRisk({ originZoneLevel: origin.level, symptoms, contactWithCase, stayedInZone: false, vaccineDoses, test, travelDate }, risk);
        const paper = random.next() < 0.12;
        const id = uuidv7(Date.parse(`${travelDate}T06:00:00+07:00`) + i * 60_000);
        const createdAt = new Date(Date.parse(`${travelDate}T06:00:00+07:00`) + Math.floor(random.next() * 14 * 3600_000));
        declarations.push({
          id,
          shortCode: newShortCode(),
          qrToken: randomBytes(16).toString('base64url'),
          source: paper ? DeclarationSource.PAPER : DeclarationSource.ONLINE,
          declarantId: null,
          enteredBy: null,
          fullName,
          fullNameFolded: foldVietnamese(fullName),
          idNumber: `0${String(Math.floor(random.next() * 1e11)).padStart(11, '0')}`,
          dateOfBirth: `${1950 + Math.floor(random.next() * 55)}-0${1 + Math.floor(random.next() * 9)}-1${Math.floor(random.next() * 9)}`,
          gender: random.next() < 0.5 ? 'MALE' : 'FEMALE',
          phone: `09${String(Math.floor(random.next() * 1e8)).padStart(8, '0')}`,
          nationality: 'VN',
          originUnitCode: originProvince,
          originProvinceCode: originProvince,
          originDistrictCode: null,
          originAddress: 'Tổ dân phố',
          provinceCode: HOME_PROVINCE_CODE,
          districtCode: destination.districtCode,
          communeCode: destination.code,
          destinationAddress: 'Thôn, tổ',
          travelDate,
          transportMode: random.weighted(MODES),
          vehiclePlate: null,
          purpose: random.pick(['Về quê', 'Công tác', 'Thăm người thân', 'Làm việc', 'Chở hàng']),
          plannedCheckpointId: null,
          symptoms,
          contactWithCase,
          stayedInZone: false,
          vaccineDoses,
          lastDoseDate: vaccineDoses ? addDays(travelDate, -60) : null,
          testType: tested ? 'RAPID_FACILITY' : null,
          testDate: test?.date ?? null,
          testResult: test?.result ?? null,
          riskLevel: assessed.level,
          riskReasons: assessed.reasons,
          originZoneLevel: origin.level,
          validUntil: new Date(createdAt.getTime() + 72 * 3600_000),
          createdAt,
        });
        if (paper || random.next() < 0.7) {
          const checkpoint = random.pick(checkpoints);
          passages.push({
            id: uuidv7(createdAt.getTime() + 3600_000),
            checkpointId: checkpoint.id,
            officerId: checkpoint.id, // replaced below by the checkpoint's officer
            declarationId: id,
            greenLaneId: null,
            direction: random.next() < 0.85 ? 'IN' : 'OUT',
            outcome: assessed.level === 'HIGH' && random.next() < 0.5 ? 'SENT_FOR_TESTING' : random.weighted(OUTCOMES),
            source: paper ? DeclarationSource.PAPER : DeclarationSource.ONLINE,
            recordedAt: new Date(createdAt.getTime() + 3600_000),
            note: null,
            provinceCode: HOME_PROVINCE_CODE,
            districtCode: checkpoint.districtCode,
            communeCode: checkpoint.communeCode,
          });
        }
      }
    }
    const officers = new Map((await manager.find(User, { where: { role: Role.CHECKPOINT_OFFICER } })).map((u) => [u.checkpointId, u.id]));
    for (const p of passages) p.officerId = officers.get(p.checkpointId!)!;
    for (let i = 0; i < declarations.length; i += 500) await manager.insert(MovementDeclaration, declarations.slice(i, i + 500));
    for (let i = 0; i < passages.length; i += 500) await manager.insert(Passage, passages.slice(i, i + 500));
    created = declarations.length;
    // Their timestamps are in the past week, behind the rollups' watermark: the next refresh rebuilds them.
    await manager.query(ROLLUPS_STALE_SQL);
    await manager.createQueryBuilder().insert().into(AuditEvent).values({ id: uuidv7(), action: 'seed.demo_movements', entityType: 'system', after: { checkpoints: checkpoints.length, declarations: declarations.length, passages: passages.length } as never }).execute();
  });
  return created;
}
