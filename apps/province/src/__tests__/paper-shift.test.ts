import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { todayIso } from '@cordon/web';
import { byTestId, settle } from '@cordon/web/testing';
import { disposeOfflineQueue } from '../checkpoint/queue';
import type { Checkpoint } from '../movements-types';
import { boot, json, official, type Handler } from './harness';

const CP: Checkpoint = {
  id: 'cp-1',
  code: 'QL2-DT',
  name: 'Chốt Đội Cấn',
  unitCode: '02212',
  unitName: 'Xã Đội Cấn',
  districtCode: '073',
  road: 'Quốc lộ 2',
  directions: ['IN'],
  active: true,
};
const CCCD = '008089000123|012345678|Nguyễn Văn An|05041989|Nam|Thôn 3, Xã Trung Môn|15082021';

const officer = official('CHECKPOINT_OFFICER', { jurisdiction: { checkpointId: 'cp-1' } });
let current: { vueApp: { unmount(): void } } | null = null;
const restore: (() => void)[] = [];

beforeEach(() => {
  // A phone camera whose BarcodeDetector reads the back of a CCCD.
  const stop = vi.fn();
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: vi.fn(async () => ({ getTracks: () => [{ stop }] })) }, configurable: true });
  (globalThis as Record<string, unknown>).BarcodeDetector = class {
    static getSupportedFormats = async () => ['qr_code'];
    detect = async () => [{ rawValue: CCCD }];
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = async () => undefined;
  Object.defineProperty(HTMLMediaElement.prototype, 'readyState', { get: () => 4, configurable: true });
  restore.push(() => {
    HTMLMediaElement.prototype.play = play;
    delete (globalThis as Record<string, unknown>).BarcodeDetector;
    delete (HTMLMediaElement.prototype as unknown as Record<string, unknown>).readyState;
  });
});
afterEach(() => {
  current?.vueApp.unmount();
  current = null;
  disposeOfflineQueue();
  restore.splice(0).forEach((f) => f());
  document.body.innerHTML = '';
});

async function open(path: string, handler: Handler) {
  const r = await boot(officer, path, (url, init) => {
    if (url.endsWith('/checkpoints') && (init?.method ?? 'GET') === 'GET') return json(200, { items: [CP] });
    return handler(url, init);
  });
  current = r;
  await settle();
  return r;
}

async function set(sel: string, value: string, event = 'input') {
  const input = document.querySelector(sel) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event(event));
  input.dispatchEvent(new Event('blur'));
  await flushPromises();
}

async function pick(sel: string, text: string) {
  await set(sel, text);
  await vi.waitFor(() => expect(document.querySelector(`${sel}-list [role="option"]`)).not.toBeNull(), { timeout: 2000 });
  document.querySelector(`${sel}-list [role="option"]`)!.dispatchEvent(new MouseEvent('mousedown'));
  await flushPromises();
}

