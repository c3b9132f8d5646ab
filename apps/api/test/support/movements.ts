import type { TestApp, TestUser } from './test-app';
import { vietnamToday } from './cases';

let seq = 0;

/** A valid movement declaration body; `overrides` replace fields. */
export function declaration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    traveller: { fullName: `Hà Văn Đi ${seq}`, idNumber: `0010${String(Date.now() % 1e4).padStart(4, '0')}${String(seq).padStart(4, '0')}`, dateOfBirth: '1988-08-08', gender: 'MALE', phone: '0987654321' },
    originUnitCode: '001',
    originAddress: 'Số 1 Tràng Tiền',
    destinationCommuneCode: '02212',
    destinationAddress: 'Tổ 7',
    travelDate: vietnamToday(),
    transportMode: 'CAR',
    vehiclePlate: '29A-123.45',
    purpose: 'Thăm gia đình',
    symptoms: [],
    contactWithCase: false,
    stayedInZone: false,
    vaccineDoses: 2,
    ...overrides,
  };
}

/** A checkpoint (created by a police admin) and an officer bound to it. */
export async function checkpointWithOfficer(t: TestApp, police: TestUser, code = `CP-${++seq}`): Promise<{ checkpointId: string; officer: TestUser }> {
  const cp = await t.http.post('/api/v1/checkpoints').set('Authorization', police.auth).send({ code, name: `Chốt ${code}`, unitCode: '02212', road: 'Quốc lộ 2', directions: ['IN', 'OUT'] });
  if (cp.status !== 201) throw new Error(`checkpoint: ${cp.status} ${JSON.stringify(cp.body)}`);
  const account = await t.http.post('/api/v1/accounts').set('Authorization', police.auth).send({ username: `officer.${code.toLowerCase()}`, fullName: `Cán bộ ${code}`, role: 'CHECKPOINT_OFFICER', checkpointId: cp.body.id, agency: 'POLICE' });
  if (account.status !== 201) throw new Error(`officer: ${account.status} ${JSON.stringify(account.body)}`);
  const activated = await t.http.post('/api/v1/auth/activate').send({ username: `officer.${code.toLowerCase()}`, activationCode: account.body.activationCode, newPassword: 'Chot@2026pass' });
  if (activated.status !== 200) throw new Error(`activate: ${activated.status} ${JSON.stringify(activated.body)}`);
  return { checkpointId: cp.body.id, officer: await t.login(`officer.${code.toLowerCase()}`, 'Chot@2026pass') };
}
