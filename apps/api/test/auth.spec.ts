import { auditOf, createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const citizen = (n: number) => ({
  fullName: 'Nguyễn Thị Hoa',
  idNumber: `00819000${String(n).padStart(4, '0')}`,
  dateOfBirth: '1990-05-20',
  gender: 'FEMALE',
  phone: `0987${String(n).padStart(6, '0')}`,
  address: 'Thôn 3',
  communeCode: '02230',
  password: 'Hoa@2022xyz',
});

describe('registration and sign-in', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('registers a citizen, signs them in, and audits it', async () => {
    const res = await t.http.post('/api/v1/auth/register').send(citizen(1)).expect(201);
    expect(res.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 600 });
    expect(res.body.user).toMatchObject({
      username: '0987000001',
      fullName: 'Nguyễn Thị Hoa',
      role: 'CITIZEN',
      profile: { idNumber: '008190000001', dateOfBirth: '1990-05-20', gender: 'FEMALE', phone: '0987000001', communeCode: '02230', communeName: 'Xã Thượng Giáp' },
    });
    const [{ password_hash }] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.user.id]);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await auditOf(t.dataSource, res.body.user.id)).map((e) => e.action)).toEqual(['citizen.register', 'auth.login']);
  });

  it('signs a citizen in by phone or by ID number', async () => {
    await t.http.post('/api/v1/auth/register').send(citizen(2)).expect(201);
    await t.http.post('/api/v1/auth/login').send({ username: '0987000002', password: 'Hoa@2022xyz' }).expect(200);
    const byId = await t.http.post('/api/v1/auth/login').send({ username: '008190000002', password: 'Hoa@2022xyz' }).expect(200);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${byId.body.accessToken}`).expect(200);
    expect(me.body.profile.idNumber).toBe('008190000002');
  });

  it('refuses a second registration of the same phone or ID number with 409 and the fields', async () => {
    await t.http.post('/api/v1/auth/register').send(citizen(3)).expect(201);
    const res = await t.http.post('/api/v1/auth/register').send(citizen(3)).expect(409);
    expect(res.body.code).toBe('DUPLICATE');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['idNumber', 'phone']);
  });

  it('checks the password policy, the birth date and the commune', async () => {
    const weak = await t.http.post('/api/v1/auth/register').send({ ...citizen(4), password: 'password' }).expect(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    expect(weak.body.details[0].field).toBe('password');
    const future = await t.http.post('/api/v1/auth/register').send({ ...citizen(4), dateOfBirth: '2999-01-01' }).expect(400);
    expect(future.body.details[0]).toMatchObject({ field: 'dateOfBirth', code: 'future' });
    const fake = await t.http.post('/api/v1/auth/register').send({ ...citizen(4), dateOfBirth: '2001-02-30' }).expect(400);
    expect(fake.body.details[0].field).toBe('dateOfBirth');
    const district = await t.http.post('/api/v1/auth/register').send({ ...citizen(4), communeCode: '00000' }).expect(400);
    expect(district.body.details[0]).toMatchObject({ field: 'communeCode', code: 'unknown' });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM citizen_profiles WHERE phone = '0987000004'`);
    expect(count).toBe(0);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const staff = await t.createStaff('HEALTH_OFFICER', '08');
    const wrong = await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: 'Wrong@123' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/login').send({ username: 'nobody.here', password: 'Wrong@123' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('locks an account for 15 minutes after 5 failed sign-ins, even with the right password', async () => {
    const staff = await t.createStaff('COMMUNE_STAFF', '02230');
    for (let i = 0; i < 5; i++) await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: `Wrong@${i}xx` }).expect(401);
    const locked = await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: TEST_PASSWORD }).expect(403);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await auditOf(t.dataSource, staff.id)).map((e) => e.action)).toEqual([...Array(4).fill('auth.login_failed'), 'auth.lockout']);
    await t.dataSource.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [staff.id]);
    await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: TEST_PASSWORD }).expect(200);
  });

  it('rejects a pending account until it is activated', async () => {
    const staff = await t.createStaff('COMMUNE_STAFF', '02230', { status: 'PENDING_ACTIVATION', passwordHash: null });
    const res = await t.http.post('/api/v1/auth/login').send({ username: staff.username, password: TEST_PASSWORD }).expect(403);
    expect(res.body.code).toBe('ACTIVATION_REQUIRED');
  });
});

