import { createTestApp, type TestApp, type TestUser } from './support/test-app';
import { uuidv7 } from '../src/common/ids';
import { CasesService } from '../src/modules/cases/cases.service';
import { AppConfig } from '../src/config/app-config';
import { RollupService, ROLLUPS_STALE_SQL } from '../src/modules/rollups/rollups.service';
import { seedDemoMovements } from '../src/seed/demo-movements';
import { openCase, vietnamToday } from './support/cases';
import { checkpointWithOfficer, declaration } from './support/movements';

/**
 * The dashboards read rollups (rollup_arrivals, rollup_passages, rollup_cases) kept fresh incrementally.
 * Here they must give the numbers the base tables give (the aggregation the dashboards ran before the rollups,
 * kept below as the reference), for callers of each scope, and the incremental refresh must match a full rebuild.
 */

const VN_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const VN_DAYS = (column: string, from: string, to: string) =>
  `${column} >= ('${from}'::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND ${column} < (('${to}'::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

/** The base-table aggregations of the dashboards (as they were before the rollups), for a scope condition on alias x. */
const reference = {
  async arrivals(t: TestApp, scope: (alias: string) => string, from: string, to: string) {
    const d = scope('d');
    const [items, byDistrict, byOrigin, byCheckpoint] = await Promise.all([
      t.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS date, count(d.id)::int AS total, count(d.id) FILTER (WHERE d.risk_level = 'HIGH')::int AS high,
          count(d.id) FILTER (WHERE d.risk_level = 'MEDIUM')::int AS medium, count(d.id) FILTER (WHERE d.risk_level = 'LOW')::int AS low,
          count(d.id) FILTER (WHERE d.origin_zone_level IS NOT NULL)::int AS "fromZone"
        FROM generate_series($1::date, $2::date, interval '1 day') day LEFT JOIN movement_declarations d ON d.travel_date = day::date AND ${d}
        GROUP BY day ORDER BY day`, [from, to]),
      t.dataSource.query(`SELECT d.district_code AS "districtCode", count(*)::int AS total, count(*) FILTER (WHERE d.risk_level = 'HIGH')::int AS high
        FROM movement_declarations d WHERE ${d} AND d.travel_date BETWEEN $1 AND $2 GROUP BY 1 ORDER BY total DESC, 1`, [from, to]),
      t.dataSource.query(`SELECT d.origin_province_code AS "provinceCode", count(*)::int AS total
        FROM movement_declarations d WHERE ${d} AND d.travel_date BETWEEN $1 AND $2 GROUP BY 1 ORDER BY total DESC, 1 LIMIT 20`, [from, to]),
      t.dataSource.query(`SELECT p.checkpoint_id AS "checkpointId", count(*)::int AS total
        FROM passages p WHERE ${scope('p')} AND p.direction = 'IN' AND ${VN_DAYS('p.recorded_at', from, to)} GROUP BY 1 ORDER BY total DESC, 1`),
    ]);
    return { items, byDistrict, byOrigin, byCheckpoint };
  },

  async checkpointDays(t: TestApp, scope: (alias: string) => string, from: string, to: string) {
    const rows: { date: string; checkpointId: string; total: number; in: number; out: number }[] = await t.dataSource.query(`SELECT to_char(${VN_DAY('p.recorded_at')}, 'YYYY-MM-DD') AS date,
        p.checkpoint_id AS "checkpointId", count(*)::int AS total, count(*) FILTER (WHERE p.direction = 'IN')::int AS "in", count(*) FILTER (WHERE p.direction = 'OUT')::int AS out
      FROM passages p WHERE ${scope('p')} AND ${VN_DAYS('p.recorded_at', from, to)} GROUP BY 1, 2 ORDER BY 1, 2`);
    const outcomes: { date: string; checkpointId: string; outcome: string; n: number }[] = await t.dataSource.query(`SELECT to_char(${VN_DAY('p.recorded_at')}, 'YYYY-MM-DD') AS date,
        p.checkpoint_id AS "checkpointId", p.outcome, count(*)::int AS n FROM passages p WHERE ${scope('p')} AND ${VN_DAYS('p.recorded_at', from, to)} GROUP BY 1, 2, 3`);
    return rows.map((r) => ({ ...r, byOutcome: Object.fromEntries(outcomes.filter((o) => o.date === r.date && o.checkpointId === r.checkpointId).map((o) => [o.outcome, o.n])) }));
  },

  async daily(t: TestApp, scope: (alias: string) => string, date: string) {
    const d = scope('d');
    const [totals] = await t.dataSource.query(`SELECT count(*)::int AS entering, count(*) FILTER (WHERE d.origin_zone_level IS NOT NULL)::int AS "fromZones",
        count(*) FILTER (WHERE d.risk_level = 'HIGH')::int AS "highRisk" FROM movement_declarations d WHERE ${d} AND d.travel_date = $1`, [date]);
    const byDistrict = await t.dataSource.query(`SELECT d.district_code AS "districtCode", count(*)::int AS total, count(*) FILTER (WHERE d.origin_zone_level IS NOT NULL)::int AS "fromZones",
        count(*) FILTER (WHERE d.risk_level = 'HIGH')::int AS high FROM movement_declarations d WHERE ${d} AND d.travel_date = $1 GROUP BY 1 ORDER BY 1`, [date]);
    const [passages] = await t.dataSource.query(`SELECT count(*)::int AS passages, count(DISTINCT p.green_lane_id)::int AS "greenLaneVehicles",
        count(*) FILTER (WHERE p.source = 'PAPER')::int AS "paperDeclarations" FROM passages p WHERE ${scope('p')} AND ${VN_DAYS('p.recorded_at', date, date)}`);
    return { date, ...totals, byDistrict, ...passages };
  },

  async cases(t: TestApp, scope: (alias: string) => string, from: string, to: string) {
    return t.dataSource.query(
      `WITH days AS (SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') d),
            scoped AS (SELECT c.district_code, c.positive_test_date, ${VN_DAY('c.recovered_at')} AS recovered_on
                       FROM cases c WHERE ${scope('c')} AND c.positive_test_date <= $2::date
                         AND (c.recovered_at IS NULL OR ${VN_DAY('c.recovered_at')} >= $1::date OR c.positive_test_date >= $1::date)),
            districts AS (SELECT DISTINCT district_code FROM scoped WHERE district_code IS NOT NULL)
       SELECT to_char(days.day, 'YYYY-MM-DD') AS date, districts.district_code AS "districtCode",
              count(*) FILTER (WHERE s.positive_test_date = days.day)::int AS "newCases",
              count(*) FILTER (WHERE s.recovered_on = days.day)::int AS recoveries,
              count(*) FILTER (WHERE s.positive_test_date <= days.day AND (s.recovered_on IS NULL OR s.recovered_on > days.day))::int AS active
       FROM days CROSS JOIN districts LEFT JOIN scoped s ON s.district_code = districts.district_code
       GROUP BY days.day, districts.district_code ORDER BY days.day, districts.district_code`,
      [from, to],
    );
  },
};

