import { describe, expect, it } from 'vitest';
import { usePagedList, useSelection, type Page } from '../composables';

type Row = { id: string };
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('usePagedList', () => {
  it('loads the first page, appends the next ones without repeating rows, and keeps the newest reload', async () => {
    const asked: (string | undefined)[] = [];
    const pages: Record<string, Page<Row>> = {
      first: { items: rows('a', 'b'), nextCursor: 'c2', total: 4 },
      c2: { items: rows('b', 'c'), nextCursor: null, total: 5 },
    };
    const list = usePagedList<Row>(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'first']!;
    });
    const loading = list.reload();
    expect(list.loading.value).toBe(true);
    await loading;
    expect(list.loading.value).toBe(false);
    expect(list.items.value.map((r) => r.id)).toEqual(['a', 'b']);
    expect(list.total.value).toBe(4);
    expect(list.nextCursor.value).toBe('c2');
    await list.loadMore();
    expect(asked).toEqual([undefined, 'c2']);
    expect(list.items.value.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(list.total.value).toBe(5);
    expect(list.nextCursor.value).toBeNull();
    await list.loadMore(); // no cursor: nothing asked
    expect(asked).toHaveLength(2);
  });

  it('tells rows without an id apart by the key it is given', async () => {
    type Line = { rowNo: number };
    const pages: Record<string, Page<Line>> = { first: { items: [{ rowNo: 1 }, { rowNo: 2 }], nextCursor: 'c2' }, c2: { items: [{ rowNo: 2 }, { rowNo: 3 }], nextCursor: null } };
    const list = usePagedList<Line>(async (cursor) => pages[cursor ?? 'first']!, (r) => r.rowNo);
    await list.reload();
    await list.loadMore();
    expect(list.items.value.map((r) => r.rowNo)).toEqual([1, 2, 3]);
    expect(list.total.value).toBeUndefined();
  });

  it('ignores an older answer and shows a failure with an empty list', async () => {
    const slow = deferred<Page<Row>>();
    let n = 0;
    const list = usePagedList<Row>(() => (++n === 1 ? slow.promise : Promise.reject(new Error('down'))));
    const first = list.reload();
    await list.reload();
    slow.resolve({ items: rows('old'), nextCursor: 'x' });
    await first;
    expect(list.items.value).toEqual([]);
    expect(list.nextCursor.value).toBeNull();
    expect((list.failure.value as Error).message).toBe('down');
    expect(list.loading.value).toBe(false);
  });
});

describe('useSelection', () => {
  it('ticks rows up to the limit; select all ticks the first ones and then unticks them', () => {
    const list = rows('a', 'b', 'c');
    const s = useSelection(() => list, 2);
    expect(s.allSelected.value).toBe(false);
    s.toggle('a');
    s.toggle('b');
    s.toggle('c'); // over the limit
    expect([...s.selected.value]).toEqual(['a', 'b']);
    expect(s.allSelected.value).toBe(true);
    s.toggleAll();
    expect(s.selected.value.size).toBe(0);
    s.toggleAll();
    expect([...s.selected.value]).toEqual(['a', 'b']);
    s.toggle('a');
    expect([...s.selected.value]).toEqual(['b']);
    s.clear();
    expect(s.selected.value.size).toBe(0);
  });

  it('has nothing to select in an empty list', () => {
    const s = useSelection(() => [] as Row[]);
    expect(s.allSelected.value).toBe(false);
    s.toggleAll();
    expect(s.selected.value.size).toBe(0);
  });
});
