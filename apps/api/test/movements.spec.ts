import { auditOf, createTestApp, type TestApp, type TestUser } from './support/test-app';
import { vietnamToday } from './support/cases';
import { checkpointWithOfficer, declaration } from './support/movements';

describe('epidemic zones, checkpoints, declarations, passages and arrivals', () => {
  let t: TestApp;
  let health: TestUser;
  let police: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ DECLARATION_VALID_HOURS: '72' });
    health = await t.newStaff('HEALTH_OFFICER', '08');
    police = await t.newStaff('POLICE_ADMIN', '08');
  });
  afterAll(() => t.close());

  it('designates epidemic zones with history: a new level ends the previous designation', async () => {
    const first = await t.http.post('/api/v1/epidemic-zones').set('Authorization', health.auth).send({ unitCode: '01', level: 2, validFrom: vietnamToday(-10) }).expect(201);
    const second = await t.http.post('/api/v1/epidemic-zones').set('Authorization', health.auth).send({ unitCode: '01', level: 3, validFrom: vietnamToday(-2), note: 'Tăng cấp' }).expect(201);
    expect(second.body).toMatchObject({ unitCode: '01', unitName: 'Thành phố Hà Nội', level: 3, validTo: null });
    const now = await t.http.get('/api/v1/epidemic-zones').set('Authorization', health.auth).expect(200);
    expect(now.body.items.filter((z: { unitCode: string }) => z.unitCode === '01').map((z: { level: number }) => z.level)).toEqual([3]);
    const history = await t.http.get('/api/v1/epidemic-zones').query({ history: 'true', unitCode: '01' }).set('Authorization', health.auth).expect(200);
    expect(history.body.items.map((z: { level: number; validTo: string | null }) => [z.level, z.validTo])).toEqual([[3, null], [2, vietnamToday(-3)]]);
    await t.http.post('/api/v1/epidemic-zones').set('Authorization', police.auth).send({ unitCode: '01', level: 1, validFrom: vietnamToday() }).expect(403);
    expect((await auditOf(t.dataSource, first.body.id)).map((e) => e.action)).toEqual(['epidemic_zone.designate', 'epidemic_zone.end']);
  });

  it('computes the risk of a declaration from the zone of origin on the travel date', async () => {
    const citizen = await t.newCitizen();
    const fromHanoi = await t.http.post('/api/v1/movement-declarations').set('Authorization', citizen.auth).send(declaration({ test: { type: 'RAPID_FACILITY', date: vietnamToday(), result: 'NEGATIVE' } })).expect(201);
    expect(fromHanoi.body).toMatchObject({ riskLevel: 'HIGH', riskReasons: ['ZONE_LEVEL_3'], originZoneLevel: 3, valid: true, originName: 'Quận Ba Đình', source: 'ONLINE' });
    expect(fromHanoi.body.shortCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(fromHanoi.body.qrToken).toHaveLength(22);
    expect(new Date(fromHanoi.body.validUntil).getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
    const local = await t.http.post('/api/v1/movement-declarations').set('Authorization', citizen.auth).send(declaration({ originUnitCode: '070' })).expect(201);
    expect(local.body).toMatchObject({ riskLevel: 'LOW', riskReasons: [] });
    const self = await t.http.post('/api/v1/movement-declarations').set('Authorization', citizen.auth).send({ ...declaration({ originUnitCode: '070' }), traveller: undefined, forSelf: true }).expect(201);
    expect(self.body.fullName).toBe(citizen.user.fullName);
    const mine = await t.http.get('/api/v1/movement-declarations').set('Authorization', citizen.auth).expect(200);
    expect(mine.body.total).toBe(3);
  });

  it('takes anonymous declarations, validated field by field', async () => {
    const ok = await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ symptoms: ['COUGH'] })).expect(201);
    expect(ok.body).toMatchObject({ riskLevel: 'HIGH', riskReasons: expect.arrayContaining(['SYMPTOMS']) });
    const bad = await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ vehiclePlate: 'ABC', traveller: { fullName: 'A', idNumber: '1', dateOfBirth: 'x', gender: 'X' } })).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['vehiclePlate', 'traveller.fullName', 'traveller.idNumber', 'traveller.dateOfBirth', 'traveller.gender']));
    const far = await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ travelDate: vietnamToday(40) })).expect(400);
    expect(far.body.details[0].field).toBe('travelDate');
    const outside = await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ destinationCommuneCode: '00001' })).expect(400);
    expect(outside.body.details[0].field).toBe('destinationCommuneCode');
  });

  it('lets the police create checkpoints and provision their officers (with an agency)', async () => {
    const { checkpointId, officer } = await checkpointWithOfficer(t, police, 'QL2-TEST');
    expect(officer.user).toMatchObject({ role: 'CHECKPOINT_OFFICER', checkpointId, agency: 'POLICE', unitCode: null });
    const mine = await t.http.get('/api/v1/checkpoints').set('Authorization', officer.auth).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([checkpointId]);
    const dup = await t.http.post('/api/v1/checkpoints').set('Authorization', police.auth).send({ code: 'QL2-TEST', name: 'Lặp', unitCode: '02212', road: 'QL2', directions: ['IN'] }).expect(400);
    expect(dup.body.details[0].field).toBe('code');
    const staff = await t.http.post('/api/v1/accounts').set('Authorization', police.auth).send({ username: 'not.allowed', fullName: 'Không được', role: 'COMMUNE_STAFF', unitCode: '02212' }).expect(403);
    expect(staff.body.code).toBe('FORBIDDEN');
    await t.http.post('/api/v1/accounts').set('Authorization', police.auth).send({ username: 'no.agency', fullName: 'Thiếu cơ quan', role: 'CHECKPOINT_OFFICER', checkpointId }).expect(400);
    const listed = await t.http.get('/api/v1/accounts').set('Authorization', police.auth).expect(200);
    expect(listed.body.items.every((a: { role: string }) => a.role === 'CHECKPOINT_OFFICER')).toBe(true);
  });

  it('scans by short code or token (ID masked), records passages at the own checkpoint only, idempotently', async () => {
    const { checkpointId, officer } = await checkpointWithOfficer(t, police);
    const other = await checkpointWithOfficer(t, police);
    const d = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(201)).body;
    const byCode = await t.http.get(`/api/v1/movement-declarations/lookup/${d.shortCode.toLowerCase()}`).set('Authorization', officer.auth).expect(200);
    expect(byCode.body).toMatchObject({ id: d.id, riskLevel: d.riskLevel, passages: [] });
    expect(byCode.body.idNumber).toMatch(/^\d{4}\*+\d{3}$/);
    await t.http.get(`/api/v1/movement-declarations/lookup/${d.qrToken}`).set('Authorization', officer.auth).expect(200);
    await t.http.get('/api/v1/movement-declarations/lookup/ZZZZZZZZ').set('Authorization', officer.auth).expect(404);

    const body = { code: d.qrToken, direction: 'IN', outcome: 'ALLOWED' };
    const first = await t.http.post(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).set('Idempotency-Key', 'scan-1').send(body).expect(201);
    const retry = await t.http.post(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).set('Idempotency-Key', 'scan-1').send(body).expect(201);
    expect(retry.body.passage.id).toBe(first.body.passage.id);
    expect(first.body.declaration.passages).toHaveLength(1);
    await t.http.post(`/api/v1/checkpoints/${other.checkpointId}/passages`).set('Authorization', officer.auth).send(body).expect(403);
    const queued = await t.http.post(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).send({ ...body, direction: 'OUT', recordedAt: new Date(Date.now() - 3600_000).toISOString() }).expect(201);
    expect(new Date(queued.body.passage.recordedAt).getTime()).toBeLessThan(Date.now() - 3500_000);
    const summary = await t.http.get(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).expect(200);
    expect(summary.body).toMatchObject({ byOutcome: { ALLOWED: 2 }, bySource: { ONLINE: 2 } });
    expect(summary.body.items).toHaveLength(2);
  });

  it('refuses passages at a checkpoint from the moment it is deactivated, and takes its changes at once', async () => {
    const { checkpointId, officer } = await checkpointWithOfficer(t, police);
    const scan = async () => {
      const d = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(201)).body;
      return t.http.post(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).send({ code: d.shortCode, direction: 'IN', outcome: 'ALLOWED' });
    };
    expect((await scan()).status).toBe(201);
    await t.http.patch(`/api/v1/checkpoints/${checkpointId}`).set('Authorization', police.auth).send({ name: 'Chốt đổi tên' }).expect(200);
    expect((await scan()).body.passage.checkpointName).toBe('Chốt đổi tên');
    await t.http.patch(`/api/v1/checkpoints/${checkpointId}`).set('Authorization', police.auth).send({ active: false }).expect(200);
    const refused = await scan();
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/not active/);
  });

  it('refuses to record an expired declaration with a clear answer', async () => {
    const { checkpointId, officer } = await checkpointWithOfficer(t, police);
    const d = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(201)).body;
    await t.dataSource.query(`UPDATE movement_declarations SET valid_until = now() - interval '1 minute' WHERE id = $1`, [d.id]);
    const scan = await t.http.get(`/api/v1/movement-declarations/lookup/${d.shortCode}`).set('Authorization', officer.auth).expect(200);
    expect(scan.body.valid).toBe(false);
    const res = await t.http.post(`/api/v1/checkpoints/${checkpointId}/passages`).set('Authorization', officer.auth).send({ code: d.shortCode, direction: 'IN', outcome: 'ALLOWED' }).expect(409);
    expect(res.body.code).toBe('DECLARATION_EXPIRED');
  });

  it('types a paper declaration and records its passage in one step', async () => {
    const { checkpointId, officer } = await checkpointWithOfficer(t, police);
    const res = await t.http.post(`/api/v1/checkpoints/${checkpointId}/paper-declarations`).set('Authorization', officer.auth).send({ ...declaration({ originUnitCode: '070' }), direction: 'IN', outcome: 'SENT_FOR_TESTING' }).expect(201);
    expect(res.body.declaration).toMatchObject({ source: 'PAPER', passages: [{ outcome: 'SENT_FOR_TESTING', source: 'PAPER' }] });
    const bad = await t.http.post(`/api/v1/checkpoints/${checkpointId}/paper-declarations`).set('Authorization', officer.auth).send({ ...declaration(), direction: 'IN', outcome: 'MAYBE' }).expect(400);
    expect(bad.body.details[0].field).toBe('outcome');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM movement_declarations WHERE entered_by = $1`, [officer.user.id]);
    expect(count).toBe(1);
  });

  it('shows arrivals to the destination commune high risk first, and records the follow-up', async () => {
    const staff = await t.newStaff('COMMUNE_STAFF', '02212');
    const district = await t.newStaff('DISTRICT_OFFICER', '070');
    const far = await t.newStaff('COMMUNE_STAFF', '02230');
    const high = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ contactWithCase: true })).expect(201)).body;
    const list = await t.http.get('/api/v1/arrivals').set('Authorization', staff.auth).expect(200);
    expect(list.body.items[0].declaration.riskLevel).toBe('HIGH');
    expect(list.body.items.map((a: { declaration: { id: string } }) => a.declaration.id)).toContain(high.id);
    expect((await t.http.get('/api/v1/arrivals').set('Authorization', far.auth).expect(200)).body.items.map((a: { declaration: { id: string } }) => a.declaration.id)).not.toContain(high.id);
    const follow = await t.http.put(`/api/v1/arrivals/${high.id}/follow-up`).set('Authorization', staff.auth).send({ status: 'MONITORING', note: 'Đã gọi điện, theo dõi tại nhà' }).expect(200);
    expect(follow.body.followUp).toMatchObject({ status: 'MONITORING', note: 'Đã gọi điện, theo dõi tại nhà' });
    await t.http.put(`/api/v1/arrivals/${high.id}/follow-up`).set('Authorization', district.auth).send({ status: 'DONE' }).expect(403);
    await t.http.put(`/api/v1/arrivals/${high.id}/follow-up`).set('Authorization', far.auth).send({ status: 'DONE' }).expect(404);
    const monitoring = await t.http.get('/api/v1/arrivals').query({ status: 'MONITORING' }).set('Authorization', district.auth).expect(200);
    expect(monitoring.body.items.map((a: { declaration: { id: string } }) => a.declaration.id)).toEqual([high.id]);
  });
});
