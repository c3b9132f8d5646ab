import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, freePort, removeDataDir, startCordon, tempDataDir, type Cordon } from '../support/cordon';
import { call, declarationBody, login, percentile, round, sleep, writeResults, type Answer } from './support/load';
import { ControlledPostgres } from './support/postgres';

/**
 * Database outage: the API runs against a PostgreSQL this test owns (DATABASE_URL). Under light load the
 * database is stopped: every request must be answered quickly with 503 SERVICE_UNAVAILABLE (no hang), the
 * health check must say the database is down, and once PostgreSQL is back the same API process recovers
 * by itself.
 */

const WORKERS = 4;
/** No request may take longer than this while the database is down. */
const MAX_OUTAGE_LATENCY_MS = 3000;
/** The API must serve again within this after PostgreSQL accepts connections. */
const MAX_RECOVERY_MS = 5000;

interface Sample extends Answer {
  kind: string;
  start: number;
  end: number;
}

const dir = tempDataDir();
let db: ControlledPostgres;
let cordon: Cordon;

beforeAll(async () => {
  db = await ControlledPostgres.start(join(dir, 'db'), await freePort());
  const url = await db.createDatabase('cordon');
  cordon = await startCordon(join(dir, 'api'), { DATABASE_URL: url });
});

afterAll(async () => {
  await cordon?.stop('SIGTERM').catch(() => undefined);
  await db?.stop().catch(() => undefined);
  removeDataDir(dir);
});

describe('database outage', () => {
  it('answers 503 fast while PostgreSQL is down and recovers by itself when it is back', async () => {
    const citizen = await login(cordon.url, '0912000001');
    const staff = await login(cordon.url, 'staff.02212');
    // One session refreshed over and over (one refresh at a time: each refresh token works once).
    let refreshToken = (await call<{ refreshToken: string }>(cordon.url, '/auth/login', { body: { username: '0912000002', password: DEMO_PASSWORD } })).body.refreshToken;
    let refreshing: Promise<Answer> = Promise.resolve({ status: 0, body: null, ms: 0 });
    const refresh = () =>
      (refreshing = refreshing.then(async () => {
        const res = await call<{ refreshToken: string }>(cordon.url, '/auth/refresh', { body: { refreshToken }, timeoutMs: 15_000 });
        if (res.status === 200) refreshToken = res.body.refreshToken;
        return res;
      }));
    const kinds: Record<string, () => Promise<Answer>> = {
      health: () => call(cordon.url, '/health', { timeoutMs: 15_000 }),
      me: () => call(cordon.url, '/auth/me', { token: citizen, timeoutMs: 15_000 }),
      'own declarations': () => call(cordon.url, '/movement-declarations', { token: citizen, timeoutMs: 15_000 }),
      'anonymous declaration': () => call(cordon.url, '/movement-declarations/anonymous', { body: declarationBody(), timeoutMs: 15_000 }),
      'case reports': () => call(cordon.url, '/case-reports?limit=20', { token: staff, timeoutMs: 15_000 }),
      'sign-in': () => call(cordon.url, '/auth/login', { body: { username: '0912000003', password: DEMO_PASSWORD }, timeoutMs: 15_000 }),
      refresh,
    };
    const names = Object.keys(kinds);
    const samples: Sample[] = [];
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    let running = true;
    let next = 0;
    const workers = Array.from({ length: WORKERS }, async () => {
      while (running) {
        const kind = names[next++ % names.length];
        const start = now();
        const answer = await kinds[kind]();
        samples.push({ ...answer, kind, start, end: now() });
        await sleep(50);
      }
    });

    await sleep(3000);
    const stopAt = now();
    const stopMs = await db.stop();
    const downAt = now();
    const healthDown = await call<{ status: string; database: string }>(cordon.url, '/health', { timeoutMs: 15_000 });
    await sleep(8000);
    const restartAt = now();
    const startMs = await db.start();
    const upAt = now();
    await sleep(6000);
    running = false;
    await Promise.all(workers);

    const before = samples.filter((s) => s.end < stopAt);
    const during = samples.filter((s) => s.start >= downAt && s.end < restartAt);
    const straddling = samples.filter((s) => s.start < downAt && s.end >= stopAt);
    const after = samples.filter((s) => s.start >= upAt);
    const firstUnavailable = samples.filter((s) => s.status === 503 && s.end >= stopAt).sort((a, b) => a.end - b.end)[0];
    // Recovery: from PostgreSQL accepting connections to the first moment after which every request succeeded.
    const lastFailure = after.filter((s) => s.status < 200 || s.status >= 300).sort((a, b) => b.end - a.end)[0];
    const firstSuccessAfter = after.filter((s) => s.status >= 200 && s.status < 300 && (!lastFailure || s.start > lastFailure.end)).sort((a, b) => a.end - b.end)[0];
    const recoveryMs = firstSuccessAfter ? firstSuccessAfter.end - upAt : Infinity;
    const statusesDuring: Record<string, number> = {};
    for (const s of during) statusesDuring[`${s.kind} ${s.status}${s.error ? ` ${s.error}` : ''}`] = (statusesDuring[`${s.kind} ${s.status}${s.error ? ` ${s.error}` : ''}`] ?? 0) + 1;
    const latencies = [...during, ...straddling].map((s) => s.ms);

    const figures = {
      requests: samples.length,
      before: { requests: before.length, failed: before.filter((s) => s.status < 200 || s.status >= 300).length, p95Ms: round(percentile(before.map((s) => s.ms), 95)) },
      outage: {
        postgresStopMs: stopMs,
        requests: during.length,
        statuses: statusesDuring,
        timeToFirst503Ms: firstUnavailable ? round(firstUnavailable.end - stopAt) : null,
        maxLatencyMs: round(Math.max(0, ...latencies)),
        p95LatencyMs: round(percentile(latencies, 95)),
        health: { status: healthDown.status, body: healthDown.body, ms: round(healthDown.ms) },
      },
      recovery: { postgresStartMs: startMs, timeToRecoveryMs: round(recoveryMs), requestsAfter: after.length, failedAfterRecovery: after.filter((s) => firstSuccessAfter && s.start > firstSuccessAfter.end && (s.status < 200 || s.status >= 300)).length },
    };
    console.log('database outage:', JSON.stringify(figures, null, 2));
    writeResults('outage', figures);

    expect(figures.before.failed).toBe(0);
    expect(healthDown.status).toBe(503);
    expect(healthDown.body).toMatchObject({ status: 'degraded', database: 'down' });
    expect(healthDown.ms).toBeLessThan(MAX_OUTAGE_LATENCY_MS);
    expect(during.length).toBeGreaterThan(20);
    for (const s of during) {
      expect({ kind: s.kind, status: s.status, error: s.error }).toEqual({ kind: s.kind, status: 503, error: undefined });
      if (s.kind !== 'health') expect(s.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) });
    }
    expect(figures.outage.maxLatencyMs).toBeLessThan(MAX_OUTAGE_LATENCY_MS);
    expect(recoveryMs).toBeLessThan(MAX_RECOVERY_MS);
    expect(figures.recovery.failedAfterRecovery).toBe(0);
    for (const kind of names) expect(after.some((s) => s.kind === kind && s.status >= 200 && s.status < 300)).toBe(true);
  });
});
