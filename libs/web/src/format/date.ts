/** Dates as Vietnamese officials write them: dd/MM/yyyy (HH:mm), in the province's time zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

let partsFormatter: Intl.DateTimeFormat | null = null;
function formatter(): Intl.DateTimeFormat {
  partsFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return partsFormatter;
}

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter().formatToParts(d)) out[p.type] = p.value;
  return out;
}

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2022-03-12` or an ISO timestamp -> `12/03/2022` (timestamps in Asia/Ho_Chi_Minh). Empty for null/invalid. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`; // a calendar date has no time zone
  }
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** ISO timestamp -> `12/03/2022 14:05` in Asia/Ho_Chi_Minh. Empty for null/invalid. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/**
 * Parses a date typed as dd/mm/yyyy (also d/m/yyyy, with `-` or `.`) into `YYYY-MM-DD`;
 * null when it is not a real calendar date.
 */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || year < 1900) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` -> `dd/mm/yyyy` for an input's value. */
export function isoToDmy(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '';
}

/** Today's calendar date in Asia/Ho_Chi_Minh as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}
