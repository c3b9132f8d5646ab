import { computed, ref, type Ref } from 'vue';

/** One page of a cursor-paged list (`ListResponse` and its kin). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
  /** More than `total` match (a count capped at LIST_TOTAL_CAP). */
  totalCapped?: boolean;
}

/** The state and actions of a cursor-paged list. */
export interface PagedList<T> {
  items: Ref<T[]>;
  total: Ref<number | undefined>;
  /** The total stopped at its cap: more match (see formatTotal). */
  totalCapped: Ref<boolean>;
  nextCursor: Ref<string | null>;
  loading: Ref<boolean>;
  loadingMore: Ref<boolean>;
  failure: Ref<unknown>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

/**
 * A cursor-paged list: `reload()` fetches the first page (a newer reload wins over an older one),
 * `loadMore()` appends the next page (rows already shown are not repeated) while `nextCursor` is set.
 * `fetchPage(cursor)` asks the API for one page with the page's current filters. Rows are told apart
 * by their `id`, or by `keyOf(row)` for rows without one.
 */
export function usePagedList<T extends { id: string }>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): PagedList<T>;
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, keyOf: (row: T) => string | number): PagedList<T>;
export function usePagedList<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  keyOf: (row: T) => string | number = (row) => (row as { id: string }).id,
): PagedList<T> {
  const items = ref([]) as Ref<T[]>;
  const total = ref<number | undefined>();
  const totalCapped = ref(false);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const failure = ref<unknown>(null);
  let seq = 0;

  async function reload(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    failure.value = null;
    try {
      const res = await fetchPage(undefined);
      if (mine !== seq) return;
      items.value = res.items;
      nextCursor.value = res.nextCursor;
      total.value = res.total;
      totalCapped.value = res.totalCapped ?? false;
    } catch (e) {
      if (mine !== seq) return;
      failure.value = e;
      items.value = [];
      nextCursor.value = null;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value) return;
    const mine = seq;
    loadingMore.value = true;
    failure.value = null;
    try {
      const res = await fetchPage(nextCursor.value);
      if (mine !== seq) return;
      const known = new Set(items.value.map(keyOf));
      items.value = [...items.value, ...res.items.filter((x) => !known.has(keyOf(x)))];
      nextCursor.value = res.nextCursor;
      if (res.total !== undefined) {
        total.value = res.total;
        totalCapped.value = res.totalCapped ?? false;
      }
    } catch (e) {
      failure.value = e;
    } finally {
      loadingMore.value = false;
    }
  }

  return { items, total, totalCapped, nextCursor, loading, loadingMore, failure, reload, loadMore };
}

/**
 * Ticked rows of a list, by id, at most `max` of them. `rows()` are the rows that may be ticked;
 * "select all" ticks the first `max` of them (and unticks all when those are all ticked).
 */
export function useSelection<T extends { id: string }>(rows: () => T[], max = Number.POSITIVE_INFINITY) {
  const selected = ref<Set<string>>(new Set());
  const allSelected = computed(() => {
    const list = rows();
    return list.length > 0 && list.slice(0, max).every((r) => selected.value.has(r.id));
  });
  function toggle(id: string): void {
    const next = new Set(selected.value);
    if (next.has(id)) next.delete(id);
    else if (next.size < max) next.add(id);
    selected.value = next;
  }
  function toggleAll(): void {
    selected.value = allSelected.value ? new Set() : new Set(rows().slice(0, max).map((r) => r.id));
  }
  function clear(): void {
    selected.value = new Set();
  }
  return { selected, allSelected, toggle, toggleAll, clear };
}