describe('paper declaration', () => {
  it('fills the identity from the CCCD QR, moves on with Enter and records declaration + passage in one step', async () => {
    const r = await open('/paper', (url, init) => {
      if (url.includes('/admin-units?') && url.includes('level=COMMUNE')) {
        return json(200, { items: [{ code: '02212', name: 'Đội Cấn', nameWithType: 'Xã Đội Cấn', level: 'COMMUNE', type: 'xa', parentCode: '073' }], nextCursor: null });
      }
      if (url.includes('/admin-units?')) {
        return json(200, { items: [{ code: '01', name: 'Hà Nội', nameWithType: 'Thành phố Hà Nội', level: 'PROVINCE', type: 'thanh-pho', parentCode: null }], nextCursor: null });
      }
      if (url.endsWith('/checkpoints/cp-1/paper-declarations') && init?.method === 'POST') {
        return json(201, {
          passage: { id: 'p-1' },
          declaration: { shortCode: 'P4PE2R7X', riskLevel: 'MEDIUM', riskReasons: ['NO_NEGATIVE_TEST'], passages: [] },
        });
      }
      return undefined;
    });
    byTestId(r.el, 'scan-cccd').click();
    await vi.waitFor(() => expect(byTestId(r.el, 'cccd-filled').textContent).toContain('Nguyễn Văn An'), { timeout: 2000 });
    expect(r.el.querySelector('[data-testid="qr-scanner"]')).toBeNull();
    expect((document.querySelector('#pd-idNumber') as HTMLInputElement).value).toBe('008089000123');
    expect((document.querySelector('#pd-fullName') as HTMLInputElement).value).toBe('Nguyễn Văn An');
    expect((document.querySelector('#pd-dateOfBirth') as HTMLInputElement).value).toBe('05/04/1989');
    expect((document.querySelector('#pd-gender') as HTMLSelectElement).value).toBe('MALE');

    // Enter moves to the next field, as on the printed form
    const id = document.querySelector('#pd-idNumber') as HTMLInputElement;
    id.focus();
    id.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(document.activeElement?.id).toBe('pd-fullName');

    await pick('#pd-origin', 'ha noi');
    await set('#pd-originAddress', 'Số 1 Tràng Tiền');
    await pick('#pd-destination', 'doi can');
    await set('#pd-destinationAddress', 'Thôn 2');
    await set('#pd-transportMode', 'CAR', 'change');
    await set('#pd-vehiclePlate', '29a-123.45');
    await set('#pd-purpose', 'Về quê');
    await set('#pd-doses', '2', 'change');
    (document.querySelector('[data-testid="paper-outcome-SENT_FOR_TESTING"]') as HTMLInputElement).click();
    await flushPromises();
    byTestId(r.el, 'paper-submit').click();
    await settle();

    const post = r.calls.find((c) => c.path === '/checkpoints/cp-1/paper-declarations')!;
    expect(post.headers.get('idempotency-key')).toBeTruthy();
    const body = post.body as Record<string, unknown>;
    expect(body).toMatchObject({
      traveller: { fullName: 'Nguyễn Văn An', idNumber: '008089000123', dateOfBirth: '1989-04-05', gender: 'MALE' },
      originUnitCode: '01',
      originAddress: 'Số 1 Tràng Tiền',
      destinationCommuneCode: '02212',
      destinationAddress: 'Thôn 2',
      travelDate: todayIso(),
      transportMode: 'CAR',
      vehiclePlate: '29A-123.45',
      purpose: 'Về quê',
      symptoms: [],
      contactWithCase: false,
      stayedInZone: false,
      vaccineDoses: 2,
      direction: 'IN',
      outcome: 'SENT_FOR_TESTING',
    });
    expect(typeof body.recordedAt).toBe('string');
    const receipt = byTestId(r.el, 'passage-recorded');
    expect(receipt.textContent).toContain('Đã lưu tờ khai giấy của Nguyễn Văn An. Mã tờ khai: P4PE 2R7X.');
    expect(receipt.textContent).toContain('NGUY CƠ TRUNG BÌNH');
  });

  it('says what is missing next to the fields and sends nothing', async () => {
    const r = await open('/paper', () => undefined);
    byTestId(r.el, 'paper-submit').click();
    await settle();
    expect(document.querySelector('#pd-idNumber-error')!.textContent).toBe('Vui lòng nhập thông tin này.');
    expect(document.querySelector('#pd-origin-error')).not.toBeNull();
    expect(r.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(byTestId(r.el, 'paper-print-form')).toBeTruthy();
  });
});

describe('shift summary', () => {
  it('shows today’s passages by outcome and by kind, printable', async () => {
    const r = await open('/shift', (url) => {
      if (url.includes('/checkpoints/cp-1/passages?')) {
        return json(200, {
          items: [
            { id: 'p-1', checkpointId: 'cp-1', checkpointName: 'Chốt Đội Cấn', direction: 'IN', outcome: 'ALLOWED', source: 'ONLINE', recordedAt: '2022-03-12T01:00:00Z' },
            { id: 'p-2', checkpointId: 'cp-1', checkpointName: 'Chốt Đội Cấn', direction: 'IN', outcome: 'TURNED_BACK', source: 'GREEN_LANE', recordedAt: '2022-03-12T02:00:00Z' },
          ],
          byOutcome: { ALLOWED: 1, TURNED_BACK: 1 },
          bySource: { ONLINE: 1, GREEN_LANE: 1 },
        });
      }
      return undefined;
    });
    const call = r.calls.find((c) => c.path === '/checkpoints/cp-1/passages')!;
    expect(call.query.get('date')).toBe(todayIso());
    const summary = byTestId(r.el, 'shift-summary');
    expect(byTestId(summary, 'shift-total').textContent).toContain('Tổng số lượt qua chốt: 2');
    expect(byTestId(summary, 'shift-outcome-ALLOWED').textContent).toBe('1');
    expect(byTestId(summary, 'shift-outcome-REFERRED_TO_ISOLATION').textContent).toBe('0');
    expect(byTestId(summary, 'shift-source-GREEN_LANE').textContent).toBe('1');
    expect(summary.querySelectorAll('[data-testid="shift-row"]')).toHaveLength(2);
    expect(summary.textContent).toContain('Luồng xanh');
    const print = vi.fn();
    window.print = print;
    byTestId(summary, 'shift-print').click();
    expect(print).toHaveBeenCalled();
  });
});
