import * as XLSX from '@e965/xlsx';
import { Agency, ErrorCode, foldVietnamese, JURISDICTION_LEVEL_OF_ROLE, Role, STAFF_ROLES } from '@cordon/contracts';
import { DomainError } from '../../../common/errors/domain-error';
import type { ImportRowInput } from './account-import.entity';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A file of the largest allowed import (20,000 rows) stays well under this. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

type Field = keyof ImportRowInput;

/** The template's columns: Vietnamese headers first; English keys are accepted too. */
export const IMPORT_COLUMNS: readonly { field: Field; header: string; required: boolean; help: string }[] = [
  { field: 'username', header: 'Tên đăng nhập', required: true, help: 'Chữ thường không dấu, số, dấu chấm, gạch ngang; ví dụ canbo.xa02200. Tài khoản đã có thì được cập nhật.' },
  { field: 'fullName', header: 'Họ và tên', required: true, help: 'Họ và tên đầy đủ, có dấu.' },
  { field: 'role', header: 'Vai trò', required: true, help: 'Một trong các vai trò ở bảng dưới (tên tiếng Việt hoặc mã).' },
  { field: 'unitCode', header: 'Mã đơn vị hành chính', required: false, help: 'Mã xã (5 số) cho cán bộ và lãnh đạo xã, mã huyện (3 số) cho cán bộ huyện, mã tỉnh (2 số) cho cấp tỉnh. Xem trang "Mã đơn vị".' },
  { field: 'checkpointCode', header: 'Mã chốt', required: false, help: 'Chỉ cho cán bộ chốt kiểm soát, ví dụ QL2-PT.' },
  { field: 'agency', header: 'Cơ quan', required: false, help: 'Chỉ cho cán bộ chốt: Công an, Y tế, Quân đội, Giáo dục hoặc Khác.' },
  { field: 'title', header: 'Chức vụ', required: false, help: 'Ví dụ: Phó Chủ tịch UBND xã.' },
  { field: 'phone', header: 'Số điện thoại', required: false, help: 'Số di động 10 số, bắt đầu bằng 0.' },
  { field: 'email', header: 'Email', required: false, help: '' },
];

/** Vietnamese names of the staff roles, as the template lists them. */
export const ROLE_NAMES_VI: Record<Exclude<Role, 'CITIZEN'>, string> = {
  CHECKPOINT_OFFICER: 'Cán bộ chốt kiểm soát',
  POLICE_ADMIN: 'Công an tỉnh',
  TRANSPORT_OFFICER: 'Sở Giao thông Vận tải',
  HEALTH_OFFICER: 'Sở Y tế',
  DISTRICT_OFFICER: 'Cán bộ huyện',
  COMMUNE_STAFF: 'Cán bộ xã',
  COMMUNE_LEADER: 'Lãnh đạo UBND xã',
  ACCOUNT_ADMIN: 'Sở Thông tin và Truyền thông',
};

export const AGENCY_NAMES_VI: Record<Agency, string> = { POLICE: 'Công an', HEALTH: 'Y tế', ARMY: 'Quân đội', EDUCATION: 'Giáo dục', OTHER: 'Khác' };

const key = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]/g, '');

const HEADER_FIELDS = new Map<string, Field>(IMPORT_COLUMNS.flatMap((c) => [[key(c.header), c.field] as const, [key(c.field), c.field] as const]));
const ROLE_BY_NAME = new Map<string, string>(STAFF_ROLES.flatMap((r) => [[key(r), r] as const, [key(ROLE_NAMES_VI[r as keyof typeof ROLE_NAMES_VI]), r] as const]));
const AGENCY_BY_NAME = new Map<string, string>(Object.values(Agency).flatMap((a) => [[key(a), a] as const, [key(AGENCY_NAMES_VI[a]), a] as const]));
/** Digits a unit code of each level has; spreadsheets drop leading zeros of codes typed as numbers. */
const CODE_LENGTH = { PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 } as const;

export interface ParsedSheet {
  rows: { rowNo: number; input: ImportRowInput }[];
  ignoredColumns: string[];
}

const fileError = (message: string, code = 'invalid') => new DomainError(ErrorCode.VALIDATION_FAILED, message, [{ field: 'file', code, message }]);

/** Reads an uploaded CSV (UTF-8, comma or semicolon) or XLSX (first sheet) into normalised row inputs. */
export function parseImportFile(data: Buffer, contentType: string): ParsedSheet {
  if (!data.length) throw fileError('The file is empty', 'empty');
  const type = contentType.split(';')[0].trim().toLowerCase();
  const table = type === XLSX_TYPE ? readXlsx(data) : type === CSV_TYPE ? readCsv(data) : null;
  if (!table) throw new DomainError(ErrorCode.UNSUPPORTED_FILE, 'Upload a CSV (text/csv) or XLSX file');
  const headerIndex = table.findIndex((cells) => cells.some((c) => c.trim()));
  if (headerIndex < 0) throw fileError('The file has no header row', 'empty');
  const headers = table[headerIndex];
  const fields = headers.map((h) => HEADER_FIELDS.get(key(h)));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !fields.includes(c.field)).map((c) => c.header);
  if (missing.length) throw fileError(`Missing columns: ${missing.join(', ')} (use the template)`, 'columns');
  const rows: ParsedSheet['rows'] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells.some((c) => c.trim())) continue;
    const input: ImportRowInput = {};
    fields.forEach((field, col) => {
      const value = (cells[col] ?? '').trim();
      if (field && value && input[field] === undefined) input[field] = value;
    });
    rows.push({ rowNo: i + 1, input: normaliseInput(input) });
  }
  if (!rows.length) throw fileError('The file has no rows under the header', 'empty');
  if (rows.length > MAX_IMPORT_ROWS) throw fileError(`At most ${MAX_IMPORT_ROWS} rows per file`, 'too_many_rows');
  return { rows, ignoredColumns: headers.filter((h, i) => h.trim() && !fields[i]) };
}

