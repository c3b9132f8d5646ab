import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { APP_OF_ROLE, type Role } from '@cordon/contracts';
import { type CsvColumn, csvStream } from '../../../common/csv/csv';
import { PdfService } from '../../../common/pdf/pdf.service';
import { vietnameseDateTime } from '../../../common/time';
import { AppConfig } from '../../../config/app-config';
import type { AccountImport, AccountImportRow } from './account-import.entity';
import type { IssuedCode } from './account-imports.service';
import { ROLE_NAMES_VI } from './import-sheet';

interface TakenCodes {
  job: AccountImport;
  codes: IssuedCode[];
  unitNames: Map<string, string>;
  checkpointNames: Map<string, string>;
}

const ACTION_VI: Record<AccountImportRow['action'], string> = { CREATE: 'Tạo mới', UPDATE: 'Cập nhật', SKIP: 'Bỏ qua (không đổi)', ERROR: 'Lỗi' };

/** The files that leave the import: the row-by-row report, and the one-time activation codes as CSV or slips. */
@Injectable()
export class ActivationSlips {
  constructor(
    private readonly pdfs: PdfService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  reportColumns(): CsvColumn<AccountImportRow>[] {
    return [
      { header: 'Dòng', value: (r) => r.rowNo },
      { header: 'Kết quả', value: (r) => ACTION_VI[r.action] },
      { header: 'Lý do', value: (r) => (r.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ') || (r.changes ?? []).join(', ') },
      { header: 'Tên đăng nhập', value: (r) => r.input.username },
      { header: 'Họ và tên', value: (r) => r.input.fullName },
      { header: 'Vai trò', value: (r) => r.input.role },
      { header: 'Mã đơn vị hành chính', value: (r) => r.input.unitCode },
      { header: 'Mã chốt', value: (r) => r.input.checkpointCode },
      { header: 'Cơ quan', value: (r) => r.input.agency },
      { header: 'Chức vụ', value: (r) => r.input.title },
      { header: 'Số điện thoại', value: (r) => r.input.phone },
      { header: 'Email', value: (r) => r.input.email },
    ];
  }

  csv(taken: TakenCodes): Readable {
    const columns: CsvColumn<IssuedCode>[] = [
      { header: 'Tên đăng nhập', value: (c) => c.username },
      { header: 'Họ và tên', value: (c) => c.fullName },
      { header: 'Vai trò', value: (c) => roleName(c.role) },
      { header: 'Đơn vị / chốt', value: (c) => placeOf(c, taken) },
      { header: 'Mã kích hoạt', value: (c) => c.code },
      { header: 'Hết hạn', value: () => expiry(taken.job) },
      { header: 'Địa chỉ kích hoạt', value: (c) => this.activationUrl(c.role) },
    ];
    return csvStream(columns, taken.codes);
  }

  pdf(taken: TakenCodes): Promise<Buffer> {
    return this.pdfs.renderSlips({
      title: 'Phiếu mã kích hoạt tài khoản',
      date: taken.job.committedAt ?? undefined,
      slips: taken.codes.map((c) => ({
        heading: 'PHIẾU CẤP TÀI KHOẢN CORDON',
        lines: [
          ['Họ và tên', c.fullName],
          ['Vai trò', roleName(c.role)],
          ['Đơn vị / chốt', placeOf(c, taken)],
          ['Tên đăng nhập', c.username],
          ['Địa chỉ', this.activationUrl(c.role)],
        ],
        code: { label: `Mã kích hoạt (dùng một lần, hết hạn ${expiry(taken.job)}):`, value: c.code },
        note: 'Mở địa chỉ trên, chọn "Kích hoạt tài khoản", nhập tên đăng nhập, mã kích hoạt và tự đặt mật khẩu. Không đưa phiếu này cho người khác.',
      })),
    });
  }

  private activationUrl(role: Role): string {
    return `${this.config.publicUrl}/${APP_OF_ROLE[role]}/activate`;
  }
}

function roleName(role: Role): string {
  return ROLE_NAMES_VI[role as keyof typeof ROLE_NAMES_VI] ?? role;
}

function placeOf(c: IssuedCode, taken: TakenCodes): string {
  if (c.checkpointId) return taken.checkpointNames.get(c.checkpointId) ?? '';
  return c.unitCode ? (taken.unitNames.get(c.unitCode) ?? c.unitCode) : '';
}

function expiry(job: AccountImport): string {
  return job.codesExpireAt ? vietnameseDateTime(job.codesExpireAt) : '';
}