describe('sessions: refresh rotation, reuse detection, logout', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('rotates the refresh token on every use', async () => {
    const s = await t.newStaff('HEALTH_OFFICER', '08');
    const first = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(s.refreshToken);
    expect(first.body.user.role).toBe('HEALTH_OFFICER');
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);
    const second = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
  });

  it('revokes the whole family when an old refresh token is presented again', async () => {
    const s = await t.newStaff('HEALTH_OFFICER', '08');
    const rotated = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
    const reuse = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');
    const afterwards = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
    expect(afterwards.body.code).toBe('TOKEN_INVALID');
    expect((await auditOf(t.dataSource, s.user.id)).map((e) => e.action)).toContain('auth.refresh_reuse');
  });

  it('ends the session at logout, leaving other sessions alone', async () => {
    const s = await t.newStaff('HEALTH_OFFICER', '08');
    const other = await t.login(s.user.username);
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: s.refreshToken }).expect(204);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('refuses garbage and expired refresh tokens', async () => {
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'x'.repeat(43) }).expect(401);
    const s = await t.newStaff('HEALTH_OFFICER', '08');
    await t.dataSource.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [s.user.id]);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
  });

  it('refuses access tokens that are tampered with, for another audience, or of another algorithm', async () => {
    const s = await t.newStaff('HEALTH_OFFICER', '08');
    const [header, payload] = s.token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ACCOUNT_ADMIN' })).toString('base64url')}.${s.token.split('.')[2]}`;
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
    const jwt = t.app.get((await import('@nestjs/jwt')).JwtService);
    const otherAudience = await jwt.signAsync({ sub: s.user.id, role: s.user.role, sv: 0 }, { audience: 'other' });
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${otherAudience}`).expect(401);
    const expired = await jwt.signAsync({ sub: s.user.id, role: s.user.role, sv: 0 }, { expiresIn: -10 });
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
  });

  it('changes a password with the current one, and checks the policy', async () => {
    const s = await t.newStaff('HEALTH_OFFICER', '08');
    const wrong = await t.http.post('/api/v1/auth/change-password').set('Authorization', s.auth).send({ currentPassword: 'Nope@1234', newPassword: 'Better@2026' }).expect(400);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    const weak = await t.http.post('/api/v1/auth/change-password').set('Authorization', s.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const otherDevice = await t.login(s.user.username);
    await t.http.post('/api/v1/auth/change-password').set('Authorization', s.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'Better@2026' }).expect(204);
    // The other device's session ends; this one goes on.
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: otherDevice.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
    await t.http.post('/api/v1/auth/login').send({ username: s.user.username, password: TEST_PASSWORD }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: s.user.username, password: 'Better@2026' }).expect(200);
  });
});

describe('rate limits on public endpoints', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3', RATE_LIMIT_PUBLIC_PER_MINUTE: '5' })));
  afterAll(() => t.close());

  it('answers 429 with Retry-After past the budget, counted in PostgreSQL', async () => {
    for (let i = 0; i < 3; i++) await t.http.post('/api/v1/auth/login').send({ username: 'x.y', password: 'Wrong@123' }).expect(401);
    const limited = await t.http.post('/api/v1/auth/login').send({ username: 'x.y', password: 'Wrong@123' }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const [{ count }] = await t.dataSource.query(`SELECT max(count)::int AS count FROM rate_limit_buckets WHERE key LIKE 'auth:%'`);
    expect(count).toBe(4);
  });

  it('counts other public endpoints apart, and never limits the health check', async () => {
    for (let i = 0; i < 5; i++) await t.http.get('/api/v1/admin-units/08').expect(200);
    await t.http.get('/api/v1/admin-units/08').expect(429);
    for (let i = 0; i < 10; i++) await t.http.get('/api/v1/health').expect(200);
  });
});
