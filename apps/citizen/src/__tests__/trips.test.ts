import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { byTestId, click, dmy, json, mountAt, q, settle, type, apiError, type Call } from './harness';
import { declaration } from './movement-fixtures';
import type { Trip } from '../trip-types';

vi.setConfig({ testTimeout: 20_000 });

const STORE_KEY = 'cordon.citizen.trips';

let cleanup: (() => void) | undefined;
beforeEach(() => localStorage.removeItem(STORE_KEY));
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function trip(over: Partial<Trip> = {}): Trip {
  return {
    id: 'tr-1',
    shortCode: 'TR7P2BUS',
    qrToken: 'tp_1a2b3c4d5e6f7a8b9c0d',
    plate: '22B-123.45',
    route: 'Hà Nội - Tuyên Quang',
    departureAt: '2022-03-12T00:30:00.000Z',
    passengers: [declaration(), declaration({ id: 'd-2', shortCode: 'ABCD2345', fullName: 'Trần Thị Mai', riskLevel: 'LOW', riskReasons: [] })],
    createdAt: new Date().toISOString(),
    ...over,
  };
}

async function addCode(el: HTMLElement, text: string) {
  await type(el, '[data-testid="trip-code-input"]', text);
  await click(el, '[data-testid="trip-code-add"]');
}

describe('passenger trip registration', () => {
  it('is on the home page; checks the codes, sends once with an Idempotency-Key and shows the API\'s error on the bad code', async () => {
    const posts: Call[] = [];
    let refuse = true;
    const m = await mountAt('/', (call) => {
      if (call.path === '/trips' && call.method === 'POST') {
        posts.push(call);
        if (refuse) return apiError(400, 'VALIDATION_FAILED', [{ field: 'passengerCodes.1', code: 'NOT_FOUND', message: 'Không có tờ khai nào có mã này.' }]);
        return json(201, trip({ id: 'tr-9' }));
      }
      if (call.path === '/trips/tr-9') return json(200, trip({ id: 'tr-9' }));
      if (call.path === '/trips') return json(200, { items: [] });
      return undefined;
    });
    cleanup = m.unmount;
    const { el, router } = m;
    await click(el, '[data-testid="service-trips"]');
    await vi.waitFor(() => expect(el.querySelector('[data-testid="trip-new"]')).not.toBeNull());
    expect(router.currentRoute.value.path).toBe('/trips');
    await click(el, '[data-testid="trip-new"]');
    await vi.waitFor(() => expect(el.querySelector('[data-testid="trip-submit"]')).not.toBeNull());
    expect(router.currentRoute.value.path).toBe('/trips/new');

    // nothing filled in: errors, no request
    await click(el, '[data-testid="trip-submit"]');
    expect(posts).toHaveLength(0);
    expect(q(el, '#t-plate-error').textContent).toContain('Vui lòng nhập');
    expect(q(el, '#t-code-error').textContent).toContain('Chưa có hành khách');

    // one code typed: upper case, grouped 4-4
    const input = byTestId<HTMLInputElement>(el, 'trip-code-input');
    input.value = 'k7m2qx9p';
    input.dispatchEvent(new Event('input'));
    await settle();
    expect(input.value).toBe('K7M2 QX9P');
    await click(el, '[data-testid="trip-code-add"]');
    expect(el.querySelectorAll('[data-testid="trip-code-item"]')).toHaveLength(1);
    expect(input.value).toBe('');
    // several pasted at once; a wrong one stays in the box with an error
    await addCode(el, 'abcd 2345, 2345ABCD  K7M2-QX9P; OO11');
    expect(el.querySelectorAll('[data-testid="trip-code-item"]')).toHaveLength(3);
    expect(byTestId(el, 'trip-code-error').textContent).toContain('Mã không đúng: OO11');
    expect(byTestId<HTMLInputElement>(el, 'trip-code-input').value).toBe('OO11');
    await type(el, '[data-testid="trip-code-input"]', '');

    await type(el, '#t-plate', '22b 123.45');
    await type(el, '#t-route', 'Hà Nội - Tuyên Quang');
    await type(el, '#t-date', dmy(1));
    await type(el, '#t-time', '7:30');

    await click(el, '[data-testid="trip-submit"]');
    expect(posts).toHaveLength(1);
    const [d, mo, y] = dmy(1).split('/');
    expect(posts[0]!.body).toEqual({
      plate: '22B123.45',
      route: 'Hà Nội - Tuyên Quang',
      departureAt: new Date(`${y}-${mo}-${d}T00:30:00Z`).toISOString(),
      passengerCodes: ['K7M2QX9P', 'ABCD2345', '2345ABCD'],
    });
    const key = posts[0]!.headers.get('idempotency-key');
    expect(key).toBeTruthy();
    // the API's error is on the second code
    const items = el.querySelectorAll('[data-testid="trip-code-item"]');
    expect(items[1]!.querySelector('[data-testid="trip-code-item-error"]')?.textContent).toContain('Không có tờ khai nào có mã này');
    expect(items[0]!.querySelector('[data-testid="trip-code-item-error"]')).toBeNull();

    // removed, sent again: a new key after a definite refusal
    (items[1]!.querySelector('[data-testid="trip-code-remove"]') as HTMLElement).click();
    await settle();
    expect(el.querySelector('[data-testid="trip-code-item-error"]')).toBeNull();
    refuse = false;
    await click(el, '[data-testid="trip-submit"]');
    expect(posts).toHaveLength(2);
    expect((posts[1]!.body as { passengerCodes: string[] }).passengerCodes).toEqual(['K7M2QX9P', '2345ABCD']);
    expect(posts[1]!.headers.get('idempotency-key')).not.toBe(key);
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/trips/tr-9'));
    await settle();
    expect(byTestId(el, 'trip-sent')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]')).toHaveLength(1);
  });
});

