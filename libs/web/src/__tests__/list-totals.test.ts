import { describe, expect, it } from 'vitest';
import { usePagedList } from '../composables';
import { formatTotal } from '../format/number';

describe('capped list totals', () => {
  it('shows a total that stopped at its cap with a "+"', () => {
    expect(formatTotal(3)).toBe('3');
    expect(formatTotal(1000, true)).toBe('1.000+');
    expect(formatTotal(12345, false)).toBe('12.345');
  });

  it('keeps whether the total was capped, from the first page and from pages that carry a total', async () => {
    const pages = {
      first: { items: [{ id: 'a' }], nextCursor: 'c2', total: 1000, totalCapped: true },
      c2: { items: [{ id: 'b' }], nextCursor: 'c3' },
      c3: { items: [{ id: 'c' }], nextCursor: null, total: 3, totalCapped: false },
    } as const;
    const list = usePagedList<{ id: string }>(async (cursor) => ({ ...pages[(cursor ?? 'first') as keyof typeof pages], items: [...pages[(cursor ?? 'first') as keyof typeof pages].items] }));
    await list.reload();
    expect([list.total.value, list.totalCapped.value]).toEqual([1000, true]);
    await list.loadMore(); // no total on this page: the first page's stays
    expect([list.total.value, list.totalCapped.value]).toEqual([1000, true]);
    await list.loadMore();
    expect([list.total.value, list.totalCapped.value]).toEqual([3, false]);
  });
});
