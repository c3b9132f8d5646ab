import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { todayIso, type Case } from '@cordon/web';
import type { DailyCount } from '../api-types';
import { addDays } from '../composables';
import { boot as bootAs, json, official, type Handler, type Role } from './harness';

function aCase(n: number, over: Partial<Case> = {}): Case {
  return {
    id: `case-${n}`,
    status: 'ISOLATING',
    fullName: `Lê Văn ${n}`,
    idNumber: '001089000001',
    dateOfBirth: '1980-04-05',
    gender: 'MALE',
    phone: null,
    address: 'Thôn 1',
    communeCode: '02221',
    communeName: 'Xã Trung Môn',
    districtCode: '073',
    districtName: 'Huyện Yên Sơn',
    positiveTestDate: '2022-03-01',
    testType: 'PCR',
    vaccineDoses: 2,
    highRisk: true,
    backRegistered: false,
    policyVersion: '2022-02',
    negativeTestDate: null,
    lastCheckInAt: null,
    dangerSigns: false,
    attention: ['HIGH_RISK'],
    isolation: { plannedEndDate: '2022-03-07', extendedEndDate: '2022-03-07', eligible: false, eligibleFrom: null, dayNumber: 4, overdueConfirmation: false },
    openedAt: '2022-03-01T01:00:00Z',
    recoveredAt: null,
    hasIsolationDecision: true,
    hasRecoveryConfirmation: false,
    ...over,
  } as Case;
}

let current: { vueApp: { unmount(): void } } | null = null;
beforeEach(() => {
  sessionStorage.clear();
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  current?.vueApp.unmount();
  current = null;
  document.body.innerHTML = '';
});

/** Signed in as an official of the Department of Health; the district 073 is known to the API. */
async function boot(role: Role, path: string, handler: Handler) {
  const r = await bootAs(official(role, { username: 'so.yte', fullName: 'Phạm Thu Hà' }), path, (url, init) => {
    if (url.includes('/admin-units/073')) {
      return json(200, { code: '073', name: 'Yên Sơn', nameWithType: 'Huyện Yên Sơn', level: 'DISTRICT', type: 'huyen', parentCode: '08', ancestors: [] });
    }
    return handler(url, init);
  });
  current = r;
  return r;
}

const params = (url: string) => new URL(url, 'http://x').searchParams;

