import { describe, expect, it } from 'vitest';
import { byTestId, settle } from '@cordon/web/testing';
import type { TripPass } from '../trip-types';
import { json, type Handler } from './harness';
import { click, declaration, open, posts, typeCode } from './scan-fixtures';


function tripPass(over: Partial<TripPass> = {}): TripPass {
  return {
    id: 'tr-1',
    shortCode: 'TR7P2BUS',
    qrToken: 'trip-qr-token-0000000000',
    plate: '22B-123.45',
    route: 'Hà Nội - Tuyên Quang',
    departureAt: '2022-03-12T00:30:00Z',
    createdAt: '2022-03-11T10:00:00Z',
    passengers: [
      declaration({ id: 'd-1', fullName: 'Lương Văn Khải', riskLevel: 'LOW', riskReasons: [] }),
      declaration({ id: 'd-2', shortCode: 'ABCD2345', fullName: 'Trần Thị Mai', idNumber: '0081*****999' }),
      declaration({ id: 'd-3', shortCode: 'PQRS3456', fullName: 'Phạm Văn Ba', valid: false, riskLevel: 'MEDIUM', riskReasons: ['NOT_VACCINATED'] }),
    ],
    ...over,
  };
}

function tripHandler(state: { online: boolean; lookups: string[] }): Handler {
  return (url, init) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const method = init?.method ?? 'GET';
    if (url.includes('/lookup/')) state.lookups.push(url.replace(/^.*\/api\/v1/, ''));
    if (url.includes('/trips/lookup/TR7P2BUS')) return json(200, tripPass());
    if (url.endsWith('/checkpoints/cp-1/trip-passages') && method === 'POST') {
      return json(201, {
        passages: [{ id: 'p-1' }, { id: 'p-2' }],
        skipped: [{ declarationId: 'd-3', fullName: 'Phạm Văn Ba', reason: 'EXPIRED' }],
      });
    }
    return undefined; // 404: not a declaration, not a green-lane pass
  };
}

