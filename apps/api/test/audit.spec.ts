import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './support/test-app';
import { binary } from './support/pdf-text';

describe('audit viewer, account filters, in-person citizen reset', () => {
  let t: TestApp;
  let admin: TestUser;
  let health: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newStaff('ACCOUNT_ADMIN', '08');
    health = await t.newStaff('HEALTH_OFFICER', '08');
  });
  afterAll(() => t.close());

  it('shows who changed what, with before and after, filtered and paged; health sees only the epidemic’s records', async () => {
    const target = await t.createStaff('COMMUNE_STAFF', '02230');
    await t.http.post(`/api/v1/accounts/${target.id}/lock`).set('Authorization', admin.auth).expect(200);
    await t.http.post('/api/v1/epidemic-zones').set('Authorization', health.auth).send({ unitCode: '01', level: 2, validFrom: '2026-01-01' }).expect(201);
    const locks = await t.http.get('/api/v1/audit-events').query({ action: 'account.lock', entityId: target.id }).set('Authorization', admin.auth).expect(200);
    expect(locks.body.items).toEqual([expect.objectContaining({ actorId: admin.user.id, actorRole: 'ACCOUNT_ADMIN', action: 'account.lock', before: expect.objectContaining({ status: 'ACTIVE' }), after: expect.objectContaining({ status: 'LOCKED' }), communeCode: '02230' })]);
    const accountEvents = await t.http.get('/api/v1/audit-events').query({ action: 'account.', unitCode: '072' }).set('Authorization', admin.auth).expect(200);
    expect(accountEvents.body.items.length).toBeGreaterThan(0);
    const healthView = await t.http.get('/api/v1/audit-events').set('Authorization', health.auth).expect(200);
    expect(healthView.body.items.map((e: { entityType: string }) => e.entityType)).toEqual(expect.arrayContaining(['epidemic_zone']));
    expect(healthView.body.items.some((e: { entityType: string }) => e.entityType === 'user')).toBe(false);
    const page1 = await t.http.get('/api/v1/audit-events').query({ limit: 2 }).set('Authorization', admin.auth).expect(200);
    const page2 = await t.http.get('/api/v1/audit-events').query({ limit: 2, cursor: page1.body.nextCursor }).set('Authorization', admin.auth).expect(200);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[1].id);
    const csv = await t.http.get('/api/v1/audit-events/export.csv').query({ action: 'account.lock' }).set('Authorization', admin.auth).buffer(true).parse(binary).expect(200);
    expect((csv.body as Buffer).toString('utf8')).toContain('account.lock');
    await t.http.get('/api/v1/audit-events').query({ cursor: 'bad' }).set('Authorization', admin.auth).expect(400);
  });

  it('filters accounts that never signed in or are locked, and shows failed sign-ins', async () => {
    const fresh = await t.createStaff('COMMUNE_LEADER', '02230');
    const used = await t.newStaff('COMMUNE_LEADER', '02230');
    await t.http.post('/api/v1/auth/login').send({ username: used.user.username, password: 'Wrong@9999' }).expect(401);
    const never = await t.http.get('/api/v1/accounts').query({ neverSignedIn: 'true', role: 'COMMUNE_LEADER' }).set('Authorization', admin.auth).expect(200);
    const ids = never.body.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(used.user.id);
    const one = await t.http.get(`/api/v1/accounts/${used.user.id}`).set('Authorization', admin.auth).expect(200);
    expect(one.body.failedLogins).toBe(1);
    await t.dataSource.query(`UPDATE users SET locked_until = now() + interval '10 minutes' WHERE id = $1`, [fresh.id]);
    const locked = await t.http.get('/api/v1/accounts').query({ locked: 'true' }).set('Authorization', admin.auth).expect(200);
    expect(locked.body.items.map((a: { id: string }) => a.id)).toContain(fresh.id);
  });

  it('lets commune staff issue a new activation code to a citizen of their commune who shows their ID card', async () => {
    const citizen = await t.newCitizen({ communeCode: '02200' });
    const staff = await t.newStaff('COMMUNE_STAFF', '02200');
    const elsewhere = await t.newStaff('COMMUNE_STAFF', '02230');
    const [{ id_number }] = await t.dataSource.query(`SELECT id_number FROM citizen_profiles WHERE user_id = $1`, [citizen.user.id]);
    await t.http.post('/api/v1/citizens/reset-activation').set('Authorization', elsewhere.auth).send({ idNumber: id_number }).expect(404);
    const res = await t.http.post('/api/v1/citizens/reset-activation').set('Authorization', staff.auth).send({ idNumber: id_number }).expect(200);
    expect(res.body).toMatchObject({ username: citizen.user.username, fullName: citizen.user.fullName, activationCode: expect.any(String) });
    await t.http.get('/api/v1/auth/me').set('Authorization', citizen.auth).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: citizen.user.username, password: TEST_PASSWORD }).expect(403);
    await t.http.post('/api/v1/auth/activate').send({ username: citizen.user.username, activationCode: res.body.activationCode, newPassword: 'Moi@2026dan' }).expect(200);
    const events = await t.http.get('/api/v1/audit-events').query({ action: 'citizen.reset_in_person' }).set('Authorization', admin.auth).expect(200);
    expect(events.body.items[0]).toMatchObject({ actorId: staff.user.id, entityId: citizen.user.id });
  });
});
