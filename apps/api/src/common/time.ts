/** Day boundaries, "today" and document years are in Asia/Ho_Chi_Minh (DESIGN.md section 7). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in Vietnam. */
export function vietnamDate(instant: Date = new Date()): string {
  return dayFormat.format(instant);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a) between YYYY-MM-DD dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Full years of age on a date. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The instant a Vietnam calendar day starts (00:00 at UTC+7). */
export function startOfVietnamDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** "ngày 12 tháng 3 năm 2022" */
export function vietnameseLongDate(instant: Date): string {
  const [y, m, d] = vietnamDate(instant).split('-').map(Number);
  return `ngày ${String(d).padStart(2, '0')} tháng ${String(m).padStart(2, '0')} năm ${y}`;
}

/** dd/MM/yyyy */
export function vietnameseShortDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** dd/MM/yyyy HH:mm in Vietnam. */
export function vietnameseDateTime(instant: Date): string {
  return `${vietnameseShortDate(vietnamDate(instant))} ${timeFormat.format(instant)}`;
}
