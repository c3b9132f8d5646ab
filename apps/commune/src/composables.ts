import { computed, ref, watch, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { DocumentKind } from '@cordon/contracts';
import { useApi, useAuth, type AdminUnitList, type ListResponse, type QueryValue } from '@cordon/web';

/** One value of the URL query as a string ('' when absent or repeated). */
export const qs = (v: LocationQuery[string] | undefined): string => (typeof v === 'string' ? v : '');

/** What the signed-in official may do here. DISTRICT_OFFICER reads only, across the district. */
export function useRoles() {
  const auth = useAuth();
  const isDistrict = computed(() => auth.hasRole('DISTRICT_OFFICER'));
  const canWrite = computed(() => auth.hasRole('COMMUNE_STAFF', 'COMMUNE_LEADER'));
  const isLeader = computed(() => auth.hasRole('COMMUNE_LEADER'));
  /** The unit of the account: a commune, or the district of a district officer. */
  const unitCode = computed(() => auth.user?.jurisdiction.unitCode ?? '');
  return { isDistrict, canWrite, isLeader, unitCode };
}

/** The communes of the district officer's district, for a commune filter (empty for commune officials). */
export function useDistrictCommunes() {
  const api = useApi();
  const { isDistrict, unitCode } = useRoles();
  const communes = ref<{ value: string; label: string }[]>([]);
  watch(
    [isDistrict, unitCode],
    async ([district, code]) => {
      if (!district || !code) {
        communes.value = [];
        return;
      }
      try {
        const res = await api.get<AdminUnitList>('/admin-units', { parent: code, level: 'COMMUNE', limit: 200 });
        communes.value = res.items.map((u) => ({ value: u.code, label: u.nameWithType }));
      } catch {
        communes.value = [];
      }
    },
    { immediate: true },
  );
  return communes;
}

/**
 * Filters kept in the URL query (shareable, survive reload) and remembered for the tab's session:
 * arriving from the menu without a query restores the last filters used on that page.
 * `start(onChange)` (at the end of the page's setup) calls `onChange` now and after every change of the query.
 */
export function useUrlFilters(storageKey: string, keys: readonly string[]) {
  const route = useRoute();
  const router = useRouter();
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

  const routeName = route.name;
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

/** `total` of a list for each of several values of one parameter (one request with limit=1 each). */
export function useTabCounts(path: Ref<string> | string, param: string, tabs: readonly string[]) {
  const api = useApi();
  const counts = ref<Record<string, number | undefined>>({});
  let seq = 0;
  async function load(query: Record<string, QueryValue>): Promise<void> {
    const mine = ++seq;
    const p = typeof path === 'string' ? path : path.value;
    const results = await Promise.all(
      tabs.map((tab) =>
        api
          .get<ListResponse<unknown>>(p, { ...query, [param]: tab, limit: 1 })
          .then((r) => r.total)
          .catch(() => undefined),
      ),
    );
    if (mine !== seq) return;
    const next: Record<string, number | undefined> = {};
    tabs.forEach((tab, i) => (next[tab] = results[i]));
    counts.value = next;
  }
  return { counts, load };
}

/** The API resource of a document kind. */
export function documentPath(kind: DocumentKind): string {
  return kind === DocumentKind.RECOVERY_CONFIRMATION ? '/recovery-confirmations' : '/isolation-decisions';
}

/** Full years between a date of birth and a day (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string | null | undefined, day: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth ?? '');
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!b || !d) return null;
  let age = Number(d[1]) - Number(b[1]);
  if (Number(d[2]) * 100 + Number(d[3]) < Number(b[2]) * 100 + Number(b[3])) age -= 1;
  return age >= 0 ? age : null;
}