/** Maps labels to codes and repairs what spreadsheets do to numbers (leading zeros of codes and phone numbers). */
export function normaliseInput(input: ImportRowInput): ImportRowInput {
  const out: ImportRowInput = { ...input };
  if (out.username) out.username = out.username.toLowerCase();
  if (out.role) out.role = ROLE_BY_NAME.get(key(out.role)) ?? out.role;
  if (out.agency) out.agency = AGENCY_BY_NAME.get(key(out.agency)) ?? out.agency;
  if (out.checkpointCode) out.checkpointCode = out.checkpointCode.toUpperCase();
  if (out.phone) {
    const digits = out.phone.replace(/[\s.()-]/g, '').replace(/^\+?84(?=\d{9}$)/, '0');
    out.phone = /^[35789]\d{8}$/.test(digits) ? `0${digits}` : digits;
  }
  const level = out.role ? JURISDICTION_LEVEL_OF_ROLE[out.role as Role] : undefined;
  if (out.unitCode && /^\d+$/.test(out.unitCode) && level && level !== 'CHECKPOINT') out.unitCode = out.unitCode.padStart(CODE_LENGTH[level], '0');
  return out;
}

function readXlsx(data: Buffer): string[][] {
  // An XLSX is a ZIP; anything else (SheetJS would guess CSV or HTML) is refused.
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw fileError('The file is not a readable XLSX workbook', 'unreadable');
  let book: XLSX.WorkBook;
  try {
    // sheetRows bounds the work on a hostile file; formulas and styles are not needed.
    book = XLSX.read(data, { type: 'buffer', sheetRows: MAX_IMPORT_ROWS + 2, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false });
  } catch {
    throw fileError('The file is not a readable XLSX workbook', 'unreadable');
  }
  const sheet = book.SheetNames.length ? book.Sheets[book.SheetNames[0]] : undefined;
  if (!sheet) throw fileError('The workbook has no sheet', 'empty');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
  return rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
}

/** RFC 4180 CSV in UTF-8 (a BOM is fine); the delimiter is whichever of , and ; the header line uses more. */
export function readCsv(data: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw fileError('The CSV is not UTF-8: save it as "CSV UTF-8" or use the XLSX template', 'encoding');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (rows.length > MAX_IMPORT_ROWS + 1) throw fileError(`At most ${MAX_IMPORT_ROWS} rows per file`, 'too_many_rows');
    } else cell += ch;
  }
  if (quoted) throw fileError('The CSV has an unclosed quote', 'unreadable');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  // Undo the apostrophe our own exports put before formula-like text.
  return rows.map((r) => r.map((c) => (/^'[=+\-@]/.test(c) ? c.slice(1) : c)));
}

/** The downloadable template: the header row; the XLSX adds a sheet of instructions and one of unit codes. */
export function importTemplate(format: 'csv' | 'xlsx', units: { code: string; name: string; level: string; parent: string }[], roles: readonly Role[]): Buffer {
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  if (format === 'csv') return Buffer.from('\uFEFF' + headers.join(',') + '\r\n', 'utf8');
  const book = XLSX.utils.book_new();
  const accounts = XLSX.utils.aoa_to_sheet([headers]);
  accounts['!cols'] = IMPORT_COLUMNS.map((c) => ({ wch: Math.max(14, c.header.length + 2) }));
  XLSX.utils.book_append_sheet(book, accounts, 'Tài khoản');
  const help: string[][] = [['Cột', 'Bắt buộc', 'Cách điền'], ...IMPORT_COLUMNS.map((c) => [c.header, c.required ? 'Có' : '', c.help])];
  help.push([], ['Vai trò', 'Mã', 'Đơn vị cần điền'], ...roles.map((r) => [ROLE_NAMES_VI[r as keyof typeof ROLE_NAMES_VI], r, levelHelp(r)]));
  help.push([], ['Cơ quan', 'Mã'], ...Object.values(Agency).map((a) => [AGENCY_NAMES_VI[a], a]));
  const helpSheet = XLSX.utils.aoa_to_sheet(help);
  helpSheet['!cols'] = [{ wch: 28 }, { wch: 22 }, { wch: 90 }];
  XLSX.utils.book_append_sheet(book, helpSheet, 'Hướng dẫn');
  const unitSheet = XLSX.utils.aoa_to_sheet([['Mã', 'Tên', 'Cấp', 'Thuộc'], ...units.map((u) => [u.code, u.name, u.level, u.parent])]);
  unitSheet['!cols'] = [{ wch: 8 }, { wch: 36 }, { wch: 10 }, { wch: 36 }];
  XLSX.utils.book_append_sheet(book, unitSheet, 'Mã đơn vị');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function levelHelp(role: Role): string {
  const level = JURISDICTION_LEVEL_OF_ROLE[role];
  if (level === 'CHECKPOINT') return 'Mã chốt và Cơ quan';
  return level === 'COMMUNE' ? 'Mã xã (5 số)' : level === 'DISTRICT' ? 'Mã huyện (3 số)' : 'Mã tỉnh (2 số)';
}