describe('a trip page', () => {
  it('shows the trip QR, its code and the passengers with their risk; adds and removes passengers; works offline', async () => {
    let current = trip();
    let online = true;
    const changes: Call[] = [];
    const m = await mountAt('/trips', (call) => {
      if (!online) throw new TypeError('Failed to fetch');
      if (call.path === '/trips') return json(200, { items: [current] });
      if (call.path === '/trips/tr-1' && call.method === 'GET') return json(200, current);
      if (call.path === '/trips/tr-1/passengers' && call.method === 'POST') {
        changes.push(call);
        const codes = (call.body as { passengerCodes: string[] }).passengerCodes;
        if (codes.includes('ZZZZ2222')) return apiError(400, 'VALIDATION_FAILED', [{ field: 'passengerCodes.0', code: 'NOT_FOUND', message: 'Không có tờ khai này.' }]);
        current = { ...current, passengers: [...current.passengers, declaration({ id: 'd-3', shortCode: codes[0]!, fullName: 'Phạm Văn Ba', riskLevel: 'MEDIUM' })] };
        return json(200, current);
      }
      if (call.path === '/trips/tr-1/passengers/d-2' && call.method === 'DELETE') {
        changes.push(call);
        current = { ...current, passengers: current.passengers.filter((p) => p.id !== 'd-2') };
        return json(200, current);
      }
      return undefined;
    });
    cleanup = m.unmount;
    const { el, router } = m;
    const rows = el.querySelectorAll('[data-testid="trip-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('TR7P 2BUS');
    expect(rows[0]!.textContent).toContain('22B-123.45');
    await click(el, '[data-testid="trip-row"] a');
    await vi.waitFor(() => expect(el.querySelector('[data-testid="trip-qr"] svg')).not.toBeNull());
    expect(router.currentRoute.value.path).toBe('/trips/tr-1');
    const svg = q(byTestId(el, 'trip-qr'), 'svg[role="img"]');
    expect(svg.getAttribute('data-qr-value')).toBe('tp_1a2b3c4d5e6f7a8b9c0d');
    expect(byTestId(el, 'trip-code').textContent?.trim()).toBe('TR7P 2BUS');
    expect(byTestId(el, 'trip-departure').textContent).toContain('07:30');
    let passengers = el.querySelectorAll('[data-testid="trip-passenger"]');
    expect(passengers).toHaveLength(2);
    expect(passengers[0]!.textContent).toContain('Lê Văn Bố');
    expect(passengers[0]!.textContent).toContain('CAO');
    expect(passengers[1]!.textContent).toContain('THẤP');

    // add one (a wrong code refused by the API shows on the box)
    await addCode(el, 'zzzz2222');
    expect(byTestId(el, 'trip-code-error').textContent).toContain('ZZZZ 2222: Không có tờ khai này.');
    await type(el, '[data-testid="trip-code-input"]', '');
    await addCode(el, 'PQRS3456');
    expect(changes.at(-1)!.body).toEqual({ passengerCodes: ['PQRS3456'] });
    passengers = el.querySelectorAll('[data-testid="trip-passenger"]');
    expect(passengers).toHaveLength(3);
    expect(passengers[2]!.textContent).toContain('Phạm Văn Ba');

    // remove one
    (passengers[1]!.querySelector('[data-testid="trip-passenger-remove"]') as HTMLElement).click();
    await settle();
    expect(changes.at(-1)!.method).toBe('DELETE');
    expect(changes.at(-1)!.path).toBe('/trips/tr-1/passengers/d-2');
    expect(el.querySelectorAll('[data-testid="trip-passenger"]')).toHaveLength(2);

    // offline: from the phone
    online = false;
    await router.push('/trips');
    await settle();
    expect(byTestId(el, 'trips-offline')).toBeTruthy();
    await router.push('/trips/tr-1');
    await settle();
    expect(byTestId(el, 'trip-offline')).toBeTruthy();
    expect(q(byTestId(el, 'trip-qr'), 'svg').getAttribute('data-qr-value')).toBe('tp_1a2b3c4d5e6f7a8b9c0d');
    expect(el.querySelectorAll('[data-testid="trip-passenger"]')).toHaveLength(2);
  });
});
