import * as XLSX from '@e965/xlsx';
import { binary, pdfText } from './support/pdf-text';
import type { components } from '@cordon/contracts/src/generated/openapi';
import { auditOf, createTestApp, type TestApp, type TestUser } from './support/test-app';

type AccountImportDto = components['schemas']['AccountImportDto'];

const HEADER = 'Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị hành chính,Mã chốt,Cơ quan,Chức vụ,Số điện thoại,Email';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('bulk account import (preview, all-or-nothing commit, one-time codes)', () => {
  let t: TestApp;
  let admin: TestUser;
  let police: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newStaff('ACCOUNT_ADMIN', '08');
    police = await t.newStaff('POLICE_ADMIN', '08');
  });
  afterAll(() => t.close());

  const upload = (body: string | Buffer, caller: TestUser = admin, type = 'text/csv', fileName = 'accounts.csv') =>
    t.http.post('/api/v1/accounts/imports').query({ fileName }).set('Authorization', caller.auth).set('Content-Type', type).send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
  const rowsOf = async (id: string, action?: string, caller: TestUser = admin) =>
    (await t.http.get(`/api/v1/accounts/imports/${id}/rows`).query({ limit: 500, ...(action ? { action } : {}) }).set('Authorization', caller.auth).expect(200)).body;
  const usersNamed = async (names: string[]) => Number((await t.dataSource.query(`SELECT count(*) FROM users WHERE username = ANY($1)`, [names]))[0].count);

  /** Commits and polls the import until the background commit ends; returns the final state and the progress seen. */
  async function commit(id: string, caller: TestUser = admin): Promise<{ job: AccountImportDto; progress: number[] }> {
    const started = await t.http.post(`/api/v1/accounts/imports/${id}/commit`).set('Authorization', caller.auth);
    expect(started.status).toBe(202);
    expect(started.body.state).toBe('COMMITTING');
    const progress: number[] = [];
    for (;;) {
      const job = (await t.http.get(`/api/v1/accounts/imports/${id}`).set('Authorization', caller.auth).expect(200)).body;
      progress.push(job.processed);
      if (job.state !== 'COMMITTING') return { job, progress };
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('offers a CSV and an XLSX template with Vietnamese headers, instructions and the unit codes of the province', async () => {
    const csv = await t.http.get('/api/v1/accounts/imports/template').query({ format: 'csv' }).set('Authorization', admin.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.replace(/^\uFEFF/, '').trim()).toBe(HEADER);
    const xlsx = await t.http.get('/api/v1/accounts/imports/template').query({ format: 'xlsx' }).set('Authorization', admin.auth).buffer(true).parse(binary).expect(200);
    const book = XLSX.read(xlsx.body as Buffer, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Tài khoản', 'Hướng dẫn', 'Mã đơn vị']);
    const units = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Mã đơn vị'], { header: 1 });
    expect(units.some((r) => r[0] === '02230' && r[1] === 'Xã Thượng Giáp')).toBe(true);
    expect(units.every((r, i) => i === 0 || String(r[0]).startsWith('0') || r[0] === '08' || /^\d+$/.test(String(r[0])))).toBe(true);
    await t.http.get('/api/v1/accounts/imports/template').query({ format: 'pdf' }).set('Authorization', admin.auth).expect(400);
  });

  it('previews every row, writes nothing, refuses to commit with errors, and cancels', async () => {
    const file = [
      HEADER,
      'canbo.a1,Nguyễn Văn An,Cán bộ xã,02230,,,Công chức,0912000001,an@example.vn',
      'canbo.a2,Trần Thị Bình,COMMUNE_LEADER,02230,,,,,',
      'canbo.a3,Lê Văn Cường,Cán bộ xã,99999,,,,,', // unknown unit
      'canbo.a4,Phạm Thị Dung,Cán bộ xã,02230,,,,12345,', // bad phone
      'canbo.a1,Nguyễn Văn An,Cán bộ xã,02230,,,,,', // duplicate username in the file
      'canbo.a5,Hoàng Văn Em,Cán bộ huyện,02230,,,,,', // a commune code for a district role
      'canbo.a6,Đỗ Thị Gấm,Cán bộ huyện,001,,,,,', // a Hanoi district: outside the province
      'canbo.a7,Vũ Văn Hải,Công dân,02230,,,,,', // not a staff role
    ].join('\r\n');
    const res = await upload(file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'PREVIEW', source: 'FILE', fileName: 'accounts.csv', totalRows: 8, counts: { create: 2, update: 0, skip: 0, error: 6 } });
    const errors = (await rowsOf(res.body.id, 'ERROR')).items;
    const byRow = Object.fromEntries(errors.map((r: { rowNo: number; errors: { field: string; code: string }[] }) => [r.rowNo, r.errors.map((e) => `${e.field}:${e.code}`)]));
    expect(byRow).toEqual({ 4: ['unitCode:unknown'], 5: ['phone:matches'], 6: ['username:duplicate_in_file'], 7: ['unitCode:level'], 8: ['unitCode:out_of_scope'], 9: ['role:isIn'] });
    expect(await usersNamed(['canbo.a1', 'canbo.a2'])).toBe(0);

    const refused = await t.http.post(`/api/v1/accounts/imports/${res.body.id}/commit`).set('Authorization', admin.auth).expect(409);
    expect(refused.body.message).toMatch(/6 rows with errors/);
    const report = await t.http.get(`/api/v1/accounts/imports/${res.body.id}/report.csv`).set('Authorization', admin.auth).expect(200);
    expect(report.text.split('\r\n')[0]).toBe('\uFEFFDòng,Kết quả,Lý do,Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị hành chính,Mã chốt,Cơ quan,Chức vụ,Số điện thoại,Email');
    expect(report.text).toContain('5,Lỗi,phone: phone must be a Vietnamese mobile number');

    const cancelled = await t.http.post(`/api/v1/accounts/imports/${res.body.id}/cancel`).set('Authorization', admin.auth).expect(200);
    expect(cancelled.body.state).toBe('CANCELLED');
    await t.http.post(`/api/v1/accounts/imports/${res.body.id}/commit`).set('Authorization', admin.auth).expect(409);
    expect(await usersNamed(['canbo.a1', 'canbo.a2'])).toBe(0);
    expect((await auditOf(t.dataSource, res.body.id)).map((e) => e.action)).toEqual(['account_import.preview', 'account_import.cancel']);
  });

  it('commits all rows in the background, then releases the activation codes once per format', async () => {
    // Semicolons, a BOM, and the leading zeros a spreadsheet drops from codes and phone numbers.
    const file = '\uFEFF' + [HEADER.replace(/,/g, ';'), 'canbo.b1;Nguyễn Văn Bình;Cán bộ xã;2230;;;;912000011;', 'lanhdao.b2;"Trần Thị ""Cúc""";lãnh đạo ubnd xã;02230;;;Chủ tịch;;', 'huyen.b3;Lê Văn Dũng;Cán bộ huyện;70;;;;;'].join('\n');
    const preview = await upload(file).expect(201);
    expect(preview.body.counts).toEqual({ create: 3, update: 0, skip: 0, error: 0 });
    const { job } = await commit(preview.body.id);
    expect(job).toMatchObject({ state: 'COMMITTED', processed: 3, counts: { create: 3 }, codes: { available: true, csvExportedAt: null, pdfExportedAt: null } });
    // The listing reads only whether codes are sealed, not the codes: it reports them as the import itself does.
    const listed = async () => (await t.http.get('/api/v1/accounts/imports').set('Authorization', admin.auth).expect(200)).body.items.find((j: { id: string }) => j.id === preview.body.id);
    expect(await listed()).toEqual(job);
    const users = await t.dataSource.query(`SELECT username, full_name, role, unit_code, phone, status, activation_code_hash FROM users WHERE username IN ('canbo.b1', 'lanhdao.b2', 'huyen.b3') ORDER BY username`);
    expect(users.map((u: Record<string, string>) => [u.username, u.full_name, u.role, u.unit_code, u.phone, u.status])).toEqual([
      ['canbo.b1', 'Nguyễn Văn Bình', 'COMMUNE_STAFF', '02230', '0912000011', 'PENDING_ACTIVATION'],
      ['huyen.b3', 'Lê Văn Dũng', 'DISTRICT_OFFICER', '070', null, 'PENDING_ACTIVATION'],
      ['lanhdao.b2', 'Trần Thị "Cúc"', 'COMMUNE_LEADER', '02230', null, 'PENDING_ACTIVATION'],
    ]);
    const rows = (await rowsOf(preview.body.id)).items;
    expect(rows.every((r: { userId: string | null }) => r.userId)).toBe(true);
    const created = await auditOf(t.dataSource, rows[0].userId);
    expect(created[0]).toMatchObject({ action: 'account.create', actor_id: admin.user.id });
    expect((created[0].after as Record<string, unknown>).importId).toBe(preview.body.id);

    const csv = await t.http.post(`/api/v1/accounts/imports/${preview.body.id}/codes.csv`).set('Authorization', admin.auth).expect(200);
    expect(csv.headers['cache-control']).toBe('no-store');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Tên đăng nhập,Họ và tên,Vai trò,Đơn vị / chốt,Mã kích hoạt,Hết hạn,Địa chỉ kích hoạt');
    expect(lines).toHaveLength(4);
    const codeOf = (username: string) => lines.find((l) => l.startsWith(`${username},`))!.split(',')[4];
    expect(lines.find((l) => l.startsWith('canbo.b1,'))).toContain('Xã Thượng Giáp');
    expect(lines.find((l) => l.startsWith('canbo.b1,'))).toMatch(/\/commune\/activate$/);
    const again = await t.http.post(`/api/v1/accounts/imports/${preview.body.id}/codes.csv`).set('Authorization', admin.auth).expect(409);
    expect(again.body.message).toMatch(/already exported as CSV/);

    await t.http.post('/api/v1/auth/activate').send({ username: 'canbo.b1', activationCode: codeOf('canbo.b1'), newPassword: 'Moi@2026pass' }).expect(200);

    const pdf = await t.http.post(`/api/v1/accounts/imports/${preview.body.id}/codes.pdf`).set('Authorization', admin.auth).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(pdf.body as Buffer);
    expect(text).toContain('PHIẾU CẤP TÀI KHOẢN CORDON');
    expect(text).toContain(codeOf('huyen.b3'));
    expect(text).toContain('lanhdao.b2');
    const [sealed] = await t.dataSource.query(`SELECT sealed_codes FROM account_imports WHERE id = $1`, [preview.body.id]);
    expect(sealed.sealed_codes).toBeNull();
    const after = (await t.http.get(`/api/v1/accounts/imports/${preview.body.id}`).set('Authorization', admin.auth).expect(200)).body;
    expect(after.codes.available).toBe(false);
    expect(after.codes.csvExportedAt && after.codes.pdfExportedAt).toBeTruthy();
    expect(await listed()).toEqual(after);
    const actions = (await auditOf(t.dataSource, preview.body.id)).map((e) => e.action);
    expect(actions).toEqual(['account_import.preview', 'account_import.commit_start', 'account_import.commit', 'account_import.export_codes', 'account_import.export_codes']);
  });

  it('updates changed accounts, skips identical ones, and ends the sessions of a re-scoped account', async () => {
    const existing = await t.newStaff('COMMUNE_STAFF', '02230', { fullName: 'Cũ Tên', fullNameFolded: 'cu ten' });
    const same = await t.createStaff('COMMUNE_STAFF', '02230');
    const file = [HEADER, `${existing.user.username},Mới Tên,Cán bộ xã,02200,,,,,`, `${same.username},${same.fullName},Cán bộ xã,02230,,,,,`].join('\n');
    const preview = await upload(file).expect(201);
    expect(preview.body.counts).toEqual({ create: 0, update: 1, skip: 1, error: 0 });
    const [update] = (await rowsOf(preview.body.id, 'UPDATE')).items;
    expect(update.changes).toEqual(['fullName', 'jurisdiction']);
    const { job } = await commit(preview.body.id);
    expect(job.state).toBe('COMMITTED');
    expect(job.codes.available).toBe(false);
    const [row] = await t.dataSource.query(`SELECT full_name, unit_code, commune_code FROM users WHERE id = $1`, [existing.user.id]);
    expect(row).toEqual({ full_name: 'Mới Tên', unit_code: '02200', commune_code: '02200' });
    await t.http.get('/api/v1/auth/me').set('Authorization', existing.auth).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: existing.refreshToken }).expect(401);
    expect((await auditOf(t.dataSource, existing.user.id)).map((e) => e.action)).toContain('account.rescope');
  });

  it('reads XLSX files, including codes and phone numbers stored as numbers', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([HEADER.split(','), ['xlsx.c1', 'Ngô Văn Chiến', 'Cán bộ xã', 2230, '', '', '', 912000021, ''], ['xlsx.c2', 'Bùi Thị Duyên', 'Lãnh đạo UBND xã', '02230', '', '', '', '', '']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Tài khoản');
    const preview = await upload(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, admin, XLSX_TYPE, 'danh-sach.xlsx').expect(201);
    expect(preview.body.counts).toEqual({ create: 2, update: 0, skip: 0, error: 0 });
    const rows = (await rowsOf(preview.body.id)).items;
    expect(rows[0].input).toMatchObject({ unitCode: '02230', phone: '0912000021' });
  });

  it('rejects unreadable files with a field-level message', async () => {
    const missing = await upload('Tên đăng nhập,Vai trò\r\nx.y,Cán bộ xã').expect(400);
    expect(missing.body.details[0]).toMatchObject({ field: 'file', code: 'columns' });
    expect(missing.body.details[0].message).toContain('Họ và tên');
    const latin1 = await upload(Buffer.from(`${HEADER}\r\nx.y,Nguy\xean,COMMUNE_STAFF,02230`, 'latin1')).expect(400);
    expect(latin1.body.details[0].code).toBe('encoding');
    expect((await upload(HEADER).expect(400)).body.details[0].code).toBe('empty');
    expect((await upload(Buffer.from('not a zip'), admin, XLSX_TYPE).expect(400)).body.details[0].code).toBe('unreadable');
    expect((await upload('{}', admin, 'application/json').expect(400)).body.code).toBe('VALIDATION_FAILED');
    const huge = await upload(Buffer.alloc(11 * 1024 * 1024, 'a'));
    expect(huge.status).toBe(413);
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM account_imports WHERE file_name = 'accounts.csv' AND total_rows = 0`))[0].count)).toBe(0);
  });

  it('writes nothing when a row became invalid before the commit (all or nothing)', async () => {
    const file = [HEADER, 'race.d1,Người Một,Cán bộ xã,02230,,,,,', 'race.d2,Người Hai,Cán bộ xã,02230,,,,,', 'race.d3,Người Ba,Cán bộ xã,02230,,,,,'].join('\n');
    const preview = await upload(file).expect(201);
    // Someone provisions race.d3 by hand between the preview and the commit.
    await t.http.post('/api/v1/accounts').set('Authorization', admin.auth).send({ username: 'race.d3', fullName: 'Người Khác', role: 'COMMUNE_STAFF', unitCode: '02200' }).expect(201);
    const { job } = await commit(preview.body.id);
    expect(job.state).toBe('FAILED');
    expect(job.failure).toMatch(/1 rows changed since the preview/);
    expect(await usersNamed(['race.d1', 'race.d2'])).toBe(0);
    // The row that was to create race.d3 would now update the account made by hand: the admin reviews it first.
    expect((await rowsOf(preview.body.id, 'UPDATE')).items.map((r: { username: string }) => r.username)).toEqual(['race.d3']);
    expect(job.counts).toEqual({ create: 2, update: 1, skip: 0, error: 0 });
    const [byHand] = await t.dataSource.query(`SELECT full_name FROM users WHERE username = 'race.d3'`);
    expect(byHand.full_name).toBe('Người Khác');
    // Reviewed: committing again applies the verdicts now shown.
    expect((await commit(preview.body.id)).job.state).toBe('COMMITTED');
    expect(await usersNamed(['race.d1', 'race.d2'])).toBe(2);
  });

  it('rolls back every row when the database fails midway through the commit', async () => {
    const names = Array.from({ length: 1200 }, (_, i) => `midway.${i}`);
    const file = [HEADER, ...names.map((n) => `${n},Người ${n},Cán bộ xã,02230,,,,,`)].join('\n');
    const preview = await upload(file).expect(201);
    // A trigger that fails on the 1,101st account: after two batches were written inside the transaction.
    await t.dataSource.query(`CREATE FUNCTION fail_midway() RETURNS trigger AS $$ BEGIN IF NEW.username = 'midway.1100' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.dataSource.query(`CREATE TRIGGER fail_midway BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION fail_midway()`);
    try {
      const { job, progress } = await commit(preview.body.id);
      expect(job).toMatchObject({ state: 'FAILED', processed: 0 });
      expect(job.failure).toMatch(/nothing was written/);
      expect(Math.max(...progress)).toBeLessThan(1200);
      expect(await usersNamed(names)).toBe(0);
      expect(Number((await t.dataSource.query(`SELECT count(*) FROM audit_events WHERE action = 'account.create' AND after->>'importId' = $1`, [preview.body.id]))[0].count)).toBe(0);
    } finally {
      await t.dataSource.query(`DROP TRIGGER fail_midway ON users; DROP FUNCTION fail_midway()`);
    }
    // The same preview can be committed again once the fault is gone.
    const { job } = await commit(preview.body.id);
    expect(job).toMatchObject({ state: 'COMMITTED', processed: 1200 });
    expect(await usersNamed(names)).toBe(1200);
  });

  it('reports a commit whose process died as failed, and lets it be committed again', async () => {
    const preview = await upload([HEADER, 'stale.e1,Người Cũ,Cán bộ xã,02230,,,,,'].join('\n')).expect(201);
    await t.dataSource.query(`UPDATE account_imports SET state = 'COMMITTING', heartbeat_at = now() - interval '5 minutes' WHERE id = $1`, [preview.body.id]);
    const job = (await t.http.get(`/api/v1/accounts/imports/${preview.body.id}`).set('Authorization', admin.auth).expect(200)).body;
    expect(job).toMatchObject({ state: 'FAILED', failure: expect.stringMatching(/interrupted/) });
    expect((await commit(preview.body.id)).job.state).toBe('COMMITTED');
  });

  it('lets the police import only checkpoint officers of the province, and keeps imports apart by role', async () => {
    await t.dataSource.query(`INSERT INTO checkpoints (id, code, name, unit_code, province_code, district_code, commune_code, road, directions) VALUES (gen_random_uuid(), 'IMP-1', 'Chốt nhập', '02230', '08', '071', '02230', 'QL2', '{IN,OUT}'), (gen_random_uuid(), 'HN-1', 'Chốt Hà Nội', '00001', '01', '001', '00001', 'QL1', '{IN,OUT}')`);
    const file = [HEADER, 'officer.f1,Cán bộ Chốt,Cán bộ chốt kiểm soát,,imp-1,Y tế,,,', 'officer.f2,Chốt Khác,CHECKPOINT_OFFICER,,HN-1,Công an,,,', 'officer.f3,Không Cơ Quan,CHECKPOINT_OFFICER,,IMP-1,,,,', 'staff.f4,Cán bộ Xã,Cán bộ xã,02230,,,,,'].join('\n');
    const preview = await upload(file, police).expect(201);
    const errors = Object.fromEntries((await rowsOf(preview.body.id, 'ERROR', police)).items.map((r: { username: string; errors: { field: string; code: string }[] }) => [r.username, r.errors.map((e) => `${e.field}:${e.code}`)]));
    expect(errors).toEqual({ 'officer.f2': ['checkpointCode:out_of_scope'], 'officer.f3': ['agency:required'], 'staff.f4': ['role:forbidden'] });
    const [ok] = (await rowsOf(preview.body.id, 'CREATE', police)).items;
    expect(ok.input).toMatchObject({ checkpointCode: 'IMP-1', agency: 'HEALTH' });
    await t.http.get(`/api/v1/accounts/imports/${preview.body.id}`).set('Authorization', admin.auth).expect(404);
    expect((await t.http.get('/api/v1/accounts/imports').set('Authorization', police.auth).expect(200)).body.items.map((j: { id: string }) => j.id)).toEqual([preview.body.id]);
    await t.http.post('/api/v1/accounts/imports/province').set('Authorization', police.auth).expect(403);
    const staff = await t.newStaff('COMMUNE_STAFF', '02230');
    await upload(file, staff).expect(403);
  });

  it('provisions the whole province in one action, then has nothing left to provision', async () => {
    const [{ communes, districts }] = await t.dataSource.query(`SELECT count(*) FILTER (WHERE level = 'COMMUNE')::int AS communes, count(*) FILTER (WHERE level = 'DISTRICT')::int AS districts FROM admin_units WHERE province_code = '08'`);
    const [{ staffed }] = await t.dataSource.query(
      `SELECT count(DISTINCT (role, unit_code))::int AS staffed FROM users WHERE province_code = '08' AND role IN ('COMMUNE_STAFF', 'COMMUNE_LEADER', 'DISTRICT_OFFICER') AND status <> 'DEACTIVATED'`,
    );
    const preview = await t.http.post('/api/v1/accounts/imports/province').set('Authorization', admin.auth).expect(201);
    expect(preview.body).toMatchObject({ source: 'PROVINCE', counts: { create: communes * 2 + districts - staffed, error: 0 } });
    const rows = (await rowsOf(preview.body.id)).items;
    expect(rows.some((r: { input: { unitCode: string; role: string } }) => r.input.unitCode === '02230' && r.input.role === 'COMMUNE_LEADER')).toBe(false); // imported earlier
    const sample = rows.find((r: { input: { unitCode: string; role: string } }) => r.input.unitCode === '02200' && r.input.role === 'COMMUNE_LEADER');
    expect(sample?.input).toMatchObject({ username: 'lanhdao.xa02200', fullName: expect.stringMatching(/^Lãnh đạo (Xã|Phường|Thị trấn) /), title: 'Lãnh đạo UBND xã' });
    const { job } = await commit(preview.body.id);
    expect(job.state).toBe('COMMITTED');
    expect(job.codes.available).toBe(true);
    const missing = await t.dataSource.query(
      `SELECT u.code FROM admin_units u WHERE u.province_code = '08' AND u.level = 'COMMUNE'
         AND NOT EXISTS (SELECT 1 FROM users s WHERE s.unit_code = u.code AND s.role = 'COMMUNE_LEADER')`,
    );
    expect(missing).toEqual([]);
    const again = await t.http.post('/api/v1/accounts/imports/province').set('Authorization', admin.auth).expect(409);
    expect(again.body.message).toMatch(/already has its accounts/);
  });

  it('imports 10,000 accounts through the real endpoints (duration printed)', async () => {
    const communes: string[] = (await t.dataSource.query(`SELECT code FROM admin_units WHERE province_code = '08' AND level = 'COMMUNE' ORDER BY code`)).map((r: { code: string }) => r.code);
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++) lines.push(`bulk.${i},Cán bộ Số ${i},${i % 2 ? 'Cán bộ xã' : 'Lãnh đạo UBND xã'},${communes[i % communes.length]},,,Công chức,09${String(10_000_000 + i).slice(-8)},bulk${i}@example.vn`);
    const started = Date.now();
    const preview = await upload(lines.join('\r\n'), admin, 'text/csv', 'bulk-10000.csv').expect(201);
    const previewMs = Date.now() - started;
    expect(preview.body.counts).toEqual({ create: 10_000, update: 0, skip: 0, error: 0 });
    const { job, progress } = await commit(preview.body.id);
    const totalMs = Date.now() - started;
    expect(job).toMatchObject({ state: 'COMMITTED', processed: 10_000 });
    expect(new Set(progress).size).toBeGreaterThan(2);
    expect(await usersNamed(['bulk.0', 'bulk.9999'])).toBe(2);
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM users WHERE username LIKE 'bulk.%'`))[0].count)).toBe(10_000);
    const codes = await t.http.post(`/api/v1/accounts/imports/${preview.body.id}/codes.csv`).set('Authorization', admin.auth).expect(200);
    expect(codes.text.trim().split('\r\n')).toHaveLength(10_001);
    console.log(`10,000-account import: preview ${(previewMs / 1000).toFixed(1)} s, preview + commit ${(totalMs / 1000).toFixed(1)} s`);
  }, 180_000);
});
