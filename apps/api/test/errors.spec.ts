import { createTestApp, type TestApp } from './support/test-app';

describe('error shape and request ids', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('gives field-level details for invalid input, and rejects unknown fields', async () => {
    const res = await t.http.post('/api/v1/auth/register').send({ fullName: 'A', phone: '123', hacker: true }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String), requestId: expect.any(String) });
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['hacker', 'fullName', 'phone', 'idNumber', 'dateOfBirth', 'gender', 'password']));
    expect(res.body.details.find((d: { field: string }) => d.field === 'hacker').code).toBe('unknown_field');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a wrong type with 400', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: 12, password: ['x'] }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await t.http.get('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', requestId: res.headers['x-request-id'] });
  });

  it('requires a token on protected endpoints (401)', async () => {
    const res = await t.http.get('/api/v1/auth/me').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    await t.http.get('/api/v1/auth/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
  });

  it('keeps a well-formed X-Request-Id from the caller, and makes one otherwise', async () => {
    const mine = await t.http.get('/api/v1/health').set('X-Request-Id', 'lb-req-12345678');
    expect(mine.headers['x-request-id']).toBe('lb-req-12345678');
    const bad = await t.http.get('/api/v1/health').set('X-Request-Id', 'bad id with spaces');
    expect(bad.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('sets security headers', async () => {
    const res = await t.http.get('/api/v1/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('turns a unique violation into 409 DUPLICATE with the field', async () => {
    const admin = await t.newStaff('ACCOUNT_ADMIN', '08');
    const body = { username: 'dup.user', fullName: 'Nguyễn Văn Trùng', role: 'COMMUNE_STAFF', unitCode: '02230' };
    await t.http.post('/api/v1/accounts').set('Authorization', admin.auth).send(body).expect(201);
    const res = await t.http.post('/api/v1/accounts').set('Authorization', admin.auth).send(body).expect(409);
    expect(res.body).toMatchObject({ code: 'DUPLICATE', details: [{ field: 'username', code: 'unique' }] });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE username = 'dup.user'`);
    expect(count).toBe(1);
  });
});
