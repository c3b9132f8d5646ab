import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, loaded, mountApp, settle, type, type Call, type Handler } from '@cordon/web/testing';
import { formatDate, todayIso } from '@cordon/web';
import type { Arrival, ArrivalsDaily, DailyReport, EpidemicZone, GreenLane } from '../components/movements/types';
import { addDays } from '../composables';
import { official, provinceApp, type Role } from './harness';

let current: { unmount(): void } | null = null;
beforeEach(() => {
  sessionStorage.clear();
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  current?.unmount();
  current = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function boot(role: Role, path: string, handler: Handler) {
  const m = await mountApp(provinceApp, path, { user: official(role, { username: 'so.yte', fullName: 'Phạm Thu Hà' }), accessToken: 'tok', handler });
  await loaded(m.el);
  current = m;
  return m;
}
const byTid = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const clickEl = async (el: Element | null | undefined) => {
  if (!el) throw new Error('no element to click');
  (el as HTMLElement).click();
  await settle();
};
const calls = (m: { calls: Call[] }, method: string, path: string) => m.calls.filter((c) => c.method === method && c.path === path);

const today = todayIso();

describe('province navigation of the movement pages', () => {
  it('offers Vùng dịch / Người đến / Báo cáo ngày to the Department of Health and Luồng xanh to the Department of Transport', async () => {
    const h = await boot('HEALTH_OFFICER', '/', () => undefined);
    const links = Array.from(h.el.querySelectorAll('.shell-nav a')).map((a) => a.textContent);
    expect(links).toEqual(['Trang chủ', 'Ca bệnh', 'Thống kê', 'Vùng dịch', 'Người đến', 'Báo cáo ngày', 'Nhật ký', 'Đổi mật khẩu']);
    expect(h.el.querySelector('[data-testid="zones-card"]')).not.toBeNull();
    expect(h.el.querySelector('[data-testid="daily-report-card"]')).not.toBeNull();
    await h.router.push('/green-lane');
    await settle();
    expect(h.router.currentRoute.value.name).toBe('no-access');
    h.unmount();

    const tr = await boot('TRANSPORT_OFFICER', '/', () => undefined);
    const trLinks = Array.from(tr.el.querySelectorAll('.shell-nav a')).map((a) => a.textContent);
    expect(trLinks).toEqual(['Trang chủ', 'Luồng xanh', 'Đổi mật khẩu']);
    expect(tr.el.querySelector('[data-testid="green-lane-card"]')).not.toBeNull();
    await tr.router.push('/zones');
    await settle();
    expect(tr.router.currentRoute.value.name).toBe('no-access');
  });
});

function zone(id: string, over: Partial<EpidemicZone> = {}): EpidemicZone {
  return {
    id,
    unitCode: '24',
    unitName: 'Tỉnh Bắc Giang',
    unitLevel: 'PROVINCE',
    level: 3,
    validFrom: '2022-03-01',
    validTo: null,
    note: null,
    createdAt: '2022-03-01T01:00:00Z',
    ...over,
  };
}

describe('epidemic zones', () => {
  it('lists the zones in force with the level in words, designates a unit anywhere and shows its history', async () => {
    const inForce = [zone('z1', { level: 2, unitCode: '01', unitName: 'Thành phố Hà Nội' }), zone('z2', { level: 4, unitCode: '26', unitName: 'Tỉnh Vĩnh Phúc' })];
    const created = zone('z3', { unitCode: '213', unitName: 'Huyện Lục Nam', unitLevel: 'DISTRICT', level: 3, validFrom: today, validTo: addDays(today, 14), note: 'QĐ 12' });
    const m = await boot('HEALTH_OFFICER', '/zones', (c) => {
      if (c.path === '/epidemic-zones' && c.method === 'POST') return json(201, created);
      if (c.path === '/epidemic-zones' && c.query.get('history') === 'true') {
        return json(200, { items: [created, zone('z0', { unitCode: '213', unitName: 'Huyện Lục Nam', unitLevel: 'DISTRICT', level: 2, validFrom: '2022-01-01', validTo: '2022-02-01' })] });
      }
      if (c.path === '/epidemic-zones') return json(200, { items: inForce });
      if (c.path === '/admin-units') {
        return json(200, { items: [{ code: '213', name: 'Lục Nam', nameWithType: 'Huyện Lục Nam', level: 'DISTRICT', type: 'huyen', parentCode: '24' }], nextCursor: null });
      }
      return undefined;
    });
    // zones in force today, the highest level first, the level as a word and a number
    const first = calls(m, 'GET', '/epidemic-zones')[0]!;
    expect(first.query.has('history')).toBe(false);
    const rows = byTid(m.el, 'zone-row');
    expect(rows).toHaveLength(2);
    expect(text(rows[0])).toContain('Tỉnh Vĩnh Phúc');
    expect(text(rows[0]!.querySelector('[data-testid="zone-level"]'))).toBe('Cấp 4 · Nguy cơ rất cao');
    expect(text(rows[1]!.querySelector('[data-testid="zone-level"]'))).toBe('Cấp 2 · Nguy cơ trung bình');
    expect(text(rows[1])).toContain('Đến khi có thông báo mới');

    // an empty submit: errors next to the fields, no request
    await clickEl(m.el.querySelector('[data-testid="zone-create"]'));
    expect(calls(m, 'POST', '/epidemic-zones')).toHaveLength(0);
    expect(text(m.el.querySelector('#z-unit-error'))).toBe('Hãy gõ vài chữ cái rồi chọn trong danh sách.');
    expect(text(m.el.querySelector('#z-level-error'))).toBe('Chọn cấp độ từ 1 đến 4.');

    // a district of another province (the picker searches the whole country, any level)
    await type(m.el, '#z-unit', 'luc nam');
    await vi.waitFor(() => expect(m.el.querySelector('#z-unit-list [role="option"]')).not.toBeNull(), { timeout: 2000 });
    const search = m.calls.find((c) => c.path === '/admin-units')!;
    expect(search.query.has('level')).toBe(false);
    expect(search.query.has('within')).toBe(false);
    m.el.querySelector('#z-unit-list [role="option"]')!.dispatchEvent(new MouseEvent('mousedown'));
    await settle();
    await clickEl(m.el.querySelector('[data-testid="zone-level-3"]'));
    const [y, mo, d] = addDays(today, 14).split('-');
    await type(m.el, '#z-to', `${d}/${mo}/${y}`);
    const note = m.el.querySelector('#z-note') as HTMLTextAreaElement;
    note.value = 'QĐ 12';
    note.dispatchEvent(new Event('input'));
    await clickEl(m.el.querySelector('[data-testid="zone-create"]'));

    const post = calls(m, 'POST', '/epidemic-zones');
    expect(post).toHaveLength(1);
    expect(post[0]!.body).toEqual({ unitCode: '213', level: 3, validFrom: today, validTo: addDays(today, 14), note: 'QĐ 12' });
    expect(text(m.el.querySelector('[data-testid="zone-designated"]'))).toContain(
      `Đã công bố Huyện Lục Nam là vùng dịch Cấp 3 · Nguy cơ cao, hiệu lực từ ngày ${formatDate(today)} đến hết ngày ${formatDate(addDays(today, 14))}.`,
    );
    // the unit's history, the newest first, ended designations too
    await vi.waitFor(() => expect(byTid(m.el, 'zone-history-row')).toHaveLength(2));
    expect(m.router.currentRoute.value.query.unitCode).toBe('213');
    const hist = calls(m, 'GET', '/epidemic-zones').find((c) => c.query.get('history') === 'true')!;
    expect(hist.query.get('unitCode')).toBe('213');
    const h = byTid(m.el, 'zone-history-row');
    expect(text(h[0])).toContain('Cấp 3 · Nguy cơ cao');
    expect(text(h[0])).toContain('Đang hiệu lực');
    expect(text(h[1])).toContain('Cấp 2 · Nguy cơ trung bình');
    expect(text(h[1])).toContain('01/02/2022');
    expect(text(m.el.querySelector('#history-title'))).toBe('Lịch sử công bố vùng dịch: Huyện Lục Nam');
  });

  it('ends a designation after a confirmation that names the unit, the level and the date', async () => {
    const m = await boot('HEALTH_OFFICER', '/zones', (c) => {
      if (c.path === '/epidemic-zones/z1/end') return json(200, zone('z1', { validTo: today }));
      if (c.path === '/epidemic-zones') return json(200, { items: c.query.get('history') ? [] : [zone('z1')] });
      return undefined;
    });
    await clickEl(m.el.querySelector('[data-testid="zone-end"]'));
    const dialog = document.body.querySelector('[role="dialog"]')!;
    expect(text(dialog.querySelector('h2'))).toBe('Kết thúc vùng dịch Cấp 3 · Nguy cơ cao tại Tỉnh Bắc Giang?');
    expect(text(dialog.querySelector('[data-testid="confirm-dialog-text"]'))).toContain(`Vùng dịch còn hiệu lực đến hết ngày ${formatDate(today)}`);
    await clickEl(dialog.querySelector('[data-testid="confirm-dialog-ok"]'));
    const end = calls(m, 'POST', '/epidemic-zones/z1/end');
    expect(end).toHaveLength(1);
    expect(end[0]!.body).toEqual({ validTo: today });
    expect(text(m.el.querySelector('[data-testid="zone-notice"]'))).toBe(
      `Đã kết thúc vùng dịch Cấp 3 · Nguy cơ cao tại Tỉnh Bắc Giang, hiệu lực đến hết ngày ${formatDate(today)}.`,
    );
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
  });
});

function arrival(n: number, over: Partial<Arrival['declaration']> = {}, passages = 0): Arrival {
  return {
    declaration: {
      id: `d${n}`,
      fullName: `Nguyễn Văn ${n}`,
      phone: '0912345678',
      originName: 'Thành phố Hà Nội',
      originZoneLevel: null,
      destinationName: 'Xã Trung Môn, Huyện Yên Sơn',
      travelDate: today,
      riskLevel: 'LOW',
      riskReasons: [],
      ...over,
    } as Arrival['declaration'],
    followUp: { status: 'PENDING', note: null, updatedAt: null },
    passages,
  };
}

describe('arrivals board', () => {
  it('asks for the last 7 days, draws the chart and the tables, lists arrivals high risk first and exports the same filters', async () => {
    const daily: ArrivalsDaily = {
      items: [
        { date: addDays(today, -1), total: 10, high: 2, medium: 3, low: 5, fromZone: 4 },
        { date: today, total: 6, high: 1, medium: 1, low: 4, fromZone: 2 },
      ],
      byDistrict: [
        { districtCode: '070', districtName: 'Thành phố Tuyên Quang', total: 9, high: 1 },
        { districtCode: '073', districtName: 'Huyện Yên Sơn', total: 7, high: 2 },
      ],
      byOrigin: [{ provinceCode: '01', provinceName: 'Thành phố Hà Nội', total: 16 }],
      byCheckpoint: [{ checkpointId: 'c1', checkpointName: 'Chốt Km 12 QL2', total: 20 }],
    };
    const m = await boot('HEALTH_OFFICER', '/arrivals?riskLevel=HIGH&fromZone=1', (c) => {
      if (c.path === '/arrivals/daily') return json(200, daily);
      if (c.path === '/arrivals/export.csv') return new Response('\uFEFFHọ và tên\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } });
      if (c.path === '/arrivals') {
        return json(200, {
          items: [
            arrival(1, { riskLevel: 'HIGH', riskReasons: ['ZONE_LEVEL_4', 'SYMPTOMS'], originZoneLevel: 4, originName: 'Tỉnh Vĩnh Phúc' }, 2),
            arrival(2, { riskLevel: 'HIGH', riskReasons: ['CONTACT_WITH_CASE'] }),
          ],
          nextCursor: null,
          total: 2,
        });
      }
      return undefined;
    });
    const from = addDays(today, -6);
    const dailyCall = calls(m, 'GET', '/arrivals/daily')[0]!;
    expect(Object.fromEntries(dailyCall.query)).toEqual({ from, to: today });

    const svg = m.el.querySelector('[data-testid="chart-svg"]')!;
    expect(svg.querySelector('desc')!.textContent).toContain('Tổng cộng 16 người, trong đó 3 người nguy cơ cao, 6 người đến từ vùng dịch');
    const legend = Array.from(m.el.querySelectorAll('[data-testid="chart-legend"] li')).map((li) => text(li));
    expect(legend).toEqual(['Nguy cơ cao', 'Nguy cơ trung bình', 'Nguy cơ thấp', 'Từ vùng dịch']);
    const chartRows = byTid(m.el, 'chart-table-row');
    expect(chartRows).toHaveLength(7);
    const cells = (tr: Element) => Array.from(tr.querySelectorAll('th, td')).map((c) => text(c));
    expect(cells(chartRows[6]!)).toEqual([formatDate(today), '1', '1', '4', '2']);
    expect(text(m.el.querySelector('[data-testid="total-arrivals"]'))).toBe('16');
    expect(byTid(m.el, 'by-district-row').map(cells)).toEqual([
      ['Huyện Yên Sơn', '7', '2'],
      ['Thành phố Tuyên Quang', '9', '1'],
    ]);
    expect(byTid(m.el, 'by-origin-row').map(cells)).toEqual([['Thành phố Hà Nội', '16']]);
    expect(byTid(m.el, 'by-checkpoint-row').map(cells)).toEqual([['Chốt Km 12 QL2', '20']]);

    const list = calls(m, 'GET', '/arrivals')[0]!;
    expect(Object.fromEntries(list.query)).toEqual({ from, to: today, riskLevel: 'HIGH', fromZone: 'true', limit: '50' });
    const rows = byTid(m.el, 'arrival-row');
    expect(rows).toHaveLength(2);
    expect(text(rows[0])).toContain('⚠ Nguy cơ cao');
    expect(text(rows[0])).toContain('Từ vùng dịch cấp 4');
    expect(text(rows[0])).toContain('Có triệu chứng');
    expect(text(rows[0])).toContain('Cấp 4 · Nguy cơ rất cao');
    expect(text(rows[0])).toContain('2 lượt qua chốt');
    expect(text(rows[1])).toContain('Chưa qua chốt');
    expect(text(rows[1])).toContain('Chưa theo dõi');
    expect(text(m.el.querySelector('[data-testid="arrival-total"]'))).toContain('Tổng số: 2 người');

    const anchorClick = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const append = vi.spyOn(document.body, 'appendChild');
    await clickEl(m.el.querySelector('[data-testid="arrivals-export"]'));
    await vi.waitFor(() => expect(anchorClick).toHaveBeenCalled());
    const csv = calls(m, 'GET', '/arrivals/export.csv')[0]!;
    expect(Object.fromEntries(csv.query)).toEqual({ from, to: today, riskLevel: 'HIGH', fromZone: 'true' });
    expect(csv.headers.get('authorization')).toBe('Bearer tok');
    const a = append.mock.calls.map(([n]) => n).find((n) => n instanceof HTMLAnchorElement) as HTMLAnchorElement;
    expect(a.download).toBe(`nguoi-den-${from}-${today}.csv`);
  });

  it('says so when nobody arrived and shows the error with its request id', async () => {
    const m = await boot('HEALTH_OFFICER', '/arrivals?from=2022-03-01&to=2022-03-03', (c) => {
      if (c.path === '/arrivals/daily') return json(200, { items: [], byDistrict: [], byOrigin: [], byCheckpoint: [] });
      if (c.path === '/arrivals') return apiError(500, 'INTERNAL_ERROR');
      return undefined;
    });
    expect(Object.fromEntries(calls(m, 'GET', '/arrivals/daily')[0]!.query)).toEqual({ from: '2022-03-01', to: '2022-03-03' });
    expect(m.el.textContent).toContain('Không có người vào tỉnh trong khoảng thời gian này.');
    expect(m.el.querySelector('[data-testid="chart-svg"]')).toBeNull();
    expect(m.el.textContent).toContain('req-1');
  });
});

describe('daily report', () => {
  const report: DailyReport = {
    date: '2022-03-10',
    entering: 1234,
    fromZones: 210,
    highRisk: 37,
    byDistrict: [
      { districtCode: '070', districtName: 'Thành phố Tuyên Quang', total: 700, high: 10 },
      { districtCode: '073', districtName: 'Huyện Yên Sơn', total: 534, high: 27 },
    ],
    greenLaneVehicles: 88,
    passages: 2500,
    paperDeclarations: 140,
  };

  it('shows the report of today by default and of the date picked, as an A4 page with the Decree 30 header', async () => {
    const m = await boot('HEALTH_OFFICER', '/daily-report', (c) => (c.path === '/reports/daily' ? json(200, { ...report, date: c.query.get('date') }) : undefined));
    expect(calls(m, 'GET', '/reports/daily')[0]!.query.get('date')).toBe(today);
    const page = m.el.querySelector('[data-testid="daily-report"]')!;
    expect(text(page)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text(page)).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text(page)).toContain(`Tình hình kiểm soát người và phương tiện vào tỉnh ngày ${formatDate(today)}`);
    expect(text(page.querySelector('em'))).toMatch(/^Tuyên Quang, ngày \d{2} tháng \d{2} năm \d{4}$/);
    expect(text(page.querySelector('[data-testid="dr-entering"]'))).toBe((1234).toLocaleString('vi-VN'));
    expect(text(page.querySelector('[data-testid="dr-high-risk"]'))).toBe('37');
    expect(text(page.querySelector('[data-testid="dr-green-lane"]'))).toBe('88');
    const districts = byTid(page, 'daily-report-district').map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => text(c)));
    expect(districts).toEqual([
      ['Huyện Yên Sơn', '534', '27'],
      ['Thành phố Tuyên Quang', '700', '10'],
    ]);

    await type(m.el, '#dr-date', '10/03/2022');
    await vi.waitFor(() => expect(calls(m, 'GET', '/reports/daily').some((c) => c.query.get('date') === '2022-03-10')).toBe(true));
    expect(m.router.currentRoute.value.query.date).toBe('2022-03-10');
    await vi.waitFor(() => expect(text(m.el.querySelector('[data-testid="daily-report"]'))).toContain('ngày 10/03/2022'));
  });

  it('opens the PDF of the same date in a new tab', async () => {
    const win = { location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockImplementation(() => win as unknown as Window);
    const m = await boot('HEALTH_OFFICER', '/daily-report?date=2022-03-10', (c) => {
      if (c.path === '/reports/daily') return json(200, report);
      if (c.path === '/reports/daily.pdf') return new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), { status: 200, headers: { 'content-type': 'application/pdf' } });
      return undefined;
    });
    await clickEl(m.el.querySelector('[data-testid="daily-report-pdf"]'));
    const pdf = calls(m, 'GET', '/reports/daily.pdf');
    expect(pdf).toHaveLength(1);
    expect(pdf[0]!.query.get('date')).toBe('2022-03-10');
    expect(pdf[0]!.headers.get('authorization')).toBe('Bearer tok');
    expect(open).toHaveBeenCalledWith('', '_blank');
    await vi.waitFor(() => expect(win.location.href).toBe('blob:test'));
  });
});

