import { computed, ref, watch, type Ref } from 'vue';
import { DocumentKind } from '@cordon/contracts';
import { useApi, useAuth, type AdminUnitList, type ListResponse, type QueryValue } from '@cordon/web';

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

/** `total` of a list for each of several values of one parameter (one request with limit=1 each). */
export function useTabCounts(path: Ref<string> | string, param: string, tabs: readonly string[]) {
  const api = useApi();
  const counts = ref<Record<string, number | undefined>>({});
  /** The tabs whose count stopped at the cap (more match). */
  const capped = ref<Record<string, boolean>>({});
  let seq = 0;
  async function load(query: Record<string, QueryValue>): Promise<void> {
    const mine = ++seq;
    const p = typeof path === 'string' ? path : path.value;
    const results = await Promise.all(
      tabs.map((tab) =>
        api
          .get<ListResponse<unknown>>(p, { ...query, [param]: tab, limit: 1 })
          .then((r) => ({ total: r.total, capped: r.totalCapped ?? false }))
          .catch(() => ({ total: undefined, capped: false })),
      ),
    );
    if (mine !== seq) return;
    const next: Record<string, number | undefined> = {};
    const nextCapped: Record<string, boolean> = {};
    tabs.forEach((tab, i) => {
      next[tab] = results[i]?.total;
      nextCapped[tab] = results[i]?.capped ?? false;
    });
    counts.value = next;
    capped.value = nextCapped;
  }
  return { counts, capped, load };
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
