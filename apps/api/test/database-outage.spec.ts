import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource, QueryFailedError } from 'typeorm';
import { createApp } from '../src/app';
import { AllExceptionsFilter } from '../src/common/errors/all-exceptions.filter';
import { JsonLogger } from '../src/common/logging/json-logger';
import { loadConfig } from '../src/config/app-config';
import { isDatabaseUnavailable } from '../src/database/database-errors';
import { dataSourceOptions } from '../src/database/data-source';
import { declaration } from './support/movements';
import { createTestApp, type TestApp, type TestUser } from './support/test-app';

/** A TCP proxy in front of PostgreSQL that the test can cut (every connection dropped, new ones refused) and restore. */
class Outage {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly target: number,
  ) {}

  async restore(): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = connect(this.target, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((res) => this.server!.listen(this.port, '127.0.0.1', res));
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((res) => this.server?.close(() => res()) ?? res());
    for (const s of this.sockets) s.destroy();
    await closed;
    this.server = undefined;
  }
}

const SECRET = 'test-secret-'.padEnd(48, 'x');

describe('database outage', () => {
  let t: TestApp;
  let citizen: TestUser;
  let outage: Outage;
  let app: NestFastifyApplication;
  let http: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    citizen = await t.newCitizen();
    const url = new URL(t.databaseUrl);
    outage = new Outage(url.hostname, Number(url.port));
    await outage.restore();
    url.port = String(outage.port);
    // A second API on the same database, reaching it through the proxy (same JWT secret: the citizen's token works).
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', DB_POOL_SIZE: '3', DB_CONNECT_TIMEOUT_MS: '1000', RATE_LIMIT_AUTH_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', LOG_LEVEL: 'silent' });
    app = await createApp({ config, databaseUrl: url.toString(), secrets: { accessSecret: SECRET }, logger: new JsonLogger('silent') });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await outage.restore();
    await app?.close();
    await outage.cut();
    await t.close();
  });

  it('sets the statement timeout on the pooled connections', async () => {
    const [{ statement_timeout }] = await app.get(DataSource).query('SHOW statement_timeout');
    expect(statement_timeout).toBe('30s');
  });

  it('answers 503 SERVICE_UNAVAILABLE at once while PostgreSQL is unreachable, and recovers without a restart', async () => {
    await http.get('/api/v1/health').expect(200);
    await http.get('/api/v1/auth/me').set('Authorization', citizen.auth).expect(200);
    await outage.cut();

    const started = Date.now();
    const health = await http.get('/api/v1/health').expect(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: 'down' });
    // Signed in: 503, never 401 (which would make the apps sign the user out).
    const me = await http.get('/api/v1/auth/me').set('Authorization', citizen.auth).expect(503);
    expect(me.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), requestId: me.headers['x-request-id'] });
    expect(me.headers['retry-after']).toBe('5');
    const write = await http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(503);
    expect(write.body.code).toBe('SERVICE_UNAVAILABLE');
    // A sign-in is not a wrong password.
    const login = await http.post('/api/v1/auth/login').send({ username: citizen.user.username, password: 'whatever-it-is' }).expect(503);
    expect(login.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5000);

    await outage.restore();
    const deadline = Date.now() + 5000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await http.get('/api/v1/auth/me').set('Authorization', citizen.auth)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    await http.get('/api/v1/health').expect(200);
    await http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(201);
  });

  it('lets a write cut off by the outage be retried with its Idempotency-Key once the database is back', async () => {
    const body = declaration();
    await outage.cut();
    await http.post('/api/v1/movement-declarations').set('Authorization', citizen.auth).set('Idempotency-Key', 'outage-1').send({ ...body, traveller: undefined, forSelf: true }).expect(503);
    await outage.restore();
    let res = await http.post('/api/v1/movement-declarations').set('Authorization', citizen.auth).set('Idempotency-Key', 'outage-1').send({ ...body, traveller: undefined, forSelf: true });
    for (let i = 0; i < 50 && res.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await http.post('/api/v1/movement-declarations').set('Authorization', citizen.auth).set('Idempotency-Key', 'outage-1').send({ ...body, traveller: undefined, forSelf: true });
    }
    expect(res.status).toBe(201);
  });
});

