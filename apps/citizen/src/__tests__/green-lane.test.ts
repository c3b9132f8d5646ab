import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '@cordon/web';
import { byTestId, choose, click, dmy, json, mountAt, q, settle, type, type Call } from './harness';
import { adminUnits, greenLane, pickUnit } from './movement-fixtures';

vi.setConfig({ testTimeout: 20_000 });

const STORE_KEY = 'cordon.citizen.greenLane';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function addDaysIso(days: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('green-lane registration', () => {
  it('checks the plate, the drivers and a validity of at most 30 days before sending, then sends once with an Idempotency-Key', async () => {
    const posts: Call[] = [];
    const m = await mountAt('/green-lane/new', (call) => {
      const unit = adminUnits(call);
      if (unit) return unit;
      if (call.path === '/green-lane' && call.method === 'POST') {
        posts.push(call);
        return json(201, greenLane({ id: 'g-9', validTo: addDaysIso(30) }));
      }
      return undefined;
    });
    cleanup = m.unmount;
    const { el, router } = m;

    await click(el, '[data-testid="greenlane-submit"]');
    expect(posts).toHaveLength(0);
    expect(q(el, '#g-plate-error').textContent).toContain('Vui lòng nhập');
    expect(q(el, '#g-drivers-0-fullName-error').textContent).toContain('Vui lòng nhập');
    expect(q(el, '#g-origin-error').textContent).toContain('chọn trong danh sách');
    expect(document.activeElement?.id).toBe('g-plate');

    await type(el, '#g-plate', '22C 12');
    expect(q(el, '#g-plate-error').textContent).toContain('22A-123.45');
    await type(el, '#g-plate', '22c 123.45');
    expect(el.querySelector('#g-plate-error')).toBeNull();
    await choose(el, '#g-vehicleType', 'TRUCK');
    await type(el, '#g-owner', 'Công ty TNHH Vận tải An Phát');
    await type(el, '#g-ownerPhone', '0912000003');
    await type(el, '#g-drivers-0-fullName', 'Trần Văn Lái');
    await type(el, '#g-drivers-0-idNumber', '008090000004');
    await type(el, '#g-drivers-0-phone', '12345');
    expect(q(el, '#g-drivers-0-phone-error').textContent).toContain('10 chữ số');
    await type(el, '#g-drivers-0-phone', '0912000004');

    // up to four drivers
    for (let i = 0; i < 3; i++) await click(el, '[data-testid="driver-add"]');
    expect(el.querySelectorAll('[data-testid="driver-row"]')).toHaveLength(4);
    expect(el.querySelector('[data-testid="driver-add"]')).toBeNull();
    for (let i = 0; i < 3; i++) {
      [...el.querySelectorAll<HTMLButtonElement>('[data-testid="driver-remove"]')].pop()!.click();
      await settle();
    }
    expect(el.querySelectorAll('[data-testid="driver-row"]')).toHaveLength(1);

    await pickUnit(el, 'g-origin', 'ha noi');
    await pickUnit(el, 'g-destination', 'ha noi');
    await type(el, '#g-cargo', 'Rau quả tươi');
    await type(el, '#g-validFrom', dmy(-1));
    expect(q(el, '#g-validFrom-error').textContent).toContain('không được trước hôm nay');
    await type(el, '#g-validFrom', dmy(0));
    await type(el, '#g-validTo', dmy(31));
    expect(q(el, '#g-validTo-error').textContent).toContain('Tối đa 30 ngày');
    await type(el, '#g-validTo', dmy(30));
    expect(el.querySelector('#g-validTo-error')).toBeNull();

    await click(el, '[data-testid="greenlane-submit"]');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.get('idempotency-key')).toBeTruthy();
    expect(posts[0]!.body).toEqual({
      plate: '22C123.45',
      vehicleType: 'TRUCK',
      owner: 'Công ty TNHH Vận tải An Phát',
      ownerPhone: '0912000003',
      drivers: [{ fullName: 'Trần Văn Lái', idNumber: '008090000004', phone: '0912000004' }],
      originUnitCode: '01',
      destinationUnitCode: '01',
      cargo: 'Rau quả tươi',
      validFrom: todayIso(),
      validTo: addDaysIso(30),
    });
    await vi.waitFor(() => expect(el.querySelector('[data-testid="greenlane-sent"]')).not.toBeNull());
    expect(router.currentRoute.value.path).toBe('/green-lane/g-9');
    expect(byTestId(el, 'greenlane-status').textContent).toContain('Chờ duyệt');
    expect(el.querySelector('[data-testid="greenlane-qr"]')).toBeNull();
  });
});

describe('my green-lane registrations', () => {
  it('lists them with their status and reason; an approved one shows its QR pass, code and dates, also offline', async () => {
    const approved = greenLane({ id: 'g-ok', status: 'APPROVED', qrToken: 'gl_7b1c2d3e4f5a6b7c8d9e', shortCode: 'GR3N2LAN', valid: true, validTo: addDaysIso(10) });
    const rejected = greenLane({ id: 'g-no', plate: '29C-555.66', status: 'REJECTED', rejectionReason: 'Thiếu giấy đăng kiểm', createdAt: '2020-01-01T00:00:00Z' });
    let online = true;
    const m = await mountAt('/green-lane', (call) => {
      if (!online) throw new TypeError('Failed to fetch');
      if (call.path === '/green-lane') return json(200, { items: [approved, rejected] });
      if (call.path === '/green-lane/g-ok') return json(200, approved);
      return undefined;
    });
    cleanup = m.unmount;
    const { el, router } = m;
    const rows = el.querySelectorAll('[data-testid="greenlane-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Đã duyệt');
    expect(rows[0]!.textContent).toContain('GR3N 2LAN');
    expect(rows[1]!.textContent).toContain('Bị từ chối');
    expect(rows[1]!.textContent).toContain('Lý do: Thiếu giấy đăng kiểm');

    await click(el, '[data-testid="greenlane-row"]');
    await vi.waitFor(() => expect(el.querySelector('[data-testid="greenlane-qr"]')).not.toBeNull());
    expect(router.currentRoute.value.path).toBe('/green-lane/g-ok');
    const svg = q(byTestId(el, 'greenlane-qr'), 'svg[role="img"]');
    expect(svg.getAttribute('data-qr-value')).toBe('gl_7b1c2d3e4f5a6b7c8d9e');
    expect(svg.querySelector('title')?.textContent).toBe('Mã QR thẻ luồng xanh của xe 22C-123.45');
    expect(byTestId(el, 'greenlane-code').textContent?.trim()).toBe('GR3N 2LAN');
    expect(byTestId(el, 'greenlane-valid').textContent).toContain(`đến hết ${dmy(10)}`);
    expect(el.textContent).toContain('CÒN HIỆU LỰC');

    // offline: the list and the pass from the phone
    online = false;
    await router.push('/green-lane');
    await settle();
    expect(byTestId(el, 'greenlane-offline').textContent).toContain('Không có mạng');
    expect(el.querySelectorAll('[data-testid="greenlane-row"]')).toHaveLength(2);
    await router.push('/green-lane/g-ok');
    await settle();
    expect(q(byTestId(el, 'greenlane-qr'), 'svg').getAttribute('data-qr-value')).toBe('gl_7b1c2d3e4f5a6b7c8d9e');
    expect(JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]')).toHaveLength(2);
  });
});
