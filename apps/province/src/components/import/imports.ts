import type { components } from '@cordon/contracts';
import { ApiError } from '@cordon/web';

/** The bulk account import API (GET/POST /accounts/imports…), as generated from the OpenAPI document. */
export type AccountImport = components['schemas']['AccountImportDto'];
export type AccountImportList = components['schemas']['AccountImportListDto'];
export type ImportRow = components['schemas']['ImportRowDto'];
export type ImportRowList = components['schemas']['ImportRowListDto'];
export type ImportRowAction = ImportRow['action'];
export type ImportState = AccountImport['state'];
export type ImportCounts = AccountImport['counts'];

export const ROW_ACTIONS: readonly ImportRowAction[] = ['CREATE', 'UPDATE', 'SKIP', 'ERROR'];

/** The template's columns, in order (the API reads the Vietnamese headers; the English keys work too). */
export const TEMPLATE_HEADERS = ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị hành chính', 'Mã chốt', 'Cơ quan', 'Chức vụ', 'Số điện thoại', 'Email'];

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Content-Type to upload a chosen file with, from its name: browsers report CSV files as
 * `application/vnd.ms-excel` (Windows with Excel) or nothing at all, so the extension decides.
 */
export function uploadTypeOf(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return CSV_TYPE;
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

/** 1.2 MB, 350 KB. */
export function fileSize(bytes: number, locale: string): string {
  const fmt = (n: number) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`;
  return `${fmt(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/**
 * Why an upload was refused at file level, in words: 400 VALIDATION_FAILED with a `file` detail
 * (missing columns, not UTF-8, empty, too many rows, unreadable), UNSUPPORTED_FILE, 413. Null when the
 * error is of another kind (shown by AlertBox with its code).
 */
export function fileErrorText(e: unknown, t: Translate): string | null {
  if (!(e instanceof ApiError)) return null;
  if (e.code === 'UNSUPPORTED_FILE') return t('imp.upload.fileErrors.unsupported');
  if (e.status === 413 || e.code === 'PAYLOAD_TOO_LARGE' || e.code === 'FILE_TOO_LARGE') return t('imp.upload.fileErrors.tooLarge');
  const detail = e.details.find((d) => d.field === 'file');
  if (!detail) return null;
  switch (detail.code) {
    case 'columns': {
      const cols = /Missing columns: (.+?) \(/.exec(detail.message)?.[1];
      return cols ? t('imp.upload.fileErrors.columns', { cols }) : t('imp.upload.fileErrors.columnsAny');
    }
    case 'encoding':
    case 'empty':
    case 'too_many_rows':
    case 'unreadable':
      return t(`imp.upload.fileErrors.${detail.code}`);
    default:
      return detail.message;
  }
}

/** Codes of class-validator: for an empty cell they all mean "missing". */
const VALIDATOR_CODES = new Set(['matches', 'isIn', 'isString', 'minLength', 'maxLength', 'isEmail', 'isNotEmpty', 'isDefined']);
const LEVEL_OF = /needs a (PROVINCE|DISTRICT|COMMUNE) unit, not a (PROVINCE|DISTRICT|COMMUNE)/;

/**
 * The reasons of an ERROR row in the user's language, one line per field: by field and code where a sentence
 * exists (`imp.reasonOf.<field>.<code>`, then `imp.reason.<code>`), else the API's English message. An empty
 * cell with several validator complaints reads once as "missing".
 */
export function rowReasons(row: Pick<ImportRow, 'errors' | 'input'>, t: Translate, te: Exists): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const err of row.errors) {
    const field = err.field;
    const value = (row.input as Record<string, string | undefined>)[field];
    let reason: string;
    if (VALIDATOR_CODES.has(err.code) && !value?.trim()) reason = t('imp.reason.missing');
    else if (err.code === 'duplicate_in_file' && /row (\d+)/.test(err.message)) reason = t('imp.reason.duplicateRow', { row: /row (\d+)/.exec(err.message)![1] });
    else if (err.code === 'level' && LEVEL_OF.test(err.message)) {
      const [, need, got] = LEVEL_OF.exec(err.message)!;
      reason = t('imp.reason.levelOf', { need: t(`accounts.unitLevel.${need}`).toLowerCase(), got: t(`accounts.unitLevel.${got}`).toLowerCase() });
    } else if (te(`imp.reasonOf.${field}.${err.code}`)) reason = t(`imp.reasonOf.${field}.${err.code}`);
    else if (te(`imp.reason.${err.code}`)) reason = t(`imp.reason.${err.code}`);
    else reason = err.message;
    const label = te(`imp.field.${field}`) ? t(`imp.field.${field}`) : field;
    const line = t('imp.reasonLine', { field: label, reason });
    if (!seen.has(line)) {
      seen.add(line);
      lines.push(line);
    }
  }
  return lines;
}

/** The fields an UPDATE row changes, as labels. */
export function changeLabels(changes: readonly string[], t: Translate, te: Exists): string {
  return changes.map((c) => (te(`imp.field.${c}`) ? t(`imp.field.${c}`) : c)).join(', ');
}

/** Rows written to write, in percent (0-100, whole). */
export function percentOf(processed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((processed / total) * 100)));
}

/** Accounts a preview would write (created and updated). */
export function toWrite(counts: ImportCounts): number {
  return counts.create + counts.update;
}
