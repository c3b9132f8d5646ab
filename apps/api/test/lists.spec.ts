import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { LIST_TOTAL_CAP } from '@cordon/contracts';
import { csvStream } from '../src/common/csv/csv';
import { ArrivalsService } from '../src/modules/movements/arrivals.service';
import { addDays as addDaysIso } from '../src/common/time';
import { IsolationPolicy } from '../src/modules/cases/isolation-policy.entity';
import { evaluateIsolation, type IsolationRules } from '../src/modules/cases/isolation-rules';
import { PoliciesService } from '../src/modules/cases/policies.service';
import { openCase, vietnamToday } from './support/cases';
import { declaration } from './support/movements';
import { createTestApp, type TestApp, type TestUser } from './support/test-app';

/**
 * The long lists (cases, arrivals) page by keyset: the cursor holds the last row's sort key, and the next page
 * starts right after it. Rows seeded in bulk share sort keys (same risk and travel date, same positive-test
 * date), so the pages split runs of ties and only the id tells them apart.
 */
type Key = (string | number)[];
const descending = (a: Key, b: Key) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? 1 : -1;
  return 0;
};
const RANK: Record<string, number> = { HIGH: 2, MEDIUM: 1, LOW: 0 };

interface ListBody {
  items: unknown[];
  nextCursor: string | null;
  total: number;
  totalCapped: boolean;
}

/** Every page of a list (following nextCursor): the ids in order, and the first page's answer. */
async function allPages(t: TestApp, path: string, query: Record<string, unknown>, auth: string, idOf: (item: never) => string, limit = 7): Promise<{ ids: string[]; first: ListBody; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let first: ListBody | undefined;
  let pages = 0;
  do {
    const res = await t.http
      .get(path)
      .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
      .set('Authorization', auth)
      .expect(200);
    const body = res.body as ListBody;
    first ??= body;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((item) => idOf(item as never)));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { ids, first: first!, pages };
}