describe('province cases', () => {
  it('shows Ca bệnh / Thống kê to the Department of Health only', async () => {
    const r = await boot('HEALTH_OFFICER', '/', () => undefined);
    const links = Array.from(r.el.querySelectorAll('.shell-nav a')).map((a) => a.textContent);
    expect(links).toEqual(['Trang chủ', 'Ca bệnh', 'Thống kê', 'Vùng dịch', 'Người đến', 'Báo cáo ngày', 'Nhật ký', 'Đổi mật khẩu']);
    r.vueApp.unmount();
    const admin = await boot('ACCOUNT_ADMIN', '/cases', () => undefined);
    expect(admin.router.currentRoute.value.name).toBe('no-access');
    expect(admin.el.querySelector('a[href="/province/dashboard"]')).toBeNull();
  });

  it('lists cases with the URL filters and exports the same filters as CSV with the bearer token', async () => {
    const r = await boot('HEALTH_OFFICER', '/cases?districtCode=073&status=ISOLATING&from=2022-03-01', (url) => {
      if (url.includes('/cases/export.csv')) {
        return new Response('\uFEFFHọ và tên\nLê Văn 1\n', {
          status: 200,
          headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ca-benh.csv"' },
        });
      }
      if (url.includes('/cases?') && url.includes('cursor=c2')) return json(200, { items: [aCase(3)], nextCursor: null, total: 3 });
      if (url.includes('/cases?')) return json(200, { items: [aCase(1), aCase(2, { status: 'RECOVERED', recoveredAt: '2022-03-09T02:00:00Z', attention: [] })], nextCursor: 'c2', total: 3 });
      return undefined;
    });
    const listCall = r.fetchFn.mock.calls.map(([u]) => u).find((u) => u.includes('/cases?'))!;
    expect(Object.fromEntries(params(listCall))).toMatchObject({ districtCode: '073', status: 'ISOLATING', from: '2022-03-01', limit: '100' });
    expect(r.el.querySelectorAll('[data-testid="case-row"]')).toHaveLength(2);
    const table = r.el.querySelector('[data-testid="case-table"]')!.textContent!;
    expect(table).toContain('Nguy cơ cao');
    expect(table).toContain('Xã Trung Môn, Huyện Yên Sơn');
    expect(table).toContain('01/03/2022');
    expect(table).toContain('Khỏi bệnh ngày 09/03/2022');
    expect(r.el.querySelector('[data-testid="case-total"]')!.textContent).toContain('Tổng số: 3 ca bệnh');
    await vi.waitFor(() => expect((r.el.querySelector('#f-district') as HTMLInputElement).value).toBe('Huyện Yên Sơn'));
    (r.el.querySelector('[data-testid="load-more"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(r.el.querySelectorAll('[data-testid="case-row"]')).toHaveLength(3);

    const anchorClick = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const append = vi.spyOn(document.body, 'appendChild');
    (r.el.querySelector('[data-testid="export-csv"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(anchorClick).toHaveBeenCalled());
    const csvCall = r.fetchFn.mock.calls.find(([u]) => u.includes('/cases/export.csv'))!;
    expect(csvCall[0].startsWith('/api/v1/cases/export.csv?')).toBe(true);
    expect(Object.fromEntries(params(csvCall[0]))).toEqual({ districtCode: '073', status: 'ISOLATING', from: '2022-03-01' });
    expect((csvCall[1]!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    const a = append.mock.calls.map(([n]) => n).find((n) => n instanceof HTMLAnchorElement) as HTMLAnchorElement;
    expect(a.download).toBe(`ca-benh-${todayIso()}.csv`);
    expect(a.href).toBe('blob:test');
    anchorClick.mockRestore();
    append.mockRestore();
  });
});

describe('province dashboard', () => {
  it('asks for the last 30 days and draws the chart with a legend in words and the same numbers in tables', async () => {
    const today = todayIso();
    const yesterday = addDays(today, -1);
    const items: DailyCount[] = [
      { date: yesterday, districtCode: '070', districtName: 'Thành phố Tuyên Quang', newCases: 5, recoveries: 1, active: 40 },
      { date: yesterday, districtCode: '073', districtName: 'Huyện Yên Sơn', newCases: 3, recoveries: 2, active: 20 },
      { date: today, districtCode: '070', districtName: 'Thành phố Tuyên Quang', newCases: 7, recoveries: 0, active: 47 },
      { date: today, districtCode: '073', districtName: 'Huyện Yên Sơn', newCases: 1, recoveries: 4, active: 17 },
    ];
    const r = await boot('HEALTH_OFFICER', '/dashboard', (url) => (url.includes('/cases/daily') ? json(200, { items }) : undefined));
    const call = r.fetchFn.mock.calls.map(([u]) => u).find((u) => u.includes('/cases/daily'))!;
    expect(params(call).get('from')).toBe(addDays(today, -29));
    expect(params(call).get('to')).toBe(today);
    expect(params(call).has('districtCode')).toBe(false);

    const svg = r.el.querySelector('[data-testid="chart-svg"]')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.textContent).toContain('Toàn tỉnh: ca bệnh theo ngày');
    expect(svg.querySelector('desc')!.textContent).toContain('Tổng cộng 16 ca mới, 7 ca khỏi; 64 ca đang cách ly, điều trị');
    expect(svg.getAttribute('aria-labelledby')).toBe(svg.querySelector('title')!.id);
    expect(svg.querySelectorAll('[data-series="newCases"] rect').length).toBeGreaterThanOrEqual(30);
    expect(svg.querySelector('[data-series="active"] polyline')).not.toBeNull();
    const legend = Array.from(r.el.querySelectorAll('[data-testid="chart-legend"] li')).map((li) => li.textContent?.trim());
    expect(legend).toEqual(['Ca mới', 'Ca khỏi', 'Đang cách ly, điều trị']);

    const rows = Array.from(r.el.querySelectorAll('[data-testid="chart-table-row"]'));
    expect(rows).toHaveLength(30);
    const cells = (tr: Element) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim());
    const [y, m, d] = today.split('-');
    expect(cells(rows[29]!)).toEqual([`${d}/${m}/${y}`, '8', '4', '64']);
    expect(cells(rows[0]!).slice(1)).toEqual(['0', '0', '0']);

    expect(r.el.querySelector('[data-testid="total-new"]')!.textContent).toBe('16');
    expect(r.el.querySelector('[data-testid="total-active"]')!.textContent).toBe('64');
    const districts = Array.from(r.el.querySelectorAll('[data-testid="district-row"]')).map(cells);
    expect(districts).toEqual([
      ['Thành phố Tuyên Quang', '12', '1', '47'],
      ['Huyện Yên Sơn', '4', '6', '17'],
    ]);
  });
});
