import { computed, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

/** One value of the URL query as a string ('' when absent or repeated). */
export const qs = (v: LocationQuery[string] | undefined): string => (typeof v === 'string' ? v : '');

/**
 * Filters kept in the URL query (shareable, survive reload) and remembered for the tab's session:
 * arriving from the menu without a query restores the last filters used on that page.
 * `start(onChange)` (at the end of the page's setup) calls `onChange` now and after every change of the query.
 * TODO(lead): apps/commune has the same composable; move it to @cordon/web.
 */
export function useUrlFilters(storageKey: string, keys: readonly string[]) {
  const route = useRoute();
  const router = useRouter();
  const routeName = route.name;
  const values = computed<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const k of keys) out[k] = qs(route.query[k]);
    return out;
  });

  function set(patch: Record<string, string | undefined>): void {
    const query: Record<string, string> = {};
    for (const k of keys) {
      const v = k in patch ? patch[k] : values.value[k];
      if (v) query[k] = v;
    }
    void router.replace({ query });
  }

  function start(onChange: () => void): void {
    let first = true;
    watch(
      () => route.query,
      (q) => {
        if (route.name !== routeName) return; // leaving the page
        if (first && !keys.some((k) => qs(q[k]))) {
          first = false;
          try {
            const saved = sessionStorage.getItem(storageKey);
            if (saved && saved !== '{}') {
              void router.replace({ query: JSON.parse(saved) as Record<string, string> });
              return;
            }
          } catch {
            /* no storage */
          }
        }
        first = false;
        try {
          const keep = Object.fromEntries(Object.entries(values.value).filter(([, v]) => v));
          sessionStorage.setItem(storageKey, JSON.stringify(keep));
        } catch {
          /* no storage */
        }
        onChange();
      },
      { immediate: true },
    );
  }
  return { values, set, start };
}

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
