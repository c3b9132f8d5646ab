import { Client } from 'pg';
import { createTestApp, type TestApp, type TestUser } from './support/test-app';
import { openCase } from './support/cases';

/**
 * Regressions found by `pnpm test:reliability` (e2e/reliability: fuzzing, concurrency, log checks): each was
 * a 500, an answer outside the error shape, or personal data in the log.
 */
describe('found by the reliability checks', () => {
  let t: TestApp;
  let staff: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.newStaff('COMMUNE_STAFF', '02200');
  });
  afterAll(() => t.close());

  const shaped = (res: { status: number; body: { statusCode?: number; code?: string; requestId?: string }; headers: Record<string, string> }, status: number) => {
    expect({ status: res.status, statusCode: res.body.statusCode, code: typeof res.body.code, requestId: res.body.requestId }).toEqual({ status, statusCode: status, code: 'string', requestId: res.headers['x-request-id'] });
  };

  it('answers a NUL character that reaches the database with 400, not 500', async () => {
    shaped(await t.http.post('/api/v1/auth/login').send({ username: 'a\u0000b', password: 'x' }), 400);
    shaped(await t.http.get('/api/v1/cases?q=%00').set('Authorization', staff.auth), 400);
  });

  it('refuses a body nested absurdly deep with 400 (it overflowed the stack: 500)', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(`{"username":${deep},"password":"x"}`);
    shaped(res, 400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'body', code: 'max_depth' })]);
    // Ordinary nesting (a DTO inside a DTO inside an array) is untouched.
    shaped(await t.http.post('/api/v1/auth/login').send({ username: [[[[{ a: [1] }]]]], password: 'x' }), 400);
  });

  it('answers an error of a CSV download in JSON, not as a broken CSV (it was a 500 in Fastify\'s shape)', async () => {
    const admin = await t.newStaff('ACCOUNT_ADMIN', '08');
    const res = await t.http.get('/api/v1/audit-events/export.csv?entityId=%00').set('Authorization', admin.auth);
    shaped(res, 400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('refuses an impossible date before it reaches date arithmetic (RangeError: 500)', async () => {
    const police = await t.newStaff('POLICE_ADMIN', '08');
    shaped(await t.http.get('/api/v1/checkpoints/019a0000-0000-7000-8000-000000000000/passages?date=9999-99-99').set('Authorization', police.auth), 400);
    shaped(await t.http.get('/api/v1/checkpoints/019a0000-0000-7000-8000-000000000000/passages?date=2026-02-30').set('Authorization', police.auth), 400);
  });

  it('refuses a temperature written with an exponent with 400 (class-validator threw: 500)', async () => {
    const citizen = await t.newCitizen();
    const res = await t.http.post('/api/v1/cases/019a0000-0000-7000-8000-000000000000/check-ins').set('Authorization', citizen.auth).set('Content-Type', 'application/json').send('{"symptoms":[],"temperature":1e-300}');
    shaped(res, 400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('temperature');
    shaped(await t.http.post('/api/v1/cases/019a0000-0000-7000-8000-000000000000/check-ins').set('Authorization', citizen.auth).send({ symptoms: [], temperature: 37.55 }), 400);
  });

  it('answers what Fastify and Node refuse before any route in the error shape', async () => {
    shaped(await t.http.get('/api/v1/cases/%FF%FE').set('Authorization', staff.auth), 400);
    shaped(await t.http.get(`/api/v1/cases/${'a'.repeat(300)}`).set('Authorization', staff.auth), 414);
    const tooLong = await t.http.get(`/api/v1/health?pad=${'a'.repeat(20_000)}`);
    expect(tooLong.status).toBe(431);
    expect(tooLong.body).toEqual({ statusCode: 431, code: 'VALIDATION_FAILED', message: expect.any(String), requestId: tooLong.headers['x-request-id'] });
  });

  it('signs decisions requested at the same time with a small pool (a query outside the transaction deadlocked the pool)', async () => {
    const small = await createTestApp({ DB_POOL_SIZE: '2', DB_CONNECT_TIMEOUT_MS: '15000' });
    try {
      const worker = await small.newStaff('COMMUNE_STAFF', '02200');
      const leader = await small.newStaff('COMMUNE_LEADER', '02200');
      const reportIds: string[] = [];
      for (let i = 0; i < 4; i++) reportIds.push((await openCase(small, await small.newCitizen({ communeCode: '02200' }), worker)).reportId);
      const drafts = await small.http.post('/api/v1/isolation-decisions').set('Authorization', worker.auth).send({ reportIds }).expect(201);
      const started = Date.now();
      const signed = await Promise.all(drafts.body.items.map((d: { id: string }) => small.http.post('/api/v1/isolation-decisions/sign').set('Authorization', leader.auth).send({ ids: [d.id] })));
      expect(signed.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(signed.map((r) => r.body.items[0].number).sort()).toEqual([1, 2, 3, 4]);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await small.close();
    }
  });

  it('streams CSV exports requested together with a small pool (each held a connection and waited for another: a pool deadlock)', async () => {
    const small = await createTestApp({ DB_POOL_SIZE: '2', DB_CONNECT_TIMEOUT_MS: '10000' });
    try {
      const worker = await small.newStaff('COMMUNE_STAFF', '02200');
      await openCase(small, await small.newCitizen({ communeCode: '02200' }), worker);
      const exports = await Promise.all([0, 1, 2, 3].map(() => small.http.get('/api/v1/cases/export.csv').set('Authorization', worker.auth)));
      expect(exports.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      for (const r of exports) expect(r.text.split('\r\n').filter(Boolean)).toHaveLength(2); // the header and the one case
    } finally {
      await small.close();
    }
  });

  it('keeps the embedded PostgreSQL\'s DETAIL lines (a duplicate key quotes its value) out of the relayed log', async () => {
    if (process.env.DATABASE_URL) return; // an external server logs as its operator configured it
    const client = new Client({ connectionString: process.env.CORDON_TEST_ADMIN_URL });
    await client.connect();
    try {
      const { rows } = await client.query('SHOW log_error_verbosity');
      expect(rows[0].log_error_verbosity).toBe('terse');
    } finally {
      await client.end();
    }
  });
});
