import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

const BOM = '\uFEFF';
const EOL = '\r\n';
/** Lines are gathered into chunks of about this many characters before they are pushed. */
const CHUNK_CHARS = 32 * 1024;
/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number written as text ('-5', '+84912345678', '3.5'): no formula, left alone. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * One CSV cell: empty for null/undefined; numbers and booleans as they are; a string that a spreadsheet would
 * run as a formula gets a leading apostrophe (unless it is a plain number); then RFC 4180 quoting.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with its CRLF). */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + EOL;
}

/**
 * The platform's one CSV writer: UTF-8 with a BOM (so Excel reads Vietnamese), a header line, CRLF line ends,
 * RFC 4180 quoting and formula-injection protection. Rows are pulled one by one from the (async) iterable as
 * the consumer reads, so a large export is never held in memory.
 */
export function csvStream<T>(columns: readonly CsvColumn<T>[], rows: AsyncIterable<T> | Iterable<T>): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    let pending = BOM + csvLine(columns.map((c) => c.header));
    for await (const row of rows) {
      pending += csvLine(columns.map((c) => c.value(row)));
      if (pending.length >= CHUNK_CHARS) {
        yield Buffer.from(pending, 'utf8');
        pending = '';
      }
    }
    if (pending) yield Buffer.from(pending, 'utf8');
  }
  return Readable.from(lines(), { objectMode: false });
}

/** An ASCII stand-in for a Vietnamese file name ('ca-bệnh.csv' -> 'ca-benh.csv') for old clients. */
function asciiFilename(filename: string): string {
  return filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** RFC 5987 / 8187 encoding for filename*. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Content-Disposition of a download named `filename` (Vietnamese kept in filename*, ASCII fallback). */
export function attachmentDisposition(filename: string): string {
  return `attachment; filename="${asciiFilename(filename)}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/**
 * Sends a CSV stream as a download. Use with `@Res() reply: FastifyReply` in a controller and return the result.
 * Exports hold personal data: never cached.
 */
export function sendCsv(reply: FastifyReply, filename: string, stream: Readable): FastifyReply {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', attachmentDisposition(filename))
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(stream);
}
