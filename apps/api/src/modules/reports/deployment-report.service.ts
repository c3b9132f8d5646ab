import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PdfService } from '../../common/pdf/pdf.service';
import { vietnameseLongDate } from '../../common/time';

export interface UnitUsage {
  code: string;
  name: string;
  accounts: number;
  activated: number;
  active7d: number;
  reports: number;
  passages: number;
}

export interface CheckpointUsage {
  id: string;
  code: string;
  name: string;
  accounts: number;
  activated: number;
  active7d: number;
  passages: number;
  paper: number;
  electronic: number;
}

export interface DeploymentReport {
  generatedAt: string;
  districts: UnitUsage[];
  communes: (UnitUsage & { districtCode: string | null })[];
  checkpoints: CheckpointUsage[];
  paperShare: number;
  inactiveCommunes: string[];
  inactiveCheckpoints: string[];
}

/**
 * The deployment report of the Department of Information and Communications: accounts provisioned,
 * activated and active in the last 7 days, work handled, paper versus electronic declarations, and units
 * with no activity. A read model over several modules' tables (a report, not a command).
 */
@Injectable()
export class DeploymentReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pdf: PdfService,
  ) {}

  async build(provinceCode: string): Promise<DeploymentReport> {
    const unitRows: (UnitUsage & { level: string; districtCode: string | null })[] = await this.dataSource.query(
      `WITH staff AS (
         SELECT u.district_code, u.commune_code, u.unit_level,
                (u.password_hash IS NOT NULL) AS activated, (u.last_login_at > now() - interval '7 days') AS active
         FROM users u WHERE u.province_code = $1 AND u.role IN ('COMMUNE_STAFF', 'COMMUNE_LEADER', 'DISTRICT_OFFICER')),
       reports AS (SELECT commune_code, count(*)::int AS n FROM case_reports WHERE province_code = $1 AND reviewed_at IS NOT NULL GROUP BY commune_code),
       passes AS (SELECT commune_code, count(*)::int AS n FROM passages WHERE province_code = $1 GROUP BY commune_code)
       SELECT a.code, a.name_with_type AS name, a.level, a.district_code AS "districtCode",
              count(s.*) FILTER (WHERE (a.level = 'COMMUNE' AND s.commune_code = a.code) OR (a.level = 'DISTRICT' AND s.district_code = a.code))::int AS accounts,
              count(s.*) FILTER (WHERE s.activated AND ((a.level = 'COMMUNE' AND s.commune_code = a.code) OR (a.level = 'DISTRICT' AND s.district_code = a.code)))::int AS activated,
              count(s.*) FILTER (WHERE s.active AND ((a.level = 'COMMUNE' AND s.commune_code = a.code) OR (a.level = 'DISTRICT' AND s.district_code = a.code)))::int AS "active7d",
              COALESCE(CASE WHEN a.level = 'COMMUNE' THEN (SELECT n FROM reports r WHERE r.commune_code = a.code) ELSE (SELECT sum(n)::int FROM reports r JOIN admin_units c ON c.code = r.commune_code WHERE c.district_code = a.code) END, 0) AS reports,
              COALESCE(CASE WHEN a.level = 'COMMUNE' THEN (SELECT n FROM passes p WHERE p.commune_code = a.code) ELSE (SELECT sum(n)::int FROM passes p JOIN admin_units c ON c.code = p.commune_code WHERE c.district_code = a.code) END, 0) AS passages
       FROM admin_units a LEFT JOIN staff s ON (s.commune_code = a.code OR s.district_code = a.code)
       WHERE a.province_code = $1 AND a.level IN ('DISTRICT', 'COMMUNE')
       GROUP BY a.code, a.name_with_type, a.level, a.district_code ORDER BY a.code`,
      [provinceCode],
    );
    const checkpoints: CheckpointUsage[] = await this.dataSource.query(
      `SELECT c.id, c.code, c.name,
              (SELECT count(*)::int FROM users u WHERE u.checkpoint_id = c.id) AS accounts,
              (SELECT count(*)::int FROM users u WHERE u.checkpoint_id = c.id AND u.password_hash IS NOT NULL) AS activated,
              (SELECT count(*)::int FROM users u WHERE u.checkpoint_id = c.id AND u.last_login_at > now() - interval '7 days') AS "active7d",
              count(p.id)::int AS passages,
              count(p.id) FILTER (WHERE p.source = 'PAPER')::int AS paper,
              count(p.id) FILTER (WHERE p.source <> 'PAPER')::int AS electronic
       FROM checkpoints c LEFT JOIN passages p ON p.checkpoint_id = c.id
       WHERE c.province_code = $1 GROUP BY c.id ORDER BY c.code`,
      [provinceCode],
    );
    const strip = ({ level: _level, ...row }: UnitUsage & { level: string; districtCode: string | null }) => row;
    const districts = unitRows.filter((r) => r.level === 'DISTRICT').map(({ districtCode: _d, ...r }) => strip({ ...r, districtCode: null }));
    const communes = unitRows.filter((r) => r.level === 'COMMUNE').map(strip);
    const paper = checkpoints.reduce((a, c) => a + c.paper, 0);
    const total = checkpoints.reduce((a, c) => a + c.passages, 0);
    return {
      generatedAt: new Date().toISOString(),
      districts,
      communes,
      checkpoints,
      paperShare: total ? Math.round((paper / total) * 1000) / 10 : 0,
      inactiveCommunes: communes.filter((c) => c.active7d === 0 && c.reports === 0).map((c) => c.name),
      inactiveCheckpoints: checkpoints.filter((c) => c.active7d === 0 && c.passages === 0).map((c) => c.name),
    };
  }

  async pdfOf(provinceCode: string): Promise<Buffer> {
    const r = await this.build(provinceCode);
    const row = (u: UnitUsage) => [u.name, String(u.accounts), String(u.activated), String(u.active7d), String(u.reports), String(u.passages)];
    const header = ['Đơn vị', 'Tài khoản', 'Đã kích hoạt', 'Hoạt động 7 ngày', 'Khai báo đã xử lý', 'Lượt qua chốt'];
    const widths = ['*', 50, 55, 60, 60, 55];
    return this.pdf.renderTables({
      title: 'BÁO CÁO TÌNH HÌNH TRIỂN KHAI NỀN TẢNG CORDON',
      subtitle: `Sở Thông tin và Truyền thông - ${vietnameseLongDate(new Date(r.generatedAt))}`,
      sections: [
        { heading: 'Theo huyện, thành phố', header, widths, rows: r.districts.map(row) },
        { heading: 'Chốt kiểm soát', header: ['Chốt', 'Tài khoản', 'Đã kích hoạt', 'Hoạt động 7 ngày', 'Tờ khai giấy', 'Điện tử'], widths, rows: r.checkpoints.map((c) => [c.name, String(c.accounts), String(c.activated), String(c.active7d), String(c.paper), String(c.electronic)]) },
        { heading: `Tỷ lệ tờ khai giấy tại chốt: ${r.paperShare}%`, rows: [['Xã, phường chưa có hoạt động: ' + (r.inactiveCommunes.length ? r.inactiveCommunes.join(', ') : 'không có')], ['Chốt chưa có hoạt động: ' + (r.inactiveCheckpoints.length ? r.inactiveCheckpoints.join(', ') : 'không có')]] },
        { heading: 'Theo xã, phường, thị trấn', header, widths, rows: r.communes.map(row) },
      ],
    });
  }
}
