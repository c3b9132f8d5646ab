import { afterEach } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { byTestId, settle } from '@cordon/web/testing';
import { disposeOfflineQueue } from '../checkpoint/queue';
import type { Checkpoint, ScannedDeclaration } from '../movements-types';
import { boot, json, official, type Handler } from './harness';

/** The scan screen of a checkpoint officer at CHECKPOINT, on a fake API (shared by the scan tests). */
export const CHECKPOINT: Checkpoint = {
  id: 'cp-1',
  code: 'QL2-DT',
  name: 'Chốt Đội Cấn',
  unitCode: '02212',
  unitName: 'Xã Đội Cấn',
  districtCode: '073',
  road: 'Quốc lộ 2',
  directions: ['IN', 'OUT'],
  active: true,
};

export function declaration(over: Partial<ScannedDeclaration> = {}): ScannedDeclaration {
  return {
    id: 'd-1',
    shortCode: 'K7M2QX9P',
    qrToken: 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDE',
    source: 'ONLINE',
    fullName: 'Lương Văn Khải',
    idNumber: '0080*****234',
    dateOfBirth: '1990-05-04',
    gender: 'MALE',
    phone: null,
    nationality: 'VN',
    originUnitCode: '01',
    originName: 'Thành phố Hà Nội',
    originAddress: 'Số 1',
    destinationCommuneCode: '02212',
    destinationName: 'Xã Đội Cấn',
    destinationAddress: 'Thôn 2',
    travelDate: '2022-03-12',
    transportMode: 'CAR',
    vehiclePlate: '29A-123.45',
    purpose: 'Về quê',
    symptoms: ['FEVER'],
    contactWithCase: true,
    stayedInZone: false,
    vaccineDoses: 2,
    lastDoseDate: null,
    test: null,
    riskLevel: 'HIGH',
    riskReasons: ['ZONE_LEVEL_4', 'SYMPTOMS', 'CONTACT_WITH_CASE'],
    originZoneLevel: 4,
    validUntil: '2022-03-15T01:00:00Z',
    valid: true,
    createdAt: '2022-03-12T01:00:00Z',
    passages: [{ id: 'p-0', checkpointId: 'cp-9', checkpointName: 'Chốt Tân Long', direction: 'IN', outcome: 'ALLOWED', source: 'ONLINE', recordedAt: '2022-03-10T02:00:00Z' }],
    ...over,
  } as ScannedDeclaration;
}

export const officer = official('CHECKPOINT_OFFICER', { username: 'cb.chot', fullName: 'Trần Văn Chốt', jurisdiction: { checkpointId: 'cp-1' } });

let current: { vueApp: { unmount(): void } } | null = null;
afterEach(() => {
  current?.vueApp.unmount();
  current = null;
  disposeOfflineQueue();
  document.body.innerHTML = '';
});

export async function open(handler: Handler, path = '/scan') {
  const r = await boot(officer, path, (url, init) => {
    if (url.endsWith('/checkpoints') && (init?.method ?? 'GET') === 'GET') return json(200, { items: [CHECKPOINT] });
    return handler(url, init);
  });
  current = r;
  return r;
}

export async function typeCode(el: HTMLElement, code: string) {
  const input = byTestId<HTMLInputElement>(el, 'scan-code-input');
  input.value = code;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
  byTestId(el, 'scan-lookup').closest('form')!.dispatchEvent(new Event('submit'));
  await settle();
}

export const click = async (el: Element | null) => {
  (el as HTMLElement).click();
  await settle();
};

export const posts = (r: Awaited<ReturnType<typeof open>>) => r.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/checkpoints/'));
