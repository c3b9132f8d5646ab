/** Date helpers of the province app (filters in the URL: `useUrlFilters` from @cordon/web). */

/** `YYYY-MM-DD` plus `days` (negative: minus). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

/** Every calendar date from `from` to `to` inclusive (at most `max`). */
export function daysBetween(from: string, to: string, max = 400): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < max; d = addDays(d, 1)) out.push(d);
  return out;
}