describe('a passenger trip at the checkpoint', () => {
  it('falls back to the trip after two 404s and shows every passenger with the risk, expired ones marked', async () => {
    const state = { online: true, lookups: [] as string[] };
    const r = await open(tripHandler(state));
    await typeCode(r.el, 'tr7p2bus');
    expect(state.lookups).toEqual(['/movement-declarations/lookup/TR7P2BUS', '/green-lane/lookup/TR7P2BUS', '/trips/lookup/TR7P2BUS']);
    const trip = byTestId(r.el, 'scan-trip');
    expect(trip.textContent).toContain('22B-123.45');
    expect(byTestId(r.el, 'trip-route').textContent).toContain('Hà Nội - Tuyên Quang');
    expect(byTestId(r.el, 'trip-departure').textContent).toContain('07:30');
    const rows = Array.from(r.el.querySelectorAll<HTMLElement>('[data-testid="trip-passenger"]'));
    expect(rows).toHaveLength(3);
    // valid ones first, the highest risk first; the expired one last and without a select
    expect(rows.map((x) => x.dataset.id)).toEqual(['d-2', 'd-1', 'd-3']);
    expect(rows[0]!.textContent).toContain('Trần Thị Mai');
    expect(rows[0]!.textContent).toContain('0081*****999');
    expect(rows[0]!.querySelector('[data-testid="trip-risk"]')!.textContent).toContain('NGUY CƠ CAO');
    expect(rows[0]!.querySelector('svg.risk-icon')).not.toBeNull();
    expect(rows[1]!.textContent).toContain('NGUY CƠ THẤP');
    expect(rows[2]!.querySelector('[data-testid="trip-expired"]')!.textContent).toContain('HẾT HẠN');
    expect(rows[2]!.querySelector('[data-testid="trip-exception"]')).toBeNull();
    expect(byTestId(r.el, 'trip-valid-count').textContent).toContain('2/3');
    // the outcome is picked first, then the whole vehicle recorded
    expect(byTestId<HTMLButtonElement>(r.el, 'trip-record').disabled).toBe(true);
  });

  it('records the whole vehicle at once with one outcome, the exceptions and an Idempotency-Key; shows the count and the skipped', async () => {
    const state = { online: true, lookups: [] as string[] };
    const r = await open(tripHandler(state));
    await typeCode(r.el, 'TR7P2BUS');
    (byTestId(r.el, 'direction-OUT').querySelector('input') as HTMLInputElement).click();
    await settle();
    await click(byTestId(r.el, 'outcome-ALLOWED'));
    expect(posts(r)).toHaveLength(0); // a tap only picks the outcome for a trip
    expect(byTestId(r.el, 'outcome-ALLOWED').getAttribute('aria-pressed')).toBe('true');
    const select = r.el.querySelector<HTMLSelectElement>('[data-testid="trip-passenger"][data-id="d-2"] [data-testid="trip-exception"]')!;
    select.value = 'SENT_FOR_TESTING';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(byTestId(r.el, 'trip-record').textContent).toContain('Ghi nhận cả xe: Cho qua (2 người)');
    const before = Date.now();
    await click(byTestId(r.el, 'trip-record'));
    const [post] = posts(r);
    expect(post!.path).toBe('/checkpoints/cp-1/trip-passages');
    expect(post!.headers.get('idempotency-key')).toMatch(/.{16,}/);
    const body = post!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      code: 'TR7P2BUS',
      direction: 'OUT',
      outcome: 'ALLOWED',
      exceptions: [{ declarationId: 'd-2', outcome: 'SENT_FOR_TESTING' }],
    });
    expect(Math.abs(Date.parse(body.recordedAt as string) - before)).toBeLessThan(5000);
    const receipt = byTestId(r.el, 'passage-recorded');
    expect(receipt.dataset.status).toBe('sent');
    expect(byTestId(r.el, 'trip-recorded-count').textContent).toContain('Đã ghi nhận 2 lượt qua chốt, Ra khỏi tỉnh');
    expect(byTestId(r.el, 'trip-skipped').textContent).toContain('Phạm Văn Ba (hết hạn)');
    expect(r.el.querySelector('[data-testid="trip-record"]')).toBeNull();
  });

  it('keeps a trip passage on the phone when the connection drops and resends it with the SAME key', async () => {
    const state = { online: true, lookups: [] as string[] };
    const r = await open(tripHandler(state));
    await typeCode(r.el, 'TR7P2BUS');
    await click(byTestId(r.el, 'outcome-TURNED_BACK'));
    state.online = false;
    await click(byTestId(r.el, 'trip-record'));
    expect(byTestId(r.el, 'passage-recorded').dataset.status).toBe('queued');
    expect(byTestId(r.el, 'trip-recorded-count').textContent).toContain('Đã lưu trên máy 2 lượt');
    expect(byTestId(r.el, 'queue-count').dataset.count).toBe('1');
    state.online = true;
    await click(byTestId(r.el, 'queue-flush'));
    expect(byTestId(r.el, 'queue-count').dataset.count).toBe('0');
    const sent = posts(r);
    expect(sent.map((c) => c.path)).toEqual(['/checkpoints/cp-1/trip-passages', '/checkpoints/cp-1/trip-passages']);
    expect(sent[0]!.headers.get('idempotency-key')).toBe(sent[1]!.headers.get('idempotency-key'));
    expect(sent[1]!.body).toEqual(sent[0]!.body);
    expect(sent[1]!.body).toMatchObject({ code: 'TR7P2BUS', direction: 'IN', outcome: 'TURNED_BACK', exceptions: [] });
  });

  it('records a typed trip code without a lookup when offline (one outcome for everyone)', async () => {
    const state = { online: false, lookups: [] as string[] };
    const r = await open(tripHandler(state));
    await typeCode(r.el, 'TR7P2BUS');
    (byTestId(r.el, 'offline-trip') as HTMLInputElement).click();
    await settle();
    await click(byTestId(r.el, 'outcome-ALLOWED'));
    expect(byTestId(r.el, 'passage-recorded').dataset.status).toBe('queued');
    state.online = true;
    await click(byTestId(r.el, 'queue-flush'));
    const sent = posts(r);
    expect(sent.at(-1)!.path).toBe('/checkpoints/cp-1/trip-passages');
    expect(sent.at(-1)!.body).toMatchObject({ code: 'TR7P2BUS', direction: 'IN', outcome: 'ALLOWED' });
  });
});
