import { RollupService } from '../src/modules/rollups/rollups.service';
import { LOAD_PLANS, scaledPlan } from '../src/seed/load/load-plan';
import { loadSteps } from '../src/seed/load/load-steps';
import { createTestApp, type TestApp } from './support/test-app';

/** `pnpm seed:load` at a thousandth of the province scale: the app's own tables and rules hold, and a seed repeats. */
describe('seed:load (province scale, 1/1000)', () => {
  const plan = scaledPlan(LOAD_PLANS.province, 0.001);
  const until = '2022-03-20';
  let a: TestApp;
  let b: TestApp;

  async function load(t: TestApp, seed: number): Promise<void> {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One session: the steps' helper functions live in pg_temp.
      for (const step of loadSteps(plan, seed, until, 'not-a-password-hash')) await runner.query(step.sql);
    } finally {
      await runner.release();
    }
  }
  const count = async (t: TestApp, table: string) => Number((await t.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  beforeAll(async () => {
    // Passport keeps one 'jwt' strategy per process: the app created last (a) is the one that can sign in.
    b = await createTestApp();
    a = await createTestApp();
    await a.app.get(RollupService).refresh({ wait: true }); // rollups built before the load, as on a database in use
    await load(a, 7);
    await load(b, 7);
  }, 120_000);
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('writes the planned rows through the tables and constraints the app uses', async () => {
    expect(await count(a, 'movement_declarations')).toBe(plan.declarations);
    expect(await count(a, `users WHERE role = 'CITIZEN'`)).toBe(plan.citizens);
    expect(await count(a, `case_reports WHERE kind = 'INFECTION'`)).toBe(plan.infectionReports);
    const passages = await count(a, 'passages');
    expect(passages).toBeGreaterThan(plan.declarations * 1.5);
    expect(passages).toBeLessThan(plan.declarations * 2);
    const cases = await count(a, 'cases');
    expect(cases).toBe(Math.round(plan.infectionReports * plan.acceptedShare));
    // Every case has an isolation decision; recovered ones a confirmation too.
    expect(await count(a, `cases k WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.case_id = k.id AND d.kind = 'ISOLATION_DECISION')`)).toBe(0);
    expect(await count(a, `cases k WHERE k.status = 'RECOVERED' AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.case_id = k.id AND d.kind = 'RECOVERY_CONFIRMATION')`)).toBe(0);
  });

  it('makes the next rollup refresh rebuild: its rows carry past timestamps the incremental refresh would not read', async () => {
    expect(await a.dataSource.query(`SELECT name FROM rollup_state`)).toEqual([]);
    expect(await a.app.get(RollupService).refresh({ wait: true })).toMatchObject({ full: true, reason: 'no-state' });
    const [counts] = await a.dataSource.query(`SELECT (SELECT sum(total) FROM rollup_arrivals)::int AS rolled, (SELECT count(*) FROM movement_declarations)::int AS base`);
    expect(counts.rolled).toBe(counts.base);
  });

  it('numbers the signed documents gaplessly per commune, kind and year, and the counters agree', async () => {
    const gaps = await a.dataSource.query(
      `SELECT commune_code, kind, year, count(*)::int AS n, min(number) AS lo, max(number) AS hi FROM documents WHERE number IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) <> max(number) - min(number) + 1 OR min(number) <> 1`,
    );
    expect(gaps).toEqual([]);
    const counters = await a.dataSource.query(
      `SELECT c.commune_code FROM document_counters c JOIN (SELECT commune_code, kind, year, max(number) AS hi FROM documents WHERE number IS NOT NULL GROUP BY 1, 2, 3) d USING (commune_code, kind, year) WHERE c.last_number <> d.hi`,
    );
    expect(counters).toEqual([]);
  });

  it('has realistic shares: back-registered reports, high-risk and paper declarations, weekday peaks', async () => {
    const [r] = await a.dataSource.query(`SELECT avg(back_registered::int)::float AS back FROM case_reports WHERE kind = 'INFECTION'`);
    expect(r.back).toBeGreaterThan(0.08);
    expect(r.back).toBeLessThan(0.25);
    const [m] = await a.dataSource.query(`SELECT avg((risk_level = 'HIGH')::int)::float AS high, avg((source = 'PAPER')::int)::float AS paper FROM movement_declarations`);
    expect(m.high).toBeGreaterThan(0.01);
    expect(m.high).toBeLessThan(0.15);
    expect(m.paper).toBeGreaterThan(0.08);
    expect(m.paper).toBeLessThan(0.16);
    const [city] = await a.dataSource.query(
      `SELECT avg((u.type = 'phuong')::int)::float AS share FROM movement_declarations m JOIN admin_units u ON u.code = m.commune_code`,
    );
    const [wards] = await a.dataSource.query(`SELECT avg((type = 'phuong')::int)::float AS share FROM admin_units WHERE level = 'COMMUNE' AND province_code = '08'`);
    expect(city.share).toBeGreaterThan(wards.share * 2);
  });

  it('gives the same rows for the same seed', async () => {
    const digest = (t: TestApp) => t.dataSource.query(`SELECT md5(string_agg(id::text || short_code || risk_level || full_name, ',' ORDER BY id)) AS d FROM movement_declarations`);
    expect(await digest(a)).toEqual(await digest(b));
    const docs = (t: TestApp) => t.dataSource.query(`SELECT md5(string_agg(number_text || holder_id_number, ',' ORDER BY id)) AS d FROM documents WHERE number IS NOT NULL`);
    expect(await docs(a)).toEqual(await docs(b));
  });

  it('is read by the app like data it wrote itself', async () => {
    const [{ commune_code: commune }] = await a.dataSource.query(`SELECT commune_code, count(*) FROM cases GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    const staff = await a.newStaff('COMMUNE_STAFF', commune);
    const list = await a.http.get('/api/v1/cases').set('Authorization', staff.auth).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const health = await a.newStaff('HEALTH_OFFICER', '08');
    await a.http.get('/api/v1/arrivals').set('Authorization', health.auth).expect(200);
    const daily = await a.http.get('/api/v1/reports/daily').query({ date: until }).set('Authorization', health.auth).expect(200);
    expect(JSON.stringify(daily.body)).toMatch(/\d/);
    const [{ short_code: code }] = await a.dataSource.query(`SELECT short_code FROM movement_declarations ORDER BY id LIMIT 1`);
    const officer = await a.login((await a.dataSource.query(`SELECT username FROM users WHERE role = 'CHECKPOINT_OFFICER' LIMIT 1`))[0].username, 'x').catch(() => null);
    expect(officer).toBeNull(); // the load's accounts carry the hash it was given, here not a real one
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });
});
