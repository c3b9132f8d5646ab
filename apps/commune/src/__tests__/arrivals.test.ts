import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, choose, json, loaded, mountApp, settle, type Call, type Handler } from '@cordon/web/testing';
import type { components } from '@cordon/contracts';
import { communeApp, official, type Role } from './harness';

type Arrival = components['schemas']['ArrivalDto'];

let current: { unmount(): void } | null = null;
beforeEach(() => sessionStorage.clear());
afterEach(() => {
  current?.unmount();
  current = null;
  document.body.innerHTML = '';
});

async function boot(role: Role, path: string, handler: Handler) {
  const m = await mountApp(communeApp, path, { user: official(role), accessToken: 'tok', handler });
  await loaded(m.el);
  current = m;
  return m;
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (root: ParentNode) => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="arrival-row"]'));
const clickEl = async (el: Element | null | undefined) => {
  if (!el) throw new Error('no element to click');
  (el as HTMLElement).click();
  await settle();
};

function arrival(n: number, over: Partial<Arrival['declaration']> = {}, passages = 0, followUp: Partial<Arrival['followUp']> = {}): Arrival {
  return {
    declaration: {
      id: `d${n}`,
      fullName: `Nguyễn Thị ${n}`,
      phone: '0912345678',
      originName: 'Thành phố Hà Nội',
      originZoneLevel: null,
      destinationName: 'Xã Trung Môn',
      travelDate: '2022-03-10',
      riskLevel: 'LOW',
      riskReasons: [],
      ...over,
    } as Arrival['declaration'],
    followUp: { status: 'PENDING', note: null, updatedAt: null, ...followUp },
    passages,
  };
}

const list = [
  arrival(1, { riskLevel: 'HIGH', riskReasons: ['ZONE_LEVEL_4', 'NO_NEGATIVE_TEST'], originZoneLevel: 4, originName: 'Tỉnh Vĩnh Phúc' }, 0),
  arrival(2, { riskLevel: 'MEDIUM', riskReasons: ['SYMPTOMS'] }, 1, { status: 'MONITORING', note: 'Đã gọi điện', updatedAt: '2022-03-11T02:00:00Z' }),
];

function handler(c: Call) {
  if (c.path === '/arrivals' && c.method === 'GET') return json(200, { items: list, nextCursor: null, total: 2 });
  if (c.path === '/arrivals/d1/follow-up' && c.method === 'PUT') {
    const b = c.body as { status: string; note?: string };
    return json(200, { status: b.status, note: b.note ?? null, updatedAt: '2022-03-11T03:00:00Z' });
  }
  if (c.path === '/admin-units') {
    return json(200, {
      items: [
        { code: '02221', name: 'Trung Môn', nameWithType: 'Xã Trung Môn', level: 'COMMUNE', type: 'xa', parentCode: '073' },
        { code: '02224', name: 'Chân Sơn', nameWithType: 'Xã Chân Sơn', level: 'COMMUNE', type: 'xa', parentCode: '073' },
      ],
      nextCursor: null,
    });
  }
  return undefined;
}