const strip = <T extends Record<string, unknown>>(rows: T[], ...names: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !names.includes(k))));

describe('dashboard rollups', () => {
  let t: TestApp;
  let rollups: RollupService;
  let health: TestUser;
  let police: TestUser;
  let districtOfficer: TestUser;
  let communeStaff: TestUser;
  let caseStaff: TestUser;
  let template: { declaration: string; passage: string; case: string };
  let checkpoints: string[];
  /** Communes: two in district 070 (one of them 02212, the checkpoints' unit), one in another district. */
  let communes: { code: string; district: string }[];
  const from = vietnamToday(-6);
  const to = vietnamToday();
  let callers: { name: string; user: () => TestUser; scope: (alias: string) => string }[];

  /** Copies a row of `table` with new values (a new id unless given): rows of any shape without the API's checks. */
  async function clone(table: string, id: string, overrides: Record<string, unknown>): Promise<string> {
    const newId = (overrides.id as string) ?? uuidv7();
    await t.dataSource.query(`INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(x) || $2::jsonb)).* FROM ${table} x WHERE x.id = $1`, [id, JSON.stringify({ ...overrides, id: newId })]);
    return newId;
  }
  const codesOf = (c: { code: string; district: string }) => ({ province_code: '08', district_code: c.district, commune_code: c.code });
  let n = 0;
  const unique = () => ({ short_code: `R${String(++n).padStart(7, '0')}`, qr_token: `rollup-test-token-${n}-${uuidv7()}`.slice(0, 43), id_number: `09${String(n).padStart(10, '0')}` });
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:30:00+07:00`;

  async function addDeclaration(commune: { code: string; district: string }, day: string, risk: string, origin: string, zone: number | null, extra: Record<string, unknown> = {}) {
    const { short_code, qr_token } = unique();
    return clone('movement_declarations', template.declaration, { ...codesOf(commune), travel_date: day, risk_level: risk, origin_province_code: origin, origin_zone_level: zone, short_code, qr_token, ...extra });
  }
  async function addPassage(checkpoint: number, recordedAt: string, direction: string, outcome: string, source: string, extra: Record<string, unknown> = {}) {
    const unit = checkpoint === 0 ? communes[0] : communes[2];
    return clone('passages', template.passage, { ...codesOf(unit), checkpoint_id: checkpoints[checkpoint], recorded_at: recordedAt, direction, outcome, source, ...extra });
  }
  async function addCase(commune: { code: string; district: string }, positive: string, recoveredAt: string | null, extra: Record<string, unknown> = {}) {
    return clone('cases', template.case, { ...codesOf(commune), positive_test_date: positive, recovered_at: recoveredAt, status: recoveredAt ? 'RECOVERED' : 'ISOLATING', id_number: unique().id_number, ...extra });
  }

  async function expectSameAsBaseTables(): Promise<void> {
    for (const caller of callers) {
      const auth = caller.user().auth;
      const arrivals = await t.http.get('/api/v1/arrivals/daily').query({ from, to }).set('Authorization', auth).expect(200);
      const expected = await reference.arrivals(t, caller.scope, from, to);
      expect({ caller: caller.name, ...arrivals.body, byDistrict: strip(arrivals.body.byDistrict, 'districtName'), byOrigin: strip(arrivals.body.byOrigin, 'provinceName'), byCheckpoint: strip(arrivals.body.byCheckpoint, 'checkpointName') }).toEqual({ caller: caller.name, ...expected });
      const cases = await t.http.get('/api/v1/cases/daily').query({ from, to }).set('Authorization', auth).expect(200);
      expect({ caller: caller.name, items: strip(cases.body.items, 'districtName') }).toEqual({ caller: caller.name, items: await reference.cases(t, caller.scope, from, to) });
      const oneDistrict = await t.http.get('/api/v1/cases/daily').query({ from: vietnamToday(-2), to, districtCode: communes[0].district }).set('Authorization', auth).expect(200);
      const expectedDistrict = (await reference.cases(t, (a) => `${caller.scope(a)} AND ${a}.district_code = '${communes[0].district}'`, vietnamToday(-2), to)) as unknown[];
      expect(strip(oneDistrict.body.items, 'districtName')).toEqual(expectedDistrict);
    }
    for (const user of [health, police]) {
      const stats = await t.http.get('/api/v1/checkpoints/stats').query({ from, to }).set('Authorization', user.auth).expect(200);
      expect(strip(stats.body.items, 'checkpointName')).toEqual(await reference.checkpointDays(t, callers[0].scope, from, to));
    }
    for (const day of [vietnamToday(-3), vietnamToday(-1), to]) {
      const report = await t.http.get('/api/v1/reports/daily').query({ date: day }).set('Authorization', health.auth).expect(200);
      expect({ ...report.body, byDistrict: strip(report.body.byDistrict, 'districtName') }).toEqual(await reference.daily(t, callers[0].scope, day));
    }
  }

  /** The rollups' rows, in a stable order, without their ids. */
  async function snapshot(): Promise<unknown[]> {
    return Promise.all([
      t.dataSource.query(`SELECT day::text, province_code, district_code, commune_code, risk_level, from_zone, total FROM rollup_arrivals ORDER BY 1, 2, 3, 4, 5, 6, 7`),
      t.dataSource.query(`SELECT day::text, province_code, district_code, origin_province_code, total FROM rollup_arrival_origins ORDER BY 1, 2, 3, 4, 5`),
      t.dataSource.query(`SELECT day::text, province_code, district_code, commune_code, checkpoint_id, direction, outcome, source, total FROM rollup_passages ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`),
      t.dataSource.query(`SELECT day::text, province_code, district_code, commune_code, new_cases, recoveries FROM rollup_cases ORDER BY 1, 2, 3, 4, 5, 6`),
    ]);
  }
  /** The incremental state equals a full rebuild from the base tables (nothing missed, nothing counted twice). */
  async function expectSameAsFullRebuild(): Promise<void> {
    const incremental = await snapshot();
    expect((await rollups.refresh({ wait: true, full: true }))?.full).toBe(true);
    expect(incremental).toEqual(await snapshot());
  }

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'error' });
    rollups = t.app.get(RollupService);
    health = await t.newStaff('HEALTH_OFFICER', '08');
    police = await t.newStaff('POLICE_ADMIN', '08');
    const [other] = await t.dataSource.query(`SELECT c.code, c.district_code AS district FROM admin_units c WHERE c.level = 'COMMUNE' AND c.province_code = '08' AND c.district_code <> '070' ORDER BY c.code LIMIT 1`);
    const [second] = await t.dataSource.query(`SELECT code, district_code AS district FROM admin_units WHERE level = 'COMMUNE' AND district_code = '070' AND code NOT IN ('02212', '02200') ORDER BY code LIMIT 1`);
    communes = [{ code: '02212', district: '070' }, second, other];
    districtOfficer = await t.newStaff('DISTRICT_OFFICER', '070');
    communeStaff = await t.newStaff('COMMUNE_STAFF', '02212');
    caseStaff = await t.newStaff('COMMUNE_STAFF', '02200');
    callers = [
      { name: 'province', user: () => health, scope: (a) => `(${a}.province_code = '08' OR ${a}.province_code IS NULL)` },
      { name: 'district', user: () => districtOfficer, scope: (a) => `${a}.district_code = '070'` },
      { name: 'commune', user: () => communeStaff, scope: (a) => `${a}.commune_code = '02212'` },
    ];

    // One real row of each base table, made through the API, then copied with other days, places and values.
    const first = await checkpointWithOfficer(t, police);
    const cp2 = await t.http.post('/api/v1/checkpoints').set('Authorization', police.auth).send({ code: 'CP-ROLLUP-2', name: 'Chốt 2', unitCode: other.code, road: 'Quốc lộ 37', directions: ['IN', 'OUT'] }).expect(201);
    checkpoints = [first.checkpointId, cp2.body.id];
    const decl = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(201)).body;
    const passage = await t.http.post(`/api/v1/checkpoints/${first.checkpointId}/passages`).set('Authorization', first.officer.auth).send({ code: decl.shortCode, direction: 'IN', outcome: 'ALLOWED' }).expect(201);
    const { caseId } = await openCase(t, await t.newCitizen(), caseStaff, { testDate: vietnamToday(-20) });
    template = { declaration: decl.id, passage: passage.body.id ?? passage.body.passage?.id, case: caseId };
    if (!template.passage) [{ id: template.passage }] = await t.dataSource.query(`SELECT id FROM passages ORDER BY received_at DESC LIMIT 1`);

    const risks = ['LOW', 'MEDIUM', 'HIGH'];
    const origins = ['01', '08', '79', '31'];
    const outcomes = ['ALLOWED', 'SENT_FOR_TESTING', 'TURNED_BACK', 'REFERRED_TO_ISOLATION'];
    const sources = ['ONLINE', 'PAPER', 'GREEN_LANE'];
    for (let back = 8; back >= 0; back--) {
      const day = vietnamToday(-back);
      for (let i = 0; i < 3 + (back % 3); i++) {
        const commune = communes[(i + back) % 3];
        await addDeclaration(commune, day, risks[(i * 7 + back) % 3], origins[(i + back) % 4], (i + back) % 4 === 0 ? 3 : null);
        await addPassage(i % 2, at(day, (i * 5 + back) % 24), i % 3 === 0 ? 'OUT' : 'IN', outcomes[(i + back) % 4], sources[(i * 2 + back) % 3], sources[(i * 2 + back) % 3] === 'GREEN_LANE' ? { green_lane_id: i % 2 ? '00000000-0000-7000-8000-000000000001' : '00000000-0000-7000-8000-000000000002' } : {});
      }
      // Cases: new every day in each district; recoveries a few days later (some before the range, some still open).
      for (let i = 0; i < 2; i++) {
        const commune = communes[(i + back) % 3];
        const recovered = back >= 3 && i === 0 ? at(vietnamToday(-back + 2), 9) : back >= 6 ? at(vietnamToday(-back + 1), 23) : null;
        await addCase(commune, vietnamToday(-back - (i === 1 ? 4 : 0)), recovered);
      }
    }
    // A passage late in the Vietnam day (17:30 UTC) lands on that Vietnam day, not the UTC day.
    await addPassage(0, `${vietnamToday(-2)}T23:45:00+07:00`, 'IN', 'ALLOWED', 'ONLINE');
    // Jurisdiction codes missing: province readers see it (the policy's IS NULL branch), the others do not.
    await addDeclaration({ code: null as unknown as string, district: null as unknown as string }, vietnamToday(-1), 'HIGH', '01', 2, { province_code: null });
  }, 120_000);
  afterAll(() => t.close());

  it('gives the numbers the base tables give, for province, district and commune callers', async () => {
    await expectSameAsBaseTables();
    await expectSameAsFullRebuild();
  }, 60_000);

  it('picks up new rows, late rows within the margin and recoveries incrementally, never counting twice', async () => {
    await rollups.refresh({ wait: true }); // the watermark is now
    const before = await snapshot();
    expect((await rollups.refresh({ wait: true }))?.full).toBe(false);
    expect(await snapshot()).toEqual(before); // refreshing again changes nothing

    // New rows through the API: the next dashboard read sees them.
    const officer = await checkpointWithOfficer(t, police);
    const d = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration({ contactWithCase: true })).expect(201)).body;
    await t.http.post(`/api/v1/checkpoints/${officer.checkpointId}/passages`).set('Authorization', officer.officer.auth).send({ code: d.shortCode, direction: 'IN', outcome: 'SENT_FOR_TESTING' }).expect(201);
    const beforeNew = (await reference.daily(t, callers[0].scope, to)) as { entering: number; passages: number };
    const report = await t.http.get('/api/v1/reports/daily').query({ date: to }).set('Authorization', health.auth).expect(200);
    expect(report.body).toMatchObject({ entering: beforeNew.entering, passages: beforeNew.passages });
    expect(report.body.entering).toBeGreaterThan(0);

    // Rows from transactions that began before the last refresh but committed after it: within the margin, picked up.
    await rollups.refresh({ wait: true });
    await addDeclaration(communes[1], vietnamToday(-4), 'HIGH', '79', 4, { created_at: new Date(Date.now() - 90_000).toISOString() });
    await addPassage(1, at(vietnamToday(-5), 8), 'OUT', 'TURNED_BACK', 'PAPER', { received_at: new Date(Date.now() - 90_000).toISOString() });
    await addCase(communes[2], vietnamToday(-3), null, { updated_at: new Date(Date.now() - 90_000).toISOString() });
    const late = await rollups.refresh({ wait: true });
    expect(late).toMatchObject({ full: false });
    expect(late!.buckets).toBeGreaterThanOrEqual(3);
    await expectSameAsFullRebuild();

    // A recovery (an UPDATE of an old case, by the service that signs recovery confirmations) and its revocation.
    const cases = t.app.get(CasesService);
    const ctx = { requestId: 'rollup-test', ip: '127.0.0.1' };
    const oldCase = await addCase(communes[0], vietnamToday(-30), null, { updated_at: new Date(Date.now() - 3600_000).toISOString() });
    await rollups.refresh({ wait: true, full: true });
    await t.dataSource.transaction((m) => cases.closeByConfirmation(m, oldCase, ctx));
    const recovered = await t.http.get('/api/v1/cases/daily').query({ from, to }).set('Authorization', districtOfficer.auth).expect(200);
    expect(strip(recovered.body.items, 'districtName')).toEqual(await reference.cases(t, callers[1].scope, from, to));
    const [{ recoveries }] = await t.dataSource.query(`SELECT sum(recoveries)::int AS recoveries FROM rollup_cases WHERE commune_code = $1 AND day = $2`, [communes[0].code, to]);
    expect(recoveries).toBeGreaterThanOrEqual(1);
    await t.dataSource.transaction((m) => cases.reopenAfterRevocation(m, oldCase, ctx));
    await rollups.refresh({ wait: true });
    await expectSameAsFullRebuild();
    await expectSameAsBaseTables();
  }, 120_000);

  it('leaves rows older than the margin, in a bucket nothing else touched, to the next full rebuild', async () => {
    await rollups.refresh({ wait: true });
    const day = vietnamToday(-40);
    await addDeclaration(communes[0], day, 'LOW', '01', null, { created_at: new Date(Date.now() - 600_000).toISOString() });
    const total = async () => (await t.dataSource.query(`SELECT COALESCE(sum(total), 0)::int AS total FROM rollup_arrivals WHERE day = $1`, [day]))[0].total;
    expect((await rollups.refresh({ wait: true }))?.full).toBe(false);
    expect(await total()).toBe(0);
    await rollups.refresh({ wait: true, full: true });
    expect(await total()).toBe(1);
    const [state] = await t.dataSource.query(`SELECT rebuild_ms, rebuilt_at FROM rollup_state`);
    expect(state.rebuild_ms).toEqual(expect.any(Number));
  });

  it('rebuilds after a restart only when the state is missing or predates the last migration; otherwise it catches up', async () => {
    /** A RollupService as a newly started process has it. */
    const restarted = () => new RollupService(t.dataSource, t.app.get(AppConfig));
    await rollups.refresh({ wait: true });

    // Rows written while no process refreshed (another replica's requests, a restart): caught up incrementally.
    await addDeclaration(communes[1], to, 'MEDIUM', '01', null, { created_at: new Date().toISOString() });
    await addPassage(0, at(to, 7), 'IN', 'ALLOWED', 'ONLINE', { received_at: new Date().toISOString() });
    expect(await restarted().refresh({ wait: true })).toMatchObject({ full: false });
    await expectSameAsFullRebuild();

    // Rows written behind its back with past timestamps are not seen by a restart...
    const day = vietnamToday(-50);
    const total = async () => (await t.dataSource.query(`SELECT COALESCE(sum(total), 0)::int AS total FROM rollup_arrivals WHERE day = $1`, [day]))[0].total;
    await addDeclaration(communes[0], day, 'HIGH', '79', 3, { created_at: new Date(Date.now() - 50 * 86_400_000).toISOString() });
    expect(await restarted().refresh({ wait: true })).toMatchObject({ full: false });
    expect(await total()).toBe(0);
    // ...until their writer marks the rollups stale (as seed:load and the demo data do): then the state is missing.
    await t.dataSource.query(ROLLUPS_STALE_SQL);
    expect(await restarted().refresh({ wait: true })).toMatchObject({ full: true, reason: 'no-state' });
    expect(await total()).toBe(1);
    expect(await restarted().refresh({ wait: true })).toMatchObject({ full: false });

    // A migration applied since the last rebuild (it may have changed the rollup tables): one rebuild, then incremental.
    const [{ name: last }] = await t.dataSource.query(`SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1`);
    expect((await t.dataSource.query(`SELECT migration FROM rollup_state`))[0].migration).toBe(last);
    await t.dataSource.query(`INSERT INTO typeorm_migrations (timestamp, name) VALUES (9999999999999, 'Later9999999999999')`);
    try {
      expect(await restarted().refresh({ wait: true })).toMatchObject({ full: true, reason: 'migration' });
      expect(await restarted().refresh({ wait: true })).toMatchObject({ full: false });
    } finally {
      await t.dataSource.query(`DELETE FROM typeorm_migrations WHERE name = 'Later9999999999999'`);
    }
    await expectSameAsBaseTables();
  }, 60_000);

  it('is made stale by the demo data, whose week of movements carries past timestamps', async () => {
    await rollups.refresh({ wait: true });
    expect(await seedDemoMovements(t.dataSource, 'not-a-password-hash', undefined, 3)).toBeGreaterThan(0);
    expect(await t.dataSource.query(`SELECT name FROM rollup_state`)).toEqual([]);
    expect(await rollups.refresh({ wait: true })).toMatchObject({ full: true, reason: 'no-state' });
    await expectSameAsBaseTables();
  }, 60_000);

  it('refreshes one replica at a time: concurrent refreshes do not corrupt the rollups', async () => {
    for (let i = 0; i < 5; i++) await addDeclaration(communes[i % 3], vietnamToday(-(i % 4)), 'MEDIUM', '31', null);
    for (let i = 0; i < 5; i++) await addPassage(i % 2, at(vietnamToday(-(i % 3)), 10 + i), 'IN', 'ALLOWED', 'ONLINE');
    // Another "replica" (a second service on another connection of the pool) and this one, at the same time.
    const results = await Promise.all([rollups.refresh(), rollups.refresh(), rollups.refresh({ wait: true }), rollups.refresh({ wait: true, full: true }), rollups.refresh({ wait: true })]);
    expect(results.filter((r) => r !== null).length).toBeGreaterThanOrEqual(3); // the waiting ones always run, one after another
    await expectSameAsFullRebuild();
    await expectSameAsBaseTables();
  }, 60_000);
});
