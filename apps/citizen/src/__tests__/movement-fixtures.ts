import type { AdminUnit, Declaration, GreenLane } from '@cordon/web';
import { todayIso } from '@cordon/web';
import { json, q, settle, type Call } from './harness';

export const hanoi: AdminUnit = { code: '01', level: 'PROVINCE', name: 'Hà Nội', nameWithType: 'Thành phố Hà Nội', parentCode: null, type: 'thanh-pho' };
export const cauGiay: AdminUnit = { code: '005', level: 'DISTRICT', name: 'Cầu Giấy', nameWithType: 'Quận Cầu Giấy', parentCode: '01', type: 'quan' };
export const trungMon: AdminUnit = { code: '02221', level: 'COMMUNE', name: 'Trung Môn', nameWithType: 'Xã Trung Môn', parentCode: '071', type: 'xa' };

/** GET /admin-units as the pickers ask it: communes of the province, units within Hà Nội, or any unit by name. */
export function adminUnits(call: Call): Response | undefined {
  if (call.path !== '/admin-units') return undefined;
  if (call.query.get('level') === 'COMMUNE' && call.query.get('within') === '08') return json(200, { items: [trungMon], nextCursor: null });
  if (call.query.get('within') === '01') return json(200, { items: [cauGiay], nextCursor: null });
  return json(200, { items: [hanoi], nextCursor: null });
}

/** Types into a unit picker and chooses the first option (the picker waits 250 ms before it searches). */
export async function pickUnit(root: ParentNode, id: string, text: string): Promise<void> {
  const input = q<HTMLInputElement>(root, `#${id}`);
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await new Promise((r) => setTimeout(r, 300));
  await settle();
  q(root, `#${id}-list .combo-option`).dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
  await settle();
}

export function declaration(over: Partial<Declaration> = {}): Declaration {
  const now = Date.now();
  return {
    id: 'd-1',
    shortCode: 'K7M2QX9P',
    qrToken: 'qt_9f8e7d6c5b4a39281706',
    source: 'ONLINE',
    fullName: 'Lê Văn Bố',
    idNumber: '008150000002',
    dateOfBirth: '1950-02-01',
    gender: 'MALE',
    phone: '0912000002',
    nationality: 'VN',
    originUnitCode: '01',
    originName: 'Thành phố Hà Nội',
    originAddress: '12 Trần Phú',
    destinationCommuneCode: '02221',
    destinationName: 'Xã Trung Môn',
    destinationAddress: 'Thôn 5',
    travelDate: todayIso(),
    transportMode: 'CAR',
    vehiclePlate: '22A-123.45',
    purpose: 'Về quê',
    symptoms: ['FEVER'],
    contactWithCase: false,
    stayedInZone: true,
    vaccineDoses: 2,
    lastDoseDate: '2021-12-01',
    test: null,
    riskLevel: 'HIGH',
    riskReasons: ['ZONE_LEVEL_3', 'NO_NEGATIVE_TEST'],
    originZoneLevel: 3,
    validUntil: new Date(now + 72 * 3600_000).toISOString(),
    valid: true,
    createdAt: new Date(now).toISOString(),
    ...over,
  };
}

export function greenLane(over: Partial<GreenLane> = {}): GreenLane {
  const today = todayIso();
  return {
    id: 'g-1',
    status: 'PENDING',
    plate: '22C-123.45',
    vehicleType: 'TRUCK',
    owner: 'Công ty TNHH Vận tải An Phát',
    ownerPhone: '0912000003',
    drivers: [{ fullName: 'Trần Văn Lái', idNumber: '008090000004', phone: '0912000004' }],
    originUnitCode: '01',
    originName: 'Thành phố Hà Nội',
    destinationUnitCode: '02221',
    destinationName: 'Xã Trung Môn',
    cargo: 'Rau quả tươi',
    validFrom: today,
    validTo: today,
    qrToken: null,
    shortCode: null,
    valid: false,
    rejectionReason: null,
    reviewedAt: null,
    createdAt: new Date().toISOString(),
    ...over,
  };
}
