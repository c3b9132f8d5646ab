import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, UnitLevel } from '@cordon/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors/domain-error';
import { PdfService } from '../../common/pdf/pdf.service';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { daysBetween, vietnameseLongDate, vietnameseShortDate } from '../../common/time';
import { CheckpointsService } from '../geography/checkpoints/checkpoints.service';
import { GeographyService } from '../geography/geography.service';
import { RollupService } from '../rollups/rollups.service';

export interface ArrivalsDaily {
  items: { date: string; total: number; high: number; medium: number; low: number; fromZone: number }[];
  byDistrict: { districtCode: string; districtName: string; total: number; high: number }[];
  byOrigin: { provinceCode: string; provinceName: string; total: number }[];
  byCheckpoint: { checkpointId: string; checkpointName: string; total: number }[];
}

export interface DailyReport {
  date: string;
  entering: number;
  fromZones: number;
  highRisk: number;
  byDistrict: { districtCode: string; districtName: string; total: number; fromZones: number; high: number }[];
  greenLaneVehicles: number;
  passages: number;
  paperDeclarations: number;
}

export interface CheckpointDay {
  date: string;
  checkpointId: string;
  checkpointName: string;
  total: number;
  in: number;
  out: number;
  byOutcome: Record<string, number>;
}

/** The instants of the Vietnam days :from..:to as a range on `column`, so its index serves the query. */
const VN_DAYS = (column: string, from = ':from', to = ':to') =>
  `${column} >= (${from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND ${column} < ((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

/**
 * Statistics of arrivals and passages, and the Department of Health's daily report. They read the rollups
 * (rollup_arrivals, rollup_arrival_origins, rollup_passages; see RollupService), not the base tables, so they cost the same at national scale.
 */
@Injectable()
export class MovementReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly geography: GeographyService,
    private readonly checkpoints: CheckpointsService,
    private readonly pdf: PdfService,
    private readonly rollups: RollupService,
  ) {}

  private assertRange(from: string, to: string): void {
    if (to < from || daysBetween(from, to) > 92) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid input', [{ field: 'to', code: 'range', message: 'to must be on or after from, at most 92 days apart' }]);
  }

  private async query<T>(user: AuthUser, alias: string, sql: (scope: string) => string, params: Record<string, unknown>): Promise<T[]> {
    const { sql: scope, params: scopeParams } = this.policy.condition(user, scopeColumns(alias, { checkpoint: `${alias}.checkpoint_id` }));
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql(scope), { ...params, ...scopeParams });
    return this.dataSource.query(query, values);
  }

  async arrivalsDaily(user: AuthUser, from: string, to: string): Promise<ArrivalsDaily> {
    this.assertRange(from, to);
    await this.rollups.ensureFresh();
    const where = (scope: string) => `${scope} AND a.day BETWEEN :from::date AND :to::date`;
    const [items, byDistrict, byOrigin, byCheckpoint] = await Promise.all([
      this.query<ArrivalsDaily['items'][number]>(user, 'a', (s) => `SELECT to_char(g.day, 'YYYY-MM-DD') AS date, COALESCE(x.total, 0) AS total, COALESCE(x.high, 0) AS high,
          COALESCE(x.medium, 0) AS medium, COALESCE(x.low, 0) AS low, COALESCE(x."fromZone", 0) AS "fromZone"
        FROM generate_series(:from::date, :to::date, interval '1 day') AS g(day)
        LEFT JOIN (SELECT a.day, sum(a.total)::int AS total, COALESCE(sum(a.total) FILTER (WHERE a.risk_level = 'HIGH'), 0)::int AS high,
                     COALESCE(sum(a.total) FILTER (WHERE a.risk_level = 'MEDIUM'), 0)::int AS medium, COALESCE(sum(a.total) FILTER (WHERE a.risk_level = 'LOW'), 0)::int AS low,
                     COALESCE(sum(a.total) FILTER (WHERE a.from_zone), 0)::int AS "fromZone"
                   FROM rollup_arrivals a WHERE ${where(s)} GROUP BY a.day) x ON x.day = g.day::date
        ORDER BY g.day`, { from, to }),
      this.query<{ districtCode: string; total: number; high: number }>(user, 'a', (s) => `SELECT a.district_code AS "districtCode", sum(a.total)::int AS total, COALESCE(sum(a.total) FILTER (WHERE a.risk_level = 'HIGH'), 0)::int AS high
        FROM rollup_arrivals a WHERE ${where(s)} GROUP BY a.district_code ORDER BY total DESC, a.district_code`, { from, to }),
      // Origins roll up per district; a commune's few declarations are read through their (commune_code, travel_date) index.
      user.unitLevel === UnitLevel.COMMUNE
        ? this.query<{ provinceCode: string; total: number }>(user, 'd', (s) => `SELECT d.origin_province_code AS "provinceCode", count(*)::int AS total
            FROM movement_declarations d WHERE ${s} AND d.travel_date BETWEEN :from::date AND :to::date GROUP BY 1 ORDER BY total DESC, 1 LIMIT 20`, { from, to })
        : this.query<{ provinceCode: string; total: number }>(user, 'o', (s) => `SELECT o.origin_province_code AS "provinceCode", sum(o.total)::int AS total
            FROM rollup_arrival_origins o WHERE ${s} AND o.day BETWEEN :from::date AND :to::date GROUP BY 1 ORDER BY total DESC, 1 LIMIT 20`, { from, to }),
      this.query<{ checkpointId: string; total: number }>(user, 'p', (s) => `SELECT p.checkpoint_id AS "checkpointId", sum(p.total)::int AS total
        FROM rollup_passages p WHERE ${s} AND p.direction = 'IN' AND p.day BETWEEN :from::date AND :to::date GROUP BY p.checkpoint_id ORDER BY total DESC, p.checkpoint_id`, { from, to }),
    ]);
    const names = await this.geography.namesOf([...byDistrict.map((r) => r.districtCode), ...byOrigin.map((r) => r.provinceCode)]);
    const checkpointNames = await this.checkpoints.namesOf(byCheckpoint.map((r) => r.checkpointId));
    return {
      items,
      byDistrict: byDistrict.map((r) => ({ ...r, districtName: names.get(r.districtCode) ?? r.districtCode })),
      byOrigin: byOrigin.map((r) => ({ ...r, provinceName: names.get(r.provinceCode) ?? r.provinceCode })),
      byCheckpoint: byCheckpoint.map((r) => ({ ...r, checkpointName: checkpointNames.get(r.checkpointId) ?? '' })),
    };
  }

  async checkpointDays(user: AuthUser, from: string, to: string): Promise<{ items: CheckpointDay[] }> {
    this.assertRange(from, to);
    await this.rollups.ensureFresh();
    const where = (scope: string) => `${scope} AND p.day BETWEEN :from::date AND :to::date`;
    const rows = await this.query<Omit<CheckpointDay, 'checkpointName' | 'byOutcome'>>(user, 'p', (s) => `SELECT to_char(p.day, 'YYYY-MM-DD') AS date, p.checkpoint_id AS "checkpointId",
        sum(p.total)::int AS total, COALESCE(sum(p.total) FILTER (WHERE p.direction = 'IN'), 0)::int AS "in", COALESCE(sum(p.total) FILTER (WHERE p.direction = 'OUT'), 0)::int AS out
      FROM rollup_passages p WHERE ${where(s)}
      GROUP BY 1, 2 ORDER BY 1, 2`, { from, to });
    const outcomes = await this.query<{ date: string; checkpointId: string; outcome: string; n: number }>(user, 'p', (s) => `SELECT to_char(p.day, 'YYYY-MM-DD') AS date, p.checkpoint_id AS "checkpointId", p.outcome, sum(p.total)::int AS n
      FROM rollup_passages p WHERE ${where(s)} GROUP BY 1, 2, 3`, { from, to });
    const names = await this.checkpoints.namesOf(rows.map((r) => r.checkpointId));
    const byBucket = new Map<string, [string, number][]>();
    for (const o of outcomes) byBucket.set(`${o.date}/${o.checkpointId}`, [...(byBucket.get(`${o.date}/${o.checkpointId}`) ?? []), [o.outcome, o.n]]);
    return {
      items: rows.map((r) => ({ ...r, checkpointName: names.get(r.checkpointId) ?? '', byOutcome: Object.fromEntries(byBucket.get(`${r.date}/${r.checkpointId}`) ?? []) })),
    };
  }

  /** The daily report the Department of Health sends the provincial People's Committee, for any date. */
  async daily(user: AuthUser, date: string): Promise<DailyReport> {
    await this.rollups.ensureFresh();
    const [totals] = await this.query<Omit<DailyReport, 'date' | 'byDistrict' | 'greenLaneVehicles' | 'passages' | 'paperDeclarations'>>(user, 'a', (s) => `SELECT COALESCE(sum(a.total), 0)::int AS entering,
        COALESCE(sum(a.total) FILTER (WHERE a.from_zone), 0)::int AS "fromZones", COALESCE(sum(a.total) FILTER (WHERE a.risk_level = 'HIGH'), 0)::int AS "highRisk"
      FROM rollup_arrivals a WHERE ${s} AND a.day = :day::date`, { day: date });
    const byDistrict = await this.query<{ districtCode: string; total: number; fromZones: number; high: number }>(user, 'a', (s) => `SELECT a.district_code AS "districtCode", sum(a.total)::int AS total,
        COALESCE(sum(a.total) FILTER (WHERE a.from_zone), 0)::int AS "fromZones", COALESCE(sum(a.total) FILTER (WHERE a.risk_level = 'HIGH'), 0)::int AS high
      FROM rollup_arrivals a WHERE ${s} AND a.day = :day::date GROUP BY a.district_code ORDER BY a.district_code`, { day: date });
    const [passages] = await this.query<{ passages: number; paperDeclarations: number }>(user, 'p', (s) => `SELECT COALESCE(sum(p.total), 0)::int AS passages,
        COALESCE(sum(p.total) FILTER (WHERE p.source = 'PAPER'), 0)::int AS "paperDeclarations"
      FROM rollup_passages p WHERE ${s} AND p.day = :day::date`, { day: date });
    // A distinct count does not roll up: it stays on the base table, over an indexable time range of green-lane passages.
    const [greenLane] = await this.query<{ greenLaneVehicles: number }>(user, 'p', (s) => `SELECT count(DISTINCT p.green_lane_id)::int AS "greenLaneVehicles"
      FROM passages p WHERE ${s} AND p.green_lane_id IS NOT NULL AND ${VN_DAYS('p.recorded_at', ':day', ':day')}`, { day: date });
    const names = await this.geography.namesOf(byDistrict.map((r) => r.districtCode));
    return {
      date,
      ...totals,
      byDistrict: byDistrict.map((r) => ({ ...r, districtName: names.get(r.districtCode) ?? r.districtCode })),
      passages: passages.passages,
      greenLaneVehicles: greenLane.greenLaneVehicles,
      paperDeclarations: passages.paperDeclarations,
    };
  }

  async dailyPdf(user: AuthUser, date: string): Promise<Buffer> {
    const r = await this.daily(user, date);
    return this.pdf.renderTables({
      title: 'BÁO CÁO NGÀY: NGƯỜI VÀO TỈNH VÀ KIỂM SOÁT DỊCH',
      subtitle: `Sở Y tế - ${vietnameseLongDate(new Date(`${date}T12:00:00+07:00`))}`,
      sections: [
        {
          heading: 'Tổng hợp',
          widths: ['*', 90],
          rows: [
            ['Người khai báo vào tỉnh', String(r.entering)],
            ['Đến từ vùng dịch', String(r.fromZones)],
            ['Nguy cơ cao', String(r.highRisk)],
            ['Lượt qua chốt', String(r.passages)],
            ['Tờ khai giấy nhập tại chốt', String(r.paperDeclarations)],
            ['Phương tiện luồng xanh', String(r.greenLaneVehicles)],
          ],
        },
        {
          heading: 'Theo huyện, thành phố nơi đến',
          header: ['Huyện, thành phố', 'Người đến', 'Từ vùng dịch', 'Nguy cơ cao'],
          widths: ['*', 70, 80, 75],
          rows: r.byDistrict.length ? r.byDistrict.map((d) => [d.districtName, String(d.total), String(d.fromZones), String(d.high)]) : [['Không có', '0', '0', '0']],
        },
      ],
      footer: `Số liệu đến ngày ${vietnameseShortDate(date)}, tạo bởi hệ thống Cordon.`,
    });
  }

  /** The blank A4 paper declaration, in the order of the officers' entry screen. */
  paperForm(): Promise<Buffer> {
    const blank = (labels: string[]) => labels.map((l) => [l, '']);
    return this.pdf.renderTables({
      title: 'TỜ KHAI Y TẾ KHI DI CHUYỂN VÀO TỈNH TUYÊN QUANG',
      subtitle: 'Dành cho người không khai báo được trên điện thoại. Cán bộ tại chốt nhập theo đúng thứ tự dưới đây.',
      sections: [
        { heading: '1. Thông tin cá nhân', widths: [170, '*'], rows: blank(['Họ và tên', 'Số CCCD / hộ chiếu', 'Ngày sinh (dd/mm/yyyy)', 'Giới tính', 'Số điện thoại', 'Quốc tịch']) },
        { heading: '2. Hành trình', widths: [170, '*'], rows: blank(['Nơi đi (tỉnh, huyện, xã)', 'Địa chỉ nơi đi', 'Nơi đến (xã, huyện) tại Tuyên Quang', 'Địa chỉ nơi đến', 'Ngày đi', 'Phương tiện, biển số xe', 'Mục đích']) },
        { heading: '3. Sức khỏe trong 14 ngày qua (đánh dấu X)', widths: [170, '*'], rows: blank(['Triệu chứng (sốt, ho, khó thở...)', 'Tiếp xúc với ca bệnh', 'Ở trong vùng dịch']) },
        { heading: '4. Tiêm vắc xin và xét nghiệm', widths: [170, '*'], rows: blank(['Số mũi vắc xin, ngày tiêm gần nhất', 'Xét nghiệm gần nhất (loại, ngày, kết quả)']) },
        { heading: '5. Phần cán bộ chốt ghi', widths: [170, '*'], rows: blank(['Chiều (vào tỉnh / ra khỏi tỉnh)', 'Xử lý (cho qua / xét nghiệm / quay đầu / cách ly)', 'Cán bộ ghi (ký, ghi rõ họ tên)']) },
      ],
      footer: 'Tôi cam kết thông tin khai trên là đúng sự thật. Người khai ký tên: ............................',
    });
  }
}