describe('commune arrivals', () => {
  it('lists the arrivals with the URL filters, risk and reasons in words, passages and follow-up', async () => {
    const m = await boot('COMMUNE_STAFF', '/arrivals?status=PENDING&riskLevel=HIGH&from=2022-03-05', handler);
    const call = m.calls.find((c) => c.path === '/arrivals')!;
    expect(Object.fromEntries(call.query)).toEqual({ status: 'PENDING', riskLevel: 'HIGH', from: '2022-03-05', limit: '50' });
    const r = rows(m.el);
    expect(r).toHaveLength(2);
    const first = text(r[0]);
    for (const s of ['Nguyễn Thị 1', '0912345678', '⚠ Nguy cơ cao', 'Từ vùng dịch cấp 4', 'Chưa có xét nghiệm âm tính', 'Tỉnh Vĩnh Phúc', 'Vùng dịch cấp 4 · Nguy cơ rất cao', '10/03/2022', 'Chưa qua chốt']) {
      expect(first).toContain(s);
    }
    expect(text(r[0]!.querySelector('[data-testid="followup-badge"]'))).toBe('Chưa theo dõi');
    expect(text(r[1])).toContain('1 lượt qua chốt');
    expect(text(r[1])).toContain('Nguy cơ trung bình');
    expect(text(r[1]!.querySelector('[data-testid="followup-badge"]'))).toBe('Theo dõi tại nhà');
    expect(text(r[1])).toContain('Đã gọi điện');

    // a filter changes the URL and the request
    await choose(m.el, '#f-risk', 'MEDIUM');
    expect(m.router.currentRoute.value.query.riskLevel).toBe('MEDIUM');
    const last = m.calls.filter((c) => c.path === '/arrivals').pop()!;
    expect(last.query.get('riskLevel')).toBe('MEDIUM');
    expect(m.el.querySelector('#f-commune')).toBeNull();
  });

  it('records the follow-up with a status in words and a note', async () => {
    const m = await boot('COMMUNE_LEADER', '/arrivals', handler);
    await clickEl(rows(m.el)[0]!.querySelector('[data-testid="followup-open"]'));
    const dialog = document.body.querySelector('[role="dialog"]')!;
    expect(text(dialog.querySelector('h2'))).toBe('Ghi nhận theo dõi: Nguyễn Thị 1');
    const options = Array.from(dialog.querySelectorAll('[data-testid="followup-status"] option')).map((o) => text(o));
    expect(options).toEqual(['Chọn tình trạng', 'Theo dõi tại nhà', 'Xét nghiệm âm tính', 'Xét nghiệm dương tính', 'Chuyển cách ly', 'Hoàn thành']);
    // no status: an error next to the field, no request
    await clickEl(dialog.querySelector('[data-testid="followup-save"]'));
    expect(m.calls.some((c) => c.method === 'PUT')).toBe(false);
    expect(text(dialog.querySelector('#followup-status-error'))).toBe('Vui lòng chọn tình trạng theo dõi.');

    await choose(dialog, '[data-testid="followup-status"]', 'TESTED_NEGATIVE');
    const note = dialog.querySelector('[data-testid="followup-note"]') as HTMLTextAreaElement;
    note.value = 'Test nhanh âm tính tại Trạm y tế xã';
    note.dispatchEvent(new Event('input'));
    await clickEl(dialog.querySelector('[data-testid="followup-save"]'));

    const put = m.calls.filter((c) => c.method === 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0]!.path).toBe('/arrivals/d1/follow-up');
    expect(put[0]!.body).toEqual({ status: 'TESTED_NEGATIVE', note: 'Test nhanh âm tính tại Trạm y tế xã' });
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
    const row = rows(m.el)[0]!;
    expect(text(row.querySelector('[data-testid="followup-badge"]'))).toBe('Xét nghiệm âm tính');
    expect(text(row)).toContain('Test nhanh âm tính tại Trạm y tế xã');
    expect(text(m.el.querySelector('[data-testid="followup-notice"]'))).toBe('Đã ghi nhận: Nguyễn Thị 1 · Xét nghiệm âm tính.');
  });

  it('keeps the dialog open with the error when the API refuses', async () => {
    const m = await boot('COMMUNE_STAFF', '/arrivals', (c) => (c.method === 'PUT' ? apiError(403, 'FORBIDDEN') : handler(c)));
    await clickEl(rows(m.el)[0]!.querySelector('[data-testid="followup-open"]'));
    const dialog = document.body.querySelector('[role="dialog"]')!;
    await choose(dialog, '[data-testid="followup-status"]', 'MONITORING');
    await clickEl(dialog.querySelector('[data-testid="followup-save"]'));
    expect(document.body.querySelector('[role="dialog"]')).not.toBeNull();
    expect(text(document.body.querySelector('[role="dialog"]'))).toContain('Bạn không có quyền thực hiện thao tác này.');
    expect(text(rows(m.el)[0]!.querySelector('[data-testid="followup-badge"]'))).toBe('Chưa theo dõi');
  });

  it('lets a district officer read, with a commune filter, and record nothing', async () => {
    const m = await boot('DISTRICT_OFFICER', '/arrivals?communeCode=02224', handler);
    const call = m.calls.find((c) => c.path === '/arrivals')!;
    expect(call.query.get('communeCode')).toBe('02224');
    expect(rows(m.el)).toHaveLength(2);
    expect(m.el.querySelector('[data-testid="followup-open"]')).toBeNull();
    expect(m.el.querySelector('[data-testid="read-only-note"]')).not.toBeNull();
    expect(text(rows(m.el)[0])).toContain('Xã Trung Môn');
    const select = m.el.querySelector('#f-commune') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['Tất cả các xã', 'Xã Trung Môn', 'Xã Chân Sơn']);
    expect(select.value).toBe('02224');
  });

  it('shows the menu item and the home card of arrivals from epidemic zones to follow up', async () => {
    const m = await boot('COMMUNE_STAFF', '/', (c) => {
      if (c.path === '/arrivals') return json(200, { items: [], nextCursor: null, total: c.query.get('fromZone') === 'true' && c.query.get('status') === 'PENDING' ? 4 : 0 });
      return undefined;
    });
    expect(Array.from(m.el.querySelectorAll('.shell-nav a')).map((a) => a.textContent)).toContain('Người đến');
    const card = m.el.querySelector('[data-testid="count-arrivals"]')!;
    await settle();
    expect(text(card.querySelector('[data-testid="count-value"]'))).toBe('4');
    expect(text(card)).toContain('⚠ Người đến từ vùng dịch cần theo dõi');
    expect(card.getAttribute('href')).toBe('/commune/arrivals?fromZone=1&status=PENDING');
  });

  it('shows a count that stopped at the list cap with a "+" (more than 1,000 to follow up)', async () => {
    const m = await boot('COMMUNE_STAFF', '/', (c) => {
      if (c.path === '/arrivals') return json(200, { items: [], nextCursor: null, total: 1000, totalCapped: true });
      return undefined;
    });
    await settle();
    expect(text(m.el.querySelector('[data-testid="count-arrivals"] [data-testid="count-value"]'))).toBe('1.000+');
  });
});