describe('keyset lists and the arrivals export', () => {
  let t: TestApp;
  let health: TestUser;
  let district: TestUser;
  let staff: TestUser;
  const days = [vietnamToday(), vietnamToday(-1), vietnamToday(-2)];

  beforeAll(async () => {
    t = await createTestApp();
    health = await t.newStaff('HEALTH_OFFICER', '08');
    district = await t.newStaff('DISTRICT_OFFICER', '070');
    staff = await t.newStaff('COMMUNE_STAFF', '02212');
  });
  afterAll(() => t.close());

  /** Copies of a declaration made through the API, one per row of `rows` (risk, travel date, commune, zone). */
  async function seedArrivals(prefix: string, rows: { risk: string; day: string; commune: string | null; zone: number | null }[]): Promise<void> {
    const template = (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration()).expect(201)).body.id as string;
    const columns: string[] = (await t.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'movement_declarations' ORDER BY ordinal_position`)).map((c: { column_name: string }) => c.column_name);
    const override: Record<string, string> = {
      id: 'gen_random_uuid()',
      short_code: `'${prefix}' || lpad(v.n::text, 7, '0')`,
      qr_token: `md5('${prefix}' || v.n)`,
      id_number: `'${prefix}' || lpad(v.n::text, 11, '0')`,
      risk_level: 'v.risk',
      travel_date: 'v.day',
      commune_code: 'v.commune',
      district_code: 'u.district_code',
      province_code: 'u.province_code',
      origin_zone_level: 'v.zone',
    };
    await t.dataSource.query(
      `INSERT INTO movement_declarations (${columns.join(', ')})
       SELECT ${columns.map((c) => override[c] ?? `t.${c}`).join(', ')}
       FROM movement_declarations t
       CROSS JOIN unnest($2::text[], $3::date[], $4::text[], $5::int[]) WITH ORDINALITY AS v(risk, day, commune, zone, n)
       LEFT JOIN admin_units u ON u.code = v.commune
       WHERE t.id = $1`,
      [template, rows.map((r) => r.risk), rows.map((r) => r.day), rows.map((r) => r.commune), rows.map((r) => r.zone)],
    );
    await t.dataSource.query(`DELETE FROM movement_declarations WHERE id = $1`, [template]);
  }

  /** The arrivals the database holds for a condition, in the board's order (computed here, not by the API). */
  async function expectedArrivals(where: string, params: unknown[] = []): Promise<string[]> {
    const rows: { id: string; risk_level: string; travel_date: string }[] = await t.dataSource.query(
      `SELECT d.id, d.risk_level, to_char(d.travel_date, 'YYYY-MM-DD') AS travel_date FROM movement_declarations d
       LEFT JOIN arrival_follow_ups f ON f.declaration_id = d.id WHERE d.travel_date BETWEEN $1 AND $2 AND (${where})`,
      [days[2], days[0], ...params],
    );
    return rows.sort((a, b) => descending([RANK[a.risk_level], a.travel_date, a.id], [RANK[b.risk_level], b.travel_date, b.id])).map((r) => r.id);
  }

  const arrivalId = (a: { declaration: { id: string } }) => a.declaration.id;
  const range = { from: days[2], to: days[0] };

  it('pages the arrivals board high risk first, then by travel date, ties split across pages by id, for every scope and filter', async () => {
    // 3 risks x 3 days x 2 communes of district 070 and one of 072, some from epidemic zones: runs of ~8 equal keys.
    const rows: { risk: string; day: string; commune: string | null; zone: number | null }[] = [];
    for (let i = 0; i < 220; i++) rows.push({ risk: ['HIGH', 'MEDIUM', 'LOW'][i % 3], day: days[Math.floor(i / 3) % 3], commune: ['02212', '02200', '02230'][Math.floor(i / 9) % 3], zone: i % 4 === 0 ? 2 : null });
    // A record without any jurisdiction code: visible to the province only, in its place in the order.
    rows.push({ risk: 'HIGH', day: days[1], commune: null, zone: null });
    await seedArrivals('A', rows);
    const some: { id: string }[] = await t.dataSource.query(`SELECT id FROM movement_declarations WHERE commune_code = '02212' ORDER BY id LIMIT 30`);
    for (const [i, { id }] of some.entries()) {
      await t.dataSource.query(`INSERT INTO arrival_follow_ups (declaration_id, status, note, updated_by) VALUES ($1, $2, NULL, $3)`, [id, i % 3 === 0 ? 'PENDING' : 'MONITORING', staff.user.id]);
    }

    const cases: [TestUser, Record<string, unknown>, string, unknown[]][] = [
      [health, {}, 'd.province_code = $3 OR d.province_code IS NULL', ['08']],
      [health, { riskLevel: 'MEDIUM' }, `(d.province_code = $3 OR d.province_code IS NULL) AND d.risk_level = 'MEDIUM'`, ['08']],
      [health, { fromZone: true }, `(d.province_code = $3 OR d.province_code IS NULL) AND d.origin_zone_level IS NOT NULL`, ['08']],
      [health, { communeCode: '02230' }, `d.province_code = $3 AND d.commune_code = '02230'`, ['08']],
      [health, { status: 'MONITORING' }, `(d.province_code = $3 OR d.province_code IS NULL) AND f.status = 'MONITORING'`, ['08']],
      [health, { status: 'PENDING' }, `(d.province_code = $3 OR d.province_code IS NULL) AND COALESCE(f.status, 'PENDING') = 'PENDING'`, ['08']],
      [district, {}, 'd.district_code = $3', ['070']],
      [staff, { fromZone: true, status: 'PENDING' }, `d.commune_code = $3 AND d.origin_zone_level IS NOT NULL AND COALESCE(f.status, 'PENDING') = 'PENDING'`, ['02212']],
    ];
    for (const [user, filters, where, params] of cases) {
      const expected = await expectedArrivals(where, params);
      const { ids, first, pages } = await allPages(t, '/api/v1/arrivals', { ...range, ...filters }, user.auth, arrivalId);
      expect({ filters, ids }).toEqual({ filters, ids: expected });
      expect({ filters, total: first.total, totalCapped: first.totalCapped }).toEqual({ filters, total: expected.length, totalCapped: false });
      if (expected.length > 7) expect(pages).toBeGreaterThan(1);
    }
    const unscoped = await expectedArrivals('d.province_code IS NULL');
    expect(unscoped).toHaveLength(1);
    expect((await allPages(t, '/api/v1/arrivals', range, district.auth, arrivalId)).ids).not.toContain(unscoped[0]);
  });

  it('refuses a cursor it did not make', async () => {
    for (const cursor of ['abc', Buffer.from('o:50').toString('base64url'), Buffer.from('k:2|2026-01-01').toString('base64url'), Buffer.from("k:2|2026-01-01|x' OR 1=1").toString('base64url')]) {
      const res = await t.http.get('/api/v1/arrivals').query({ cursor }).set('Authorization', health.auth).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'cursor' });
    }
  });

  it('counts at most LIST_TOTAL_CAP matches and says when there are more', async () => {
    const day = vietnamToday(-20);
    await seedArrivals('C', Array.from({ length: LIST_TOTAL_CAP + 5 }, (_, i) => ({ risk: 'LOW', day, commune: '02233', zone: i < 3 ? 1 : null })));
    const all = await t.http.get('/api/v1/arrivals').query({ from: day, to: day, limit: 5 }).set('Authorization', health.auth).expect(200);
    expect(all.body).toMatchObject({ total: LIST_TOTAL_CAP, totalCapped: true });
    expect(all.body.items).toHaveLength(5);
    const few = await t.http.get('/api/v1/arrivals').query({ from: day, to: day, fromZone: true }).set('Authorization', health.auth).expect(200);
    expect(few.body).toMatchObject({ total: 3, totalCapped: false });
  });

  it('exports every arrival in the board order to a slow reader, one batch fetched at a time', async () => {
    const day = vietnamToday(-10);
    const rows = Array.from({ length: 2600 }, (_, i) => ({ risk: ['LOW', 'HIGH', 'MEDIUM'][i % 3], day, commune: i % 2 ? '02212' : '02242', zone: null }));
    await seedArrivals('E', rows);
    const expected: { id_number: string }[] = await t.dataSource.query(
      `SELECT id_number FROM movement_declarations WHERE travel_date = $1 ORDER BY CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END DESC, travel_date DESC, id DESC`,
      [day],
    );
    expect(expected).toHaveLength(2600);

    // Over HTTP, read a few KB at a time with pauses: every row arrives, in order.
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const body = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/arrivals/export.csv?from=${day}&to=${day}`, headers: { authorization: health.auth } }, (res) => {
        expect(res.statusCode).toBe(200);
        const chunks: Buffer[] = [];
        res.pause();
        const step = () => {
          let chunk: Buffer | null;
          for (let i = 0; i < 4 && (chunk = res.read(4096) ?? res.read()) !== null; i++) chunks.push(chunk);
          if (res.readableEnded) return resolve(Buffer.concat(chunks).toString('utf8'));
          setTimeout(step, 2);
        };
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
        step();
      });
      req.on('error', reject);
    });
    const lines = body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('Số định danh');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(expected.map((r) => r.id_number));

    // The stream itself: with the reader stalled, no further batch is fetched from the database.
    const fetches: number[] = [];
    const createQueryRunner = t.dataSource.createQueryRunner.bind(t.dataSource);
    const spy = jest.spyOn(t.dataSource, 'createQueryRunner').mockImplementation((mode) => {
      const runner = createQueryRunner(mode);
      const query = runner.query.bind(runner);
      runner.query = (async (sql: string, ...rest: unknown[]) => {
        if (/^FETCH/.test(sql)) fetches.push(Date.now());
        return query(sql, ...(rest as []));
      }) as typeof runner.query;
      return runner;
    });
    try {
      let release: (() => void) | undefined;
      let written = 0;
      const stalled = new Writable({
        highWaterMark: 1024,
        write(chunk: Buffer, _encoding, callback) {
          written += chunk.length;
          if (written > 1024) release = callback; // the consumer stops reading here
          else callback();
        },
      });
      const rowsOut = t.app.get(ArrivalsService).exportRows(health.user as never, { from: day, to: day } as never);
      // Wide lines (about 250 bytes): one batch of 1,000 rows is far more than the stream buffers hold.
      const stream = csvStream([{ header: 'id', value: (r: { idNumber: string }) => r.idNumber.repeat(20) }], rowsOut);
      stream.pipe(stalled);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(fetches.length).toBeLessThanOrEqual(2); // 2,600 rows are 3 batches of 1,000: the rest waits for the reader
      const done = new Promise((resolve) => stalled.on('finish', resolve));
      stalled._write = (chunk: Buffer, _encoding, callback) => callback();
      release?.();
      await done;
      expect(fetches.length).toBe(3);
    } finally {
      spy.mockRestore();
    }
  });

  /** Copies of a case opened through the API, one per row (status, danger signs, positive-test date, commune, name). */
  async function seedCases(prefix: string, rows: { status: string; danger: boolean; day: string; commune: string; name: string; doses?: number; negative?: string | null; policy?: string }[]): Promise<void> {
    const citizen = await t.newCitizen({ communeCode: '02200' });
    const accepting = await t.newStaff('COMMUNE_STAFF', '02200');
    const { caseId } = await openCase(t, citizen, accepting);
    const columns: string[] = (await t.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' ORDER BY ordinal_position`)).map((c: { column_name: string }) => c.column_name);
    const override: Record<string, string> = {
      id: 'gen_random_uuid()',
      id_number: `'${prefix}' || lpad(v.n::text, 11, '0')`,
      status: 'v.status',
      danger_since: `CASE WHEN v.danger THEN now() END`,
      positive_test_date: 'v.day',
      commune_code: 'v.commune',
      district_code: 'u.district_code',
      province_code: 'u.province_code',
      full_name: 'v.name',
      full_name_folded: 'lower(v.name)',
      vaccine_doses: 'COALESCE(v.doses, t.vaccine_doses)',
      negative_test_date: 'v.negative',
      policy_version: 'COALESCE(v.policy, t.policy_version)',
    };
    await t.dataSource.query(
      `INSERT INTO cases (${columns.join(', ')})
       SELECT ${columns.map((c) => override[c] ?? `t.${c}`).join(', ')}
       FROM cases t
       CROSS JOIN unnest($2::text[], $3::boolean[], $4::date[], $5::text[], $6::text[], $7::int[], $8::date[], $9::text[]) WITH ORDINALITY AS v(status, danger, day, commune, name, doses, negative, policy, n)
       JOIN admin_units u ON u.code = v.commune
       WHERE t.id = $1`,
      [caseId, rows.map((r) => r.status), rows.map((r) => r.danger), rows.map((r) => r.day), rows.map((r) => r.commune), rows.map((r) => r.name), rows.map((r) => r.doses ?? null), rows.map((r) => r.negative ?? null), rows.map((r) => r.policy ?? null)],
    );
    await t.dataSource.query(`DELETE FROM cases WHERE id = $1`, [caseId]);
  }

  it('pages the case list danger signs first, then by positive-test date, ties split across pages by id, for every filter', async () => {
    const rows: { status: string; danger: boolean; day: string; commune: string; name: string }[] = [];
    for (let i = 0; i < 150; i++) {
      rows.push({ status: ['ISOLATING', 'RECOVERED', 'ISOLATING', 'HOSPITALISED'][i % 4], danger: i % 4 !== 1 && i % 10 === 0, day: days[Math.floor(i / 4) % 3], commune: ['02212', '02230'][Math.floor(i / 12) % 2], name: i % 5 === 0 ? 'tran thi tim' : 'nguyen van an' });
    }
    await seedCases('K', rows);
    const expectedCases = async (where: string, params: unknown[]): Promise<string[]> => {
      const found: { id: string; danger: boolean; day: string }[] = await t.dataSource.query(`SELECT c.id, c.danger_since IS NOT NULL AS danger, to_char(c.positive_test_date, 'YYYY-MM-DD') AS day FROM cases c WHERE ${where}`, params);
      return found.sort((a, b) => descending([Number(a.danger), a.day, a.id], [Number(b.danger), b.day, b.id])).map((r) => r.id);
    };
    const filters: [TestUser, Record<string, unknown>, string, unknown[]][] = [
      [health, {}, 'c.province_code = $1', ['08']],
      [health, { status: 'HOSPITALISED' }, `c.province_code = $1 AND c.status = 'HOSPITALISED'`, ['08']],
      [health, { view: 'ISOLATING' }, `c.province_code = $1 AND c.status = 'ISOLATING'`, ['08']],
      [health, { view: 'RECOVERED', status: 'ISOLATING' }, 'false', []],
      [health, { districtCode: '072' }, `c.province_code = $1 AND c.district_code = '072'`, ['08']],
      [health, { communeCode: '02212', from: days[1], to: days[0] }, `c.province_code = $1 AND c.commune_code = '02212' AND c.positive_test_date BETWEEN $2 AND $3`, ['08', days[1], days[0]]],
      [health, { q: 'Tìm' }, `c.province_code = $1 AND c.full_name_folded LIKE '%tim%'`, ['08']],
      [district, { view: 'ATTENTION' }, `c.district_code = $1 AND c.status = 'ISOLATING' AND (c.danger_since IS NOT NULL OR c.high_risk OR COALESCE(c.last_check_in_at, c.opened_at) < now() - interval '48 hours')`, ['070']],
      [staff, {}, 'c.commune_code = $1', ['02212']],
    ];
    for (const [user, query, where, params] of filters) {
      const expected = await expectedCases(where, params);
      const { ids, first } = await allPages(t, '/api/v1/cases', query, user.auth, (c: { id: string }) => c.id);
      expect({ query, ids }).toEqual({ query, ids: expected });
      expect({ query, total: first.total, totalCapped: first.totalCapped }).toEqual({ query, total: expected.length, totalCapped: false });
    }
    // A cursor of the arrivals board is not one of the case list (another order).
    const board = await t.http.get('/api/v1/arrivals').query({ ...range, limit: 1 }).set('Authorization', health.auth).expect(200);
    await t.http.get('/api/v1/cases').query({ cursor: board.body.nextCursor }).set('Authorization', health.auth).expect(400);
  });

  it('lists the eligible and the overdue cases as the rules function finds them, page by page', async () => {
    const rows: Parameters<typeof seedCases>[1] = [];
    for (let i = 0; i < 120; i++) {
      const day = vietnamToday(-(i % 30));
      rows.push({ status: i % 7 === 0 ? 'RECOVERED' : 'ISOLATING', danger: i % 11 === 0, day, commune: '02230', name: 'le van hop', doses: i % 3 ? 2 : 0, negative: i % 4 === 0 ? addDaysIso(day, 6 + (i % 5)) : null, policy: i % 2 ? '2022-02-15' : '2021-07-01' });
    }
    // On the edges of what SQL narrows to (policy 2022-02-15: 7 days, a negative test on the last day ends it,
    // confirmation due 2 days later): eligible today exactly, overdue today exactly, eligible but not yet overdue.
    for (const [ago, negativeAgo] of [[6, 0], [9, 3], [8, 2]]) rows.push({ status: 'ISOLATING', danger: false, day: vietnamToday(-ago), commune: '02230', name: 'bien', doses: 2, negative: vietnamToday(-negativeAgo), policy: '2022-02-15' });
    await seedCases('L', rows);
    const policies: IsolationRules[] = await t.dataSource.getRepository(IsolationPolicy).find();
    const today = vietnamToday();
    const isolating: { id: string; danger: boolean; positiveTestDate: string; vaccineDoses: number; negativeTestDate: string | null; policyVersion: string }[] = await t.dataSource.query(
      `SELECT id, danger_since IS NOT NULL AS danger, to_char(positive_test_date, 'YYYY-MM-DD') AS "positiveTestDate", vaccine_doses AS "vaccineDoses", to_char(negative_test_date, 'YYYY-MM-DD') AS "negativeTestDate", policy_version AS "policyVersion"
       FROM cases WHERE commune_code = '02230' AND status = 'ISOLATING'`,
    );
    const inOrder = isolating.sort((a, b) => descending([Number(a.danger), a.positiveTestDate, a.id], [Number(b.danger), b.positiveTestDate, b.id]));
    const state = (c: (typeof inOrder)[number]) => evaluateIsolation(policies.find((p) => p.version === c.policyVersion)!, c, today);
    for (const view of ['ELIGIBLE', 'OVERDUE_CONFIRMATION'] as const) {
      const expected = inOrder.filter((c) => (view === 'ELIGIBLE' ? state(c).eligible : state(c).overdueConfirmation)).map((c) => c.id);
      expect(expected.length).toBeGreaterThan(7);
      const { ids, first } = await allPages(t, '/api/v1/cases', { view, communeCode: '02230' }, health.auth, (c: { id: string }) => c.id);
      expect({ view, ids }).toEqual({ view, ids: expected });
      expect(first).toMatchObject({ total: expected.length, totalCapped: false });
    }
  });

  it('reads the isolation policies once for a list whose cases are evaluated at once, even when the cache has expired', async () => {
    const service = t.app.get(PoliciesService);
    const internals = service as unknown as { cache?: unknown; policies: { find: (...args: unknown[]) => unknown } };
    internals.cache = undefined;
    const find = jest.spyOn(internals.policies, 'find');
    try {
      const read = await Promise.all(Array.from({ length: 200 }, () => service.all()));
      expect(find).toHaveBeenCalledTimes(1);
      expect(new Set(read).size).toBe(1);
    } finally {
      find.mockRestore();
    }
  });
});
