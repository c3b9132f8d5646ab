import { auditOf, createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './support/test-app';

describe('account management (ACCOUNT_ADMIN)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newStaff('ACCOUNT_ADMIN', '08');
  });
  afterAll(() => t.close());

  const provision = async (body: object) => t.http.post('/api/v1/accounts').set('Authorization', admin.auth).send(body);

  it('provisions an account with a one-time activation code the user activates once', async () => {
    const res = await provision({ username: 'Staff.New', fullName: 'Lê Văn Mới', role: 'COMMUNE_STAFF', unitCode: '02230', phone: '0912345678', title: 'Công chức' });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({ username: 'staff.new', status: 'PENDING_ACTIVATION', jurisdiction: { unitCode: '02230', level: 'COMMUNE', unitName: 'Xã Thượng Giáp' } });
    expect(res.body.activationCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);
    expect(new Date(res.body.activationExpiresAt).getTime() - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000);
    const [row] = await t.dataSource.query(`SELECT password_hash, activation_code_hash FROM users WHERE id = $1`, [res.body.account.id]);
    expect(row.password_hash).toBeNull();
    expect(row.activation_code_hash).not.toContain(res.body.activationCode);

    const weak = await t.http.post('/api/v1/auth/activate').send({ username: 'staff.new', activationCode: res.body.activationCode, newPassword: 'weak' }).expect(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const typed = res.body.activationCode.toLowerCase().replace(/-/g, ' ');
    const activated = await t.http.post('/api/v1/auth/activate').send({ username: 'staff.new', activationCode: typed, newPassword: 'Moi@2026pass' }).expect(200);
    expect(activated.body.user).toMatchObject({ username: 'staff.new', role: 'COMMUNE_STAFF' });
    const again = await t.http.post('/api/v1/auth/activate').send({ username: 'staff.new', activationCode: res.body.activationCode, newPassword: 'Other@2026pass' }).expect(400);
    expect(again.body.code).toBe('ACTIVATION_CODE_INVALID');
    await t.http.post('/api/v1/auth/login').send({ username: 'staff.new', password: 'Moi@2026pass' }).expect(200);
    const actions = (await auditOf(t.dataSource, res.body.account.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['account.create', 'account.activate', 'auth.login']));
    const created = (await auditOf(t.dataSource, res.body.account.id))[0];
    expect(created.actor_id).toBe(admin.user.id);
    expect(created.request_id).toBeTruthy();
    expect(JSON.stringify(created.after)).not.toContain(res.body.activationCode);
    expect(Object.keys(created.after as object).filter((k) => /hash|code$/i.test(k) && k !== 'unitCode')).toEqual([]);
  });

  it('keeps the audit trail append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('refuses an expired activation code', async () => {
    const res = await provision({ username: 'late.user', fullName: 'Người Chậm', role: 'COMMUNE_STAFF', unitCode: '02230' }).then((r) => r.body);
    await t.dataSource.query(`UPDATE users SET activation_expires_at = now() - interval '1 minute' WHERE id = $1`, [res.account.id]);
    await t.http.post('/api/v1/auth/activate').send({ username: 'late.user', activationCode: res.activationCode, newPassword: 'Late@2026pass' }).expect(400);
  });

  it('checks the unit fits the role and exists', async () => {
    const wrongLevel = await provision({ username: 'a.b', fullName: 'Sai Cấp', role: 'DISTRICT_OFFICER', unitCode: '02230' }).then((r) => r.body);
    expect(wrongLevel.details[0]).toMatchObject({ field: 'unitCode', code: 'level' });
    const unknown = await provision({ username: 'a.c', fullName: 'Không Có', role: 'COMMUNE_STAFF', unitCode: '99999' }).then((r) => r.body);
    expect(unknown.details[0]).toMatchObject({ field: 'unitCode', code: 'unknown' });
    const citizen = await provision({ username: 'a.d', fullName: 'Công Dân', role: 'CITIZEN', unitCode: '02230' });
    expect(citizen.status).toBe(400);
    const numeric = await provision({ username: '0912000009', fullName: 'Số', role: 'COMMUNE_STAFF', unitCode: '02230' });
    expect(numeric.body.details[0].field).toBe('username');
  });

  it('lists with filters, search without diacritics, and a cursor', async () => {
    for (let i = 0; i < 3; i++) await provision({ username: `list.na-hang.${i}`, fullName: `Đặng Thị Lựa ${i}`, role: 'COMMUNE_LEADER', unitCode: '02230' }).then((r) => expect(r.status).toBe(201));
    const found = await t.http.get('/api/v1/accounts').query({ q: 'dang thi lua', limit: 2 }).set('Authorization', admin.auth).expect(200);
    expect(found.body.total).toBe(3);
    expect(found.body.items).toHaveLength(2);
    const rest = await t.http.get('/api/v1/accounts').query({ q: 'dang thi lua', limit: 2, cursor: found.body.nextCursor }).set('Authorization', admin.auth).expect(200);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    const ids = [...found.body.items, ...rest.body.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(3);
    const byDistrict = await t.http.get('/api/v1/accounts').query({ unitCode: '072', role: 'COMMUNE_LEADER', status: 'PENDING_ACTIVATION' }).set('Authorization', admin.auth).expect(200);
    expect(byDistrict.body.items.every((a: { role: string; status: string }) => a.role === 'COMMUNE_LEADER' && a.status === 'PENDING_ACTIVATION')).toBe(true);
    expect(byDistrict.body.total).toBeGreaterThanOrEqual(3);
    await t.http.get('/api/v1/accounts').query({ cursor: 'garbage' }).set('Authorization', admin.auth).expect(400);
  });

  it('locking ends the sessions at once; unlocking restores sign-in', async () => {
    const victim = await t.newStaff('COMMUNE_STAFF', '02230');
    await t.http.get('/api/v1/auth/me').set('Authorization', victim.auth).expect(200);
    const locked = await t.http.post(`/api/v1/accounts/${victim.user.id}/lock`).set('Authorization', admin.auth).expect(200);
    expect(locked.body.status).toBe('LOCKED');
    await t.http.get('/api/v1/auth/me').set('Authorization', victim.auth).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(401);
    const login = await t.http.post('/api/v1/auth/login').send({ username: victim.user.username, password: TEST_PASSWORD }).expect(403);
    expect(login.body.code).toBe('ACCOUNT_LOCKED');
    await t.http.post(`/api/v1/accounts/${victim.user.id}/lock`).set('Authorization', admin.auth).expect(409);
    await t.http.post(`/api/v1/accounts/${victim.user.id}/unlock`).set('Authorization', admin.auth).expect(200);
    await t.http.post('/api/v1/auth/login').send({ username: victim.user.username, password: TEST_PASSWORD }).expect(200);
    expect((await auditOf(t.dataSource, victim.user.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['account.lock', 'account.unlock']));
  });

  it('unlock also clears a lock after failed sign-ins', async () => {
    const staff = await t.createStaff('COMMUNE_STAFF', '02230', { lockedUntil: new Date(Date.now() + 600_000) });
    const listed = await t.http.get(`/api/v1/accounts/${staff.id}`).set('Authorization', admin.auth).expect(200);
    expect(listed.body.lockedUntil).not.toBeNull();
    await t.http.post(`/api/v1/accounts/${staff.id}/unlock`).set('Authorization', admin.auth).expect(200);
    await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: TEST_PASSWORD }).expect(200);
  });

  it('re-scoping ends the sessions; nobody changes their own role or jurisdiction', async () => {
    const moved = await t.newStaff('COMMUNE_STAFF', '02230');
    const res = await t.http.patch(`/api/v1/accounts/${moved.user.id}`).set('Authorization', admin.auth).send({ unitCode: '02200', fullName: 'Tên Mới' }).expect(200);
    expect(res.body).toMatchObject({ fullName: 'Tên Mới', jurisdiction: { unitCode: '02200' } });
    await t.http.get('/api/v1/auth/me').set('Authorization', moved.auth).expect(401);
    const relogin = await t.login(moved.user.username);
    expect(relogin.user).toMatchObject({ communeCode: '02200', districtCode: '070' });
    const self = await t.http.patch(`/api/v1/accounts/${admin.user.id}`).set('Authorization', admin.auth).send({ role: 'HEALTH_OFFICER', unitCode: '08' }).expect(403);
    expect(self.body.code).toBe('FORBIDDEN');
    await t.http.post(`/api/v1/accounts/${admin.user.id}/lock`).set('Authorization', admin.auth).expect(403);
    const plain = await t.http.patch(`/api/v1/accounts/${moved.user.id}`).set('Authorization', admin.auth).send({ title: 'Cán bộ văn hóa' }).expect(200);
    expect(plain.body.title).toBe('Cán bộ văn hóa');
    expect((await auditOf(t.dataSource, moved.user.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['account.rescope', 'account.update']));
  });

  it('reset-password issues a new code and stops the old password; deactivate is final', async () => {
    const user = await t.newStaff('COMMUNE_LEADER', '02230');
    const reset = await t.http.post(`/api/v1/accounts/${user.user.id}/reset-password`).set('Authorization', admin.auth).expect(200);
    expect(reset.body.account.status).toBe('PENDING_ACTIVATION');
    await t.http.get('/api/v1/auth/me').set('Authorization', user.auth).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: user.user.username, password: TEST_PASSWORD }).expect(403);
    await t.http.post('/api/v1/auth/activate').send({ username: user.user.username, activationCode: reset.body.activationCode, newPassword: 'Reset@2026ok' }).expect(200);
    const gone = await t.http.post(`/api/v1/accounts/${user.user.id}/deactivate`).set('Authorization', admin.auth).expect(200);
    expect(gone.body.status).toBe('DEACTIVATED');
    const login = await t.http.post('/api/v1/auth/login').send({ username: user.user.username, password: 'Reset@2026ok' }).expect(403);
    expect(login.body.code).toBe('ACCOUNT_INACTIVE');
    await t.http.post(`/api/v1/accounts/${user.user.id}/unlock`).set('Authorization', admin.auth).expect(409);
    await t.http.post(`/api/v1/accounts/${user.user.id}/reset-password`).set('Authorization', admin.auth).expect(409);
  });

  it('answers 404 for unknown or malformed ids and for citizens', async () => {
    await t.http.get('/api/v1/accounts/not-a-uuid').set('Authorization', admin.auth).expect(404);
    await t.http.get('/api/v1/accounts/01a20b70-0000-7000-8000-000000000000').set('Authorization', admin.auth).expect(404);
    const citizen = await t.newCitizen();
    await t.http.get(`/api/v1/accounts/${citizen.user.id}`).set('Authorization', admin.auth).expect(404);
  });

  it('replays a provisioning retried with the same Idempotency-Key, and refuses the key with another body', async () => {
    const body = { username: 'idem.user', fullName: 'Lặp Lại', role: 'COMMUNE_STAFF', unitCode: '02230' };
    const first = await t.http.post('/api/v1/accounts').set('Authorization', admin.auth).set('Idempotency-Key', 'key-1').send(body).expect(201);
    const retry = await t.http.post('/api/v1/accounts').set('Authorization', admin.auth).set('Idempotency-Key', 'key-1').send(body).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const other = await t.http.post('/api/v1/accounts').set('Authorization', admin.auth).set('Idempotency-Key', 'key-1').send({ ...body, fullName: 'Khác' }).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE username = 'idem.user'`);
    expect(count).toBe(1);
  });

  it('answers 409 while the first request with a key is still running', async () => {
    const body = { username: 'slow.user', fullName: 'Chậm', role: 'COMMUNE_STAFF', unitCode: '02230' };
    await t.dataSource.query(`INSERT INTO idempotency_records (scope, key, request_hash) VALUES ($1, 'key-2', 'x')`, [`user:${admin.user.id} POST /api/v1/accounts`]);
    const res = await t.http.post('/api/v1/accounts').set('Authorization', admin.auth).set('Idempotency-Key', 'key-2').send(body);
    expect([409, 422]).toContain(res.status);
  });
});

describe('registration retried with an Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('creates one citizen for a double tap', async () => {
    const body = { fullName: 'Vi Văn Bấm', idNumber: '008090099999', dateOfBirth: '1970-01-01', gender: 'MALE', phone: '0977999999', password: 'Bam@2026pass' };
    const [a, b] = await Promise.all([
      t.http.post('/api/v1/auth/register').set('Idempotency-Key', 'tap-1').send(body),
      t.http.post('/api/v1/auth/register').set('Idempotency-Key', 'tap-1').send(body),
    ]);
    expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([201]));
    expect([a.status, b.status].every((s) => s === 201 || s === 409)).toBe(true);
    const replay = await t.http.post('/api/v1/auth/register').set('Idempotency-Key', 'tap-1').send(body).expect(201);
    expect(replay.body.user.id).toBe((a.status === 201 ? a : b).body.user.id);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM citizen_profiles WHERE phone = '0977999999'`);
    expect(count).toBe(1);
  });
});
