import { createTestApp, type TestApp } from './support/test-app';
import { checkpointWithOfficer, declaration } from './support/movements';
import { binary, pdfText } from './support/pdf-text';

describe('deployment report', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('counts accounts provisioned, activated and active per unit and checkpoint, paper versus electronic, and idle units', async () => {
    const admin = await t.newStaff('ACCOUNT_ADMIN', '08');
    const police = await t.newStaff('POLICE_ADMIN', '08');
    await t.newStaff('COMMUNE_STAFF', '02230'); // signed in: active
    await t.createStaff('COMMUNE_LEADER', '02230', { passwordHash: null, status: 'PENDING_ACTIVATION' }); // provisioned only
    const { checkpointId, officer } = await checkpointWithOfficer(t, police, 'DEP-1');
    const d = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(201)).body;
    await t.http.post(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).send({ code: d.shortCode, direction: 'IN', outcome: 'ALLOWED' }).expect(201);
    await t.http.post(`/api/v1/checkpoints/${checkpointId}/paper-declarations`).set('Authorization', officer.auth).send({ ...declaration(), direction: 'IN', outcome: 'ALLOWED' }).expect(201);

    const res = await t.http.get('/api/v1/reports/deployment').set('Authorization', admin.auth).expect(200);
    const commune = res.body.communes.find((c: { code: string }) => c.code === '02230');
    expect(commune).toMatchObject({ name: 'Xã Thượng Giáp', accounts: 2, activated: 1, active7d: 1 });
    const district = res.body.districts.find((c: { code: string }) => c.code === '072');
    expect(district.accounts).toBeGreaterThanOrEqual(2);
    expect(res.body.checkpoints.find((c: { id: string }) => c.id === checkpointId)).toMatchObject({ accounts: 1, activated: 1, active7d: 1, passages: 2, paper: 1, electronic: 1 });
    expect(res.body.paperShare).toBe(50);
    expect(res.body.inactiveCommunes).toContain('Xã Trung Hà');
    expect(res.body.inactiveCommunes).not.toContain('Xã Thượng Giáp');
    const pdf = await t.http.get('/api/v1/reports/deployment/pdf').set('Authorization', admin.auth).buffer(true).parse(binary).expect(200);
    expect((await pdfText(pdf.body as Buffer)).text.replace(/\s+/g, ' ')).toContain('BÁO CÁO TÌNH HÌNH TRIỂN KHAI');
  });
});
