import { createTestApp, type TestApp } from './support/test-app';

describe('administrative units', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('holds Tuyen Quang with its 7 districts and 138 communes, and every province and district', async () => {
    const [row] = await t.dataSource.query(`SELECT
      count(*) FILTER (WHERE level = 'PROVINCE')::int AS provinces,
      count(*) FILTER (WHERE level = 'DISTRICT')::int AS districts,
      count(*) FILTER (WHERE level = 'DISTRICT' AND parent_code = '08')::int AS tq_districts,
      count(*) FILTER (WHERE level = 'COMMUNE' AND province_code = '08')::int AS tq_communes FROM admin_units`);
    expect(row).toEqual({ provinces: 63, districts: 705, tq_districts: 7, tq_communes: 138 });
  });

  it('lists the children of a unit', async () => {
    const res = await t.http.get('/api/v1/admin-units').query({ parent: '08' }).expect(200);
    expect(res.body.items).toHaveLength(7);
    expect(res.body.items.map((u: { code: string }) => u.code)).toEqual(['070', '071', '072', '073', '074', '075', '076']);
    expect(res.body.nextCursor).toBeNull();
  });

  it('lists every unit below a province or district with `within`', async () => {
    const communes = await t.http.get('/api/v1/admin-units').query({ within: '08', level: 'COMMUNE', q: 'thuong giap' }).expect(200);
    expect(communes.body.items.map((u: { code: string }) => u.code)).toEqual(['02230']);
    const all = await t.http.get('/api/v1/admin-units').query({ within: '072', limit: 200 }).expect(200);
    expect(all.body.items.length).toBeGreaterThan(5);
    expect(all.body.items.every((u: { parentCode: string }) => u.parentCode === '072')).toBe(true);
    const none = await t.http.get('/api/v1/admin-units').query({ parent: '08', level: 'COMMUNE' }).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('finds names without diacritics', async () => {
    const res = await t.http.get('/api/v1/admin-units').query({ q: 'yen son' }).expect(200);
    expect(res.body.items.map((u: { nameWithType: string }) => u.nameWithType)).toContain('Huyện Yên Sơn');
    const withMarks = await t.http.get('/api/v1/admin-units').query({ q: 'Yên Sơn', level: 'DISTRICT' }).expect(200);
    expect(withMarks.body.items.map((u: { code: string }) => u.code)).toContain('075');
    const commune = await t.http.get('/api/v1/admin-units').query({ q: 'thuong giap', level: 'COMMUNE' }).expect(200);
    expect(commune.body.items).toEqual([expect.objectContaining({ code: '02230', name: 'Thượng Giáp', parentCode: '072' })]);
  });

  it('pages with a cursor', async () => {
    const first = await t.http.get('/api/v1/admin-units').query({ level: 'COMMUNE', parent: '075', limit: 10 }).expect(200);
    expect(first.body.items).toHaveLength(10);
    const second = await t.http.get('/api/v1/admin-units').query({ level: 'COMMUNE', parent: '075', limit: 10, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items[0].code > first.body.items[9].code).toBe(true);
  });

  it('gives one unit with its ancestors, and 404 for an unknown code', async () => {
    const res = await t.http.get('/api/v1/admin-units/02230').expect(200);
    expect(res.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['08', '072']);
    const missing = await t.http.get('/api/v1/admin-units/99999').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('rejects bad filters with 400', async () => {
    const res = await t.http.get('/api/v1/admin-units').query({ level: 'VILLAGE', limit: 500 }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['level', 'limit']);
  });
});

describe('admin unit seed data', () => {
  it('has the whole country for SEED_UNITS=all: 63 provinces, 705 districts, 10,599 communes', () => {
    const { adminUnitRows } = jest.requireActual('../src/modules/geography/admin-units.seed') as typeof import('../src/modules/geography/admin-units.seed');
    const rows = adminUnitRows('all');
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    expect([count('PROVINCE'), count('DISTRICT'), count('COMMUNE')]).toEqual([63, 705, 10599]);
    const commune = rows.find((r) => r.code === '02230')!;
    expect(commune).toMatchObject({ provinceCode: '08', districtCode: '072', parentCode: '072', nameFolded: 'thuong giap' });
  });
});
