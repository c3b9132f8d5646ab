import { auditOf, createTestApp, type TestApp, type TestUser } from './support/test-app';
import { vietnamToday } from './support/cases';
import { checkpointWithOfficer, declaration } from './support/movements';
import { binary, pdfText } from './support/pdf-text';

const vehicle = (overrides: Record<string, unknown> = {}) => ({
  plate: '22C-123.45',
  vehicleType: 'TRUCK',
  owner: 'Công ty TNHH Vận tải Tân Trào',
  ownerPhone: '0912345678',
  drivers: [{ fullName: 'Nông Văn Lái', idNumber: '008090123456', phone: '0987000111' }],
  originUnitCode: '01',
  destinationUnitCode: '070',
  cargo: 'Rau quả tươi',
  validFrom: vietnamToday(),
  validTo: vietnamToday(14),
  ...overrides,
});

describe('green lane, arrivals board and the daily report', () => {
  let t: TestApp;
  let driver: TestUser;
  let transport: TestUser;
  let police: TestUser;
  let health: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    driver = await t.newCitizen();
    transport = await t.newStaff('TRANSPORT_OFFICER', '08');
    police = await t.newStaff('POLICE_ADMIN', '08');
    health = await t.newStaff('HEALTH_OFFICER', '08');
  });
  afterAll(() => t.close());

  it('lists registrations page by page with the total, as the review page asks (limit, cursor)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.http.post('/api/v1/green-lane').set('Authorization', driver.auth).send(vehicle()).expect(201)).body.id);
    const first = await t.http.get('/api/v1/green-lane').query({ status: 'PENDING', limit: 2 }).set('Authorization', transport.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThanOrEqual(3);
    const second = await t.http.get('/api/v1/green-lane').query({ status: 'PENDING', limit: 2, cursor: first.body.nextCursor }).set('Authorization', transport.auth).expect(200);
    const seen = [...first.body.items, ...second.body.items].map((v: { id: string }) => v.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
    await t.http.get('/api/v1/green-lane').query({ limit: 0 }).set('Authorization', transport.auth).expect(400);
  });

  it('runs the green-lane life cycle: register, approve, check at a checkpoint, revoke', async () => {
    const reg = await t.http.post('/api/v1/green-lane').set('Authorization', driver.auth).send(vehicle()).expect(201);
    expect(reg.body).toMatchObject({ status: 'PENDING', plate: '22C12345', qrToken: null, valid: false, originName: 'Thành phố Hà Nội' });
    await t.http.post('/api/v1/green-lane').set('Authorization', driver.auth).send(vehicle({ validTo: vietnamToday(40), drivers: [] })).expect(400);
    const pending = await t.http.get('/api/v1/green-lane').query({ status: 'PENDING' }).set('Authorization', transport.auth).expect(200);
    expect(pending.body.items.map((v: { id: string }) => v.id)).toContain(reg.body.id);
    const approved = await t.http.post(`/api/v1/green-lane/${reg.body.id}/approve`).set('Authorization', transport.auth).expect(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', valid: true, qrToken: expect.any(String) });
    await t.http.post(`/api/v1/green-lane/${reg.body.id}/approve`).set('Authorization', transport.auth).expect(409);

    const { checkpointId, officer } = await checkpointWithOfficer(t, police);
    const seen = await t.http.get(`/api/v1/green-lane/lookup/${approved.body.shortCode}`).set('Authorization', officer.auth).expect(200);
    expect(seen.body.drivers[0].idNumber).toMatch(/^\d{4}\*+\d{3}$/);
    const passed = await t.http.post(`/api/v1/checkpoints/${checkpointId}/green-lane-passages`).set('Authorization', officer.auth).send({ code: approved.body.qrToken, direction: 'IN', outcome: 'ALLOWED' }).expect(201);
    expect(passed.body.passage).toMatchObject({ source: 'GREEN_LANE', direction: 'IN' });

    await t.http.post(`/api/v1/green-lane/${reg.body.id}/revoke`).set('Authorization', transport.auth).send({ reason: 'Chở hàng không đúng đăng ký' }).expect(200);
    const refused = await t.http.post(`/api/v1/checkpoints/${checkpointId}/green-lane-passages`).set('Authorization', officer.auth).send({ code: approved.body.qrToken, direction: 'IN', outcome: 'ALLOWED' }).expect(409);
    expect(refused.body.code).toBe('CONFLICT');
    expect((await auditOf(t.dataSource, reg.body.id)).map((e) => e.action)).toEqual(['green_lane.register', 'green_lane.approve', 'green_lane.revoke']);

    const rejected = await t.http.post('/api/v1/green-lane').set('Authorization', driver.auth).send(vehicle({ plate: '22C-999.99' })).expect(201);
    await t.http.post(`/api/v1/green-lane/${rejected.body.id}/reject`).set('Authorization', transport.auth).send({ reason: 'Thiếu giấy tờ xe' }).expect(200);
    const mine = await t.http.get(`/api/v1/green-lane/${rejected.body.id}`).set('Authorization', driver.auth).expect(200);
    expect(mine.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'Thiếu giấy tờ xe', qrToken: null });
    await t.http.get(`/api/v1/green-lane/lookup/${rejected.body.id.slice(0, 22)}`).set('Authorization', officer.auth).expect(404);
  });

  it('counts arrivals per day, district, origin and checkpoint, and exports them as CSV', async () => {
    const { checkpointId, officer } = await checkpointWithOfficer(t, police);
    const high = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ contactWithCase: true })).expect(201)).body;
    await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ originUnitCode: '070' })).expect(201);
    await t.http.post(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).send({ code: high.shortCode, direction: 'IN', outcome: 'SENT_FOR_TESTING' }).expect(201);
    const daily = await t.http.get('/api/v1/arrivals/daily').query({ from: vietnamToday(-2), to: vietnamToday() }).set('Authorization', health.auth).expect(200);
    expect(daily.body.items).toHaveLength(3);
    const today = daily.body.items.find((d: { date: string }) => d.date === vietnamToday());
    expect(today.total).toBeGreaterThanOrEqual(2);
    expect(today.high).toBeGreaterThanOrEqual(1);
    expect(daily.body.byDistrict[0]).toMatchObject({ districtCode: '070', districtName: 'Thành phố Tuyên Quang' });
    expect(daily.body.byOrigin.map((o: { provinceName: string }) => o.provinceName)).toEqual(expect.arrayContaining(['Thành phố Hà Nội', 'Tỉnh Tuyên Quang']));
    expect(daily.body.byCheckpoint.find((c: { checkpointId: string }) => c.checkpointId === checkpointId)).toMatchObject({ total: 1 });
    const stats = await t.http.get('/api/v1/checkpoints/stats').query({ from: vietnamToday(), to: vietnamToday() }).set('Authorization', police.auth).expect(200);
    expect(stats.body.items.find((s: { checkpointId: string }) => s.checkpointId === checkpointId)).toMatchObject({ total: 1, in: 1, out: 0, byOutcome: { SENT_FOR_TESTING: 1 } });
    const csv = await t.http.get('/api/v1/arrivals/export.csv').set('Authorization', health.auth).buffer(true).parse(binary).expect(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Mức nguy cơ');
    expect(text).toContain(high.fullName);
  });

  it('makes the daily report for a date, as data and as a PDF', async () => {
    const report = await t.http.get('/api/v1/reports/daily').query({ date: vietnamToday() }).set('Authorization', health.auth).expect(200);
    expect(report.body).toMatchObject({ date: vietnamToday(), entering: expect.any(Number), passages: expect.any(Number) });
    expect(report.body.entering).toBeGreaterThan(0);
    const pdf = await t.http.get('/api/v1/reports/daily.pdf').query({ date: vietnamToday() }).set('Authorization', health.auth).buffer(true).parse(binary).expect(200);
    const { text } = await pdfText(pdf.body as Buffer);
    expect(text.replace(/\s+/g, ' ')).toContain('BÁO CÁO NGÀY');
    expect(text).toContain('Thành phố Tuyên Quang');
    const form = await t.http.get('/api/v1/checkpoints/paper-form.pdf').set('Authorization', police.auth).buffer(true).parse(binary).expect(200);
    expect((await pdfText(form.body as Buffer)).text.replace(/\s+/g, ' ')).toContain('TỜ KHAI Y TẾ');
  });
});