function registration(id: string, over: Partial<GreenLane> = {}): GreenLane {
  return {
    id,
    status: 'PENDING',
    plate: '22C-123.45',
    vehicleType: 'TRUCK',
    owner: 'Công ty TNHH Vận tải Minh Phát',
    ownerPhone: '0912345678',
    drivers: [{ fullName: 'Trần Văn Bình', idNumber: '008089001234', phone: '0987654321' }],
    originUnitCode: '01',
    originName: 'Thành phố Hà Nội',
    destinationUnitCode: '08',
    destinationName: 'Tỉnh Tuyên Quang',
    cargo: 'Rau quả tươi',
    validFrom: '2022-03-10',
    validTo: '2022-04-08',
    rejectionReason: null,
    qrToken: null,
    shortCode: 'K7M2QX9P',
    valid: false,
    reviewedAt: null,
    createdAt: '2022-03-09T02:00:00Z',
    ...over,
  };
}

describe('green lane review', () => {
  const totals: Record<string, number> = { PENDING: 2, APPROVED: 5, REJECTED: 1, REVOKED: 0 };
  function handler(c: Call) {
    if (c.path === '/green-lane' && c.query.get('limit') === '1') return json(200, { items: [], nextCursor: null, total: totals[c.query.get('status')!] });
    if (c.path === '/green-lane') {
      const s = c.query.get('status');
      if (s === 'APPROVED') return json(200, { items: [registration('g9', { status: 'APPROVED', valid: true, plate: '29H-555.66' })], nextCursor: null, total: 1 });
      return json(200, { items: [registration('g1'), registration('g2', { plate: '98C-000.11', owner: 'Lê Thị Mai' })], nextCursor: null, total: 2 });
    }
    if (c.path === '/green-lane/g1/approve') return json(200, registration('g1', { status: 'APPROVED', valid: true, reviewedAt: '2022-03-10T03:00:00Z' }));
    if (c.path === '/green-lane/g2/reject') return json(200, registration('g2', { status: 'REJECTED', plate: '98C-000.11', rejectionReason: (c.body as { reason: string }).reason }));
    if (c.path === '/green-lane/g9/revoke') return json(200, registration('g9', { status: 'REVOKED', plate: '29H-555.66', rejectionReason: (c.body as { reason: string }).reason }));
    return undefined;
  }

  it('shows the tabs with counts and every detail, approves and rejects with a reason', async () => {
    const m = await boot('TRANSPORT_OFFICER', '/green-lane', handler);
    const tabs = byTid(m.el, 'tabs')[0]!.querySelectorAll('button');
    expect(Array.from(tabs).map((b) => text(b))).toEqual(['Chờ duyệt 2', 'Đã duyệt 5', 'Bị từ chối 1', 'Đã thu hồi 0']);
    expect(calls(m, 'GET', '/green-lane').find((c) => c.query.get('limit') === '50')!.query.get('status')).toBe('PENDING');
    const rows = byTid(m.el, 'greenlane-row');
    expect(rows).toHaveLength(2);
    const first = text(rows[0]);
    for (const s of ['22C-123.45', 'Xe tải', 'Công ty TNHH Vận tải Minh Phát', 'Trần Văn Bình', '008089001234', 'Thành phố Hà Nội → Tỉnh Tuyên Quang', 'Rau quả tươi', 'Từ 10/03/2022 đến hết 08/04/2022', 'Chờ duyệt']) {
      expect(first).toContain(s);
    }

    // approve
    await clickEl(rows[0]!.querySelector('[data-testid="greenlane-approve"]'));
    let dialog = document.body.querySelector('[role="dialog"]')!;
    expect(text(dialog.querySelector('h2'))).toBe('Duyệt luồng xanh cho xe 22C-123.45?');
    expect(text(dialog.querySelector('[data-testid="confirm-dialog-text"]'))).toBe(
      'Công ty TNHH Vận tải Minh Phát nhận được mã QR luồng xanh của xe 22C-123.45; xe dùng mã này qua các chốt kiểm soát của tỉnh từ ngày 10/03/2022 đến hết ngày 08/04/2022.',
    );
    await clickEl(dialog.querySelector('[data-testid="confirm-dialog-ok"]'));
    expect(calls(m, 'POST', '/green-lane/g1/approve')).toHaveLength(1);
    expect(text(m.el.querySelector('[data-testid="greenlane-notice"]'))).toBe('Đã duyệt luồng xanh cho xe 22C-123.45. Chủ xe đã nhận được mã QR.');
    const approved = byTid(m.el, 'greenlane-row')[0]!;
    expect(approved.dataset.status).toBe('APPROVED');
    expect(text(approved.querySelector('[data-testid="greenlane-status"]'))).toBe('✓ Đã duyệt');
    expect(text(approved)).toContain('Đang có hiệu lực');
    expect(approved.querySelector('[data-testid="greenlane-approve"]')).toBeNull();
    expect(approved.querySelector('[data-testid="greenlane-revoke"]')).not.toBeNull();

    // reject: the reason is required
    await clickEl(byTid(m.el, 'greenlane-row')[1]!.querySelector('[data-testid="greenlane-reject"]'));
    dialog = document.body.querySelector('[role="dialog"]')!;
    expect(text(dialog.querySelector('h2'))).toBe('Từ chối đăng ký luồng xanh của xe 98C-000.11?');
    expect(text(dialog.querySelector('[data-testid="confirm-dialog-text"]'))).toContain('Lê Thị Mai nhận được thông báo kèm lý do dưới đây');
    await clickEl(dialog.querySelector('[data-testid="confirm-dialog-ok"]'));
    expect(calls(m, 'POST', '/green-lane/g2/reject')).toHaveLength(0);
    expect(text(document.body.querySelector('#gl-reason-error'))).toBe('Lý do dài từ 5 đến 500 ký tự.');
    const reason = document.body.querySelector('[data-testid="greenlane-reason-input"]') as HTMLTextAreaElement;
    reason.value = 'Giấy đăng ký xe không khớp biển số';
    reason.dispatchEvent(new Event('input'));
    await clickEl(document.body.querySelector('[role="dialog"] [data-testid="confirm-dialog-ok"]'));
    const reject = calls(m, 'POST', '/green-lane/g2/reject');
    expect(reject).toHaveLength(1);
    expect(reject[0]!.body).toEqual({ reason: 'Giấy đăng ký xe không khớp biển số' });
    const rejected = byTid(m.el, 'greenlane-row')[1]!;
    expect(text(rejected.querySelector('[data-testid="greenlane-status"]'))).toBe('✕ Bị từ chối');
    expect(text(rejected.querySelector('[data-testid="greenlane-reason"]'))).toBe('Giấy đăng ký xe không khớp biển số');
    expect(rejected.querySelector('[data-testid="greenlane-reject"]')).toBeNull();
    expect(text(m.el.querySelector('[data-testid="greenlane-notice"]'))).toContain('Đã từ chối đăng ký của xe 98C-000.11.');
  });

  it('revokes an approved green lane with a reason, saying it cannot be undone', async () => {
    const m = await boot('TRANSPORT_OFFICER', '/green-lane?status=APPROVED', handler);
    const row = byTid(m.el, 'greenlane-row')[0]!;
    expect(text(row)).toContain('Đang có hiệu lực');
    await clickEl(row.querySelector('[data-testid="greenlane-revoke"]'));
    const dialog = document.body.querySelector('[role="dialog"]')!;
    expect(text(dialog.querySelector('h2'))).toBe('Thu hồi luồng xanh của xe 29H-555.66?');
    expect(text(dialog.querySelector('[data-testid="confirm-dialog-text"]'))).toContain('Không hoàn tác được');
    const reason = dialog.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = 'Xe chở hàng không đúng đăng ký';
    reason.dispatchEvent(new Event('input'));
    await clickEl(dialog.querySelector('[data-testid="confirm-dialog-ok"]'));
    expect(calls(m, 'POST', '/green-lane/g9/revoke')[0]!.body).toEqual({ reason: 'Xe chở hàng không đúng đăng ký' });
    expect(text(byTid(m.el, 'greenlane-row')[0]!.querySelector('[data-testid="greenlane-status"]'))).toBe('⊘ Đã thu hồi');
  });
});