describe('Idempotency-Key reservations of a session that is gone', () => {
  let t: TestApp;
  let citizen: TestUser;
  const scopeOf = (user: TestUser) => `user:${user.user.id} POST /api/v1/movement-declarations`;
  beforeAll(async () => {
    t = await createTestApp();
    citizen = await t.newCitizen();
  });
  afterAll(() => t.close());

  const post = (key: string, body: Record<string, unknown>) => t.http.post('/api/v1/movement-declarations').set('Authorization', citizen.auth).set('Idempotency-Key', key).send(body);

  it('refuses a retry while the claiming session is alive, and runs it once that session is gone (API killed between commit and answer)', async () => {
    const { traveller: _traveller, ...trip } = declaration();
    const body = { ...trip, forSelf: true };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    // The committed claim of a request whose answer is not stored yet, made on another connection.
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    const [{ pid }] = (await other.query(`SELECT pg_backend_pid() AS pid`)).rows;
    await other.query(`INSERT INTO idempotency_records (scope, key, request_hash, holder_pid) VALUES ($1, 'killed-1', $2, pg_backend_pid())`, [scopeOf(citizen), hash]);
    const busy = await post('killed-1', body).expect(409);
    expect(busy.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    // That process dies: its connection closes.
    await other.end();
    for (let i = 0; i < 50; i++) {
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE pid = $1`, [pid]);
      if (count === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const retried = await post('killed-1', body).expect(201);
    const replay = await post('killed-1', body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(retried.body.id);
  });

  it('rolls the claim back with a transaction that fails, so that the retry runs', async () => {
    const body = declaration();
    // A fault inside the request's transaction, after the claim: the declaration insert fails.
    await t.dataSource.query(`CREATE FUNCTION fail_declaration() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$`);
    await t.dataSource.query(`CREATE TRIGGER fail_declaration BEFORE INSERT ON movement_declarations FOR EACH ROW EXECUTE FUNCTION fail_declaration()`);
    try {
      const failed = await t.http.post('/api/v1/movement-declarations/anonymous').set('Idempotency-Key', 'failed-1').send(body);
      expect(failed.status).toBe(500);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM idempotency_records WHERE key = 'failed-1'`);
      expect(count).toBe(0);
    } finally {
      await t.dataSource.query(`DROP TRIGGER fail_declaration ON movement_declarations; DROP FUNCTION fail_declaration()`);
    }
    await t.http.post('/api/v1/movement-declarations/anonymous').set('Idempotency-Key', 'failed-1').send(body).expect(201);
  });

  it('does not take a claim of a session whose pid was reused by a newer backend for the claiming one', async () => {
    const { traveller: _traveller, ...trip } = declaration();
    const body = { ...trip, forSelf: true };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    // A claim older than the backend now carrying its pid: that backend is another session.
    const [{ pid }] = await t.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'cordon-api' LIMIT 1`);
    await t.dataSource.query(`INSERT INTO idempotency_records (scope, key, request_hash, holder_pid, created_at) VALUES ($1, 'reused-1', $2, $3, now() - interval '1 hour')`, [scopeOf(citizen), hash, pid]);
    await post('reused-1', body).expect(201);
  });

  it('keeps a reservation without a recorded session for 10 minutes (written before sessions were recorded)', async () => {
    const { traveller: _traveller, ...trip } = declaration();
    const body = { ...trip, forSelf: true };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    await t.dataSource.query(`INSERT INTO idempotency_records (scope, key, request_hash) VALUES ($1, 'old-1', $2)`, [scopeOf(citizen), hash]);
    await post('old-1', body).expect(409);
    await t.dataSource.query(`UPDATE idempotency_records SET created_at = now() - interval '11 minutes' WHERE key = 'old-1'`);
    await post('old-1', body).expect(201);
  });
});

describe('which errors mean "database unavailable"', () => {
  const filter = new AllExceptionsFilter();
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

  it.each([
    ['a refused connection', refused],
    ['a pool wait past DB_CONNECT_TIMEOUT_MS', new Error('timeout exceeded when trying to connect')],
    ['a connection cut mid-query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['PostgreSQL shutting down', new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))],
    ['PostgreSQL starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['the statement timeout', new QueryFailedError('SELECT pg_sleep(60)', [], Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))],
    ['a connection exception (class 08)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['every address refused', new AggregateError([refused, refused])],
    ['a wrapped cause', new Error('seed failed', { cause: refused })],
  ])('%s -> 503 SERVICE_UNAVAILABLE with Retry-After', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const { body, headers } = filter.toBody(error, 'req-1');
    expect(body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), requestId: 'req-1' });
    expect(headers).toEqual({ 'Retry-After': '5' });
  });

  it('leaves other errors alone', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (username)=(a) already exists.' }));
    expect(filter.toBody(unique, 'r').body).toMatchObject({ statusCode: 409, code: 'DUPLICATE' });
    expect(filter.toBody(new Error('boom'), 'r').body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(filter.toBody(new QueryFailedError('SELECT', [], Object.assign(new Error('syntax error'), { code: '42601' })), 'r').body.statusCode).toBe(500);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it('gives the API pool its timeouts, and none to the command-line tools', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DB_CONNECT_TIMEOUT_MS: 5000, DB_STATEMENT_TIMEOUT_MS: 30000 });
    const api = dataSourceOptions('postgres://db/cordon', 6, { connectTimeoutMs: 5000, statementTimeoutMs: 30000 });
    expect(api.extra).toMatchObject({ max: 6, connectionTimeoutMillis: 5000, statement_timeout: 30000, keepAlive: true });
    const cli = dataSourceOptions('postgres://db/cordon', 2);
    expect(cli.extra).not.toHaveProperty('connectionTimeoutMillis');
    expect(cli.extra).not.toHaveProperty('statement_timeout');
    expect(() => loadConfig({ DB_CONNECT_TIMEOUT_MS: '10' })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });
});
