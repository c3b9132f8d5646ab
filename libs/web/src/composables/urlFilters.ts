import { computed, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

/** One value of the URL query as a string ('' when absent or repeated). */
export const qs = (v: LocationQuery[string] | undefined): string => (typeof v === 'string' ? v : '');

/**
 * Filters kept in the URL query (shareable, survive reload) and remembered for the tab's session:
 * arriving from the menu without a query restores the last filters used on that page.
 * `start(onChange)` (at the end of the page's setup) calls `onChange` now and after every change of the query.
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
  const hasAny = (q: LocationQuery) => keys.some((k) => qs(q[k]));

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
        if (first && !hasAny(q)) {
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
