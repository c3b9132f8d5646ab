import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { api, DEMO_PASSWORD, freePort, isAlive, postgresPid, removeDataDir, startCordon, tempDataDir, type Cordon } from '../support/cordon';

const dirs: string[] = [];
const running: Cordon[] = [];
afterAll(async () => {
  for (const c of running) await c.stop('SIGTERM').catch(() => undefined);
  for (const d of dirs) removeDataDir(d);
});

function newDir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d;
}

describe('the platform process (pnpm start)', () => {
  it('serves the landing page, the three apps, the API docs and the demo accounts', async () => {
    const c = await startCordon(newDir());
    running.push(c);
    const landing = await fetch(`${c.url}/`);
    expect(landing.status).toBe(200);
    const html = await landing.text();
    for (const app of ['citizen', 'commune', 'province']) {
      expect(html).toContain(`href="/${app}/"`);
      const page = await fetch(`${c.url}/${app}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`/${app}/assets/`);
      // History-mode routes fall back to the app's index.html.
      expect((await fetch(`${c.url}/${app}/some/deep/route`)).status).toBe(200);
    }
    expect((await fetch(`${c.url}/citizen/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${c.url}/api/docs`)).status).toBe(200);
    expect(c.output()).toContain('Demo accounts (password: Demo@12345)');
    for (const username of ['admin', 'health', 'police', 'transport', 'district.070', 'staff.02200', 'leader.02200', '0912000001', '0912000002', '0912000003']) {
      const login = await api<{ user: { username: string } }>(c.url, '/auth/login', { body: { username, password: DEMO_PASSWORD } });
      expect({ username, status: login.status }).toEqual({ username, status: 200 });
    }
    expect(await c.stop('SIGTERM')).toBe(0);
  });

  it('stops cleanly on SIGINT/SIGTERM, embedded database included, and keeps the data for the next start', async () => {
    const dir = newDir();
    const first = await startCordon(dir);
    const reg = await api(first.url, '/auth/register', { body: { fullName: 'Lò Thị Giữ', idNumber: '008190077777', dateOfBirth: '1999-09-09', gender: 'FEMALE', phone: '0966777777', password: 'Giu@2026data' } });
    expect(reg.status).toBe(201);
    const pg = postgresPid(dir);
    expect(pg).not.toBeNull();
    expect(await first.stop('SIGINT')).toBe(0);
    expect(isAlive(pg!)).toBe(false);
    expect(postgresPid(dir)).toBeNull();

    const second = await startCordon(dir);
    running.push(second);
    const login = await api(second.url, '/auth/login', { body: { username: '0966777777', password: 'Giu@2026data' } });
    expect(login.status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('recovers after the API was killed with kill -9 (leftover PostgreSQL, stale postmaster.pid)', async () => {
    const dir = newDir();
    const first = await startCordon(dir);
    await api(first.url, '/auth/register', { body: { fullName: 'Ma Văn Sống', idNumber: '008090088888', dateOfBirth: '1988-08-08', gender: 'MALE', phone: '0966888888', password: 'Song@2026data' } });
    const pg = postgresPid(dir)!;
    await first.stop('SIGKILL');
    expect(isAlive(pg)).toBe(true); // the embedded server outlives a killed parent

    const second = await startCordon(dir);
    running.push(second);
    expect(isAlive(pg)).toBe(false);
    expect((await api(second.url, '/auth/login', { body: { username: '0966888888', password: 'Song@2026data' } })).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('runs two instances side by side with their own port and data folder', async () => {
    const [a, b] = await Promise.all([startCordon(newDir()), startCordon(newDir())]);
    running.push(a, b);
    expect(a.url).not.toBe(b.url);
    await api(a.url, '/auth/register', { body: { fullName: 'Chỉ Ở A', idNumber: '008090066666', dateOfBirth: '1977-07-07', gender: 'MALE', phone: '0966666666', password: 'OnlyA@2026x' } });
    expect((await api(a.url, '/auth/login', { body: { username: '0966666666', password: 'OnlyA@2026x' } })).status).toBe(200);
    expect((await api(b.url, '/auth/login', { body: { username: '0966666666', password: 'OnlyA@2026x' } })).status).toBe(401);
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  });

  it('refuses a second instance on a data folder that is in use, without touching the running one', async () => {
    const dir = newDir();
    const first = await startCordon(dir);
    running.push(first);
    await expect(startCordon(dir)).rejects.toThrow(/another Cordon process \(pid \d+\) is using/);
    expect((await fetch(`${first.url}/api/v1/health`)).status).toBe(200);
    expect(await first.stop()).toBe(0);
  });

  it('lets replicas that start together on one fresh database migrate and seed it once', async () => {
    const pgPort = String(await freePort());
    const owner = await startCordon(newDir(), { EMBEDDED_PG_PORT: pgPort, SEED_DEMO: 'false' });
    running.push(owner);
    const admin = new pg.Client({ connectionString: `postgres://cordon:cordon-local@127.0.0.1:${pgPort}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE replicas');
    await admin.end();
    const url = `postgres://cordon:cordon-local@127.0.0.1:${pgPort}/replicas`;
    const replicas = await Promise.all([0, 1, 2].map(() => startCordon(newDir(), { DATABASE_URL: url })));
    running.push(...replicas);
    const counts = new pg.Client({ connectionString: url });
    await counts.connect();
    const { rows } = await counts.query(`SELECT (SELECT count(*)::int - count(DISTINCT name)::int FROM typeorm_migrations) AS duplicate_migrations, (SELECT count(*)::int FROM users WHERE username = 'admin') AS admins`);
    await counts.end();
    expect(rows[0]).toEqual({ duplicate_migrations: 0, admins: 1 });
    for (const r of replicas) expect(await r.stop()).toBe(0);
    expect(await owner.stop()).toBe(0);
  });

  it('refuses to start with a bad configuration, saying which value is wrong', async () => {
    await expect(startCordon(newDir(), { PORT: 'eighty', LOG_LEVEL: 'loud' })).rejects.toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });
});
