import { createHash } from 'node:crypto';
import { auditOf, createTestApp, type TestApp, type TestUser } from './support/test-app';
import { infectionReport, openCase, vietnamToday } from './support/cases';
import { binary, pdfText } from './support/pdf-text';

describe('isolation decisions and recovery confirmations', () => {
  let t: TestApp;
  let staff: TestUser;
  let leader: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://cordon.tuyenquang.gov.vn' });
    staff = await t.newStaff('COMMUNE_STAFF', '02200');
    leader = await t.newStaff('COMMUNE_LEADER', '02200', { fullName: 'Nguyễn Đức Thắng', title: 'Chủ tịch UBND phường' });
  });
  afterAll(() => t.close());

  const draftFor = async (citizen: TestUser, overrides: Record<string, unknown> = {}) => {
    const { reportId, caseId } = await openCase(t, citizen, staff, overrides);
    const res = await t.http.post('/api/v1/isolation-decisions').set('Authorization', staff.auth).send({ reportIds: [reportId] }).expect(201);
    return { reportId, caseId, draft: res.body.items[0] };
  };

  it('drafts a decision prefilled from the case and the policy in force', async () => {
    const citizen = await t.newCitizen();
    const testDate = vietnamToday(-2);
    const { caseId, draft, reportId } = await draftFor(citizen, { testDate, address: 'Số 12, tổ 3' });
    expect(draft).toMatchObject({ kind: 'ISOLATION_DECISION', status: 'DRAFT', caseId, startDate: testDate, number: null, numberText: null, verifyCode: null });
    expect(draft.endDate).toBe(vietnamToday(4)); // 7 days, end inclusive
    expect(draft.place).toMatch(/^Số 12, tổ 3, Phường .+, Thành phố Tuyên Quang, Tỉnh Tuyên Quang$/);
    expect(draft.legalBasis).toContain('Quyết định số 261/QĐ-BYT');
    await t.http.post('/api/v1/isolation-decisions').set('Authorization', staff.auth).send({ reportIds: [reportId] }).expect(409);
    const edited = await t.http.patch(`/api/v1/isolation-decisions/${draft.id}`).set('Authorization', staff.auth).send({ place: 'Nhà văn hóa tổ 3' }).expect(200);
    expect(edited.body.place).toBe('Nhà văn hóa tổ 3');
    await t.http.patch(`/api/v1/isolation-decisions/${draft.id}`).set('Authorization', staff.auth).send({ endDate: vietnamToday(-10) }).expect(400);
    // Citizens never see drafts.
    await t.http.get(`/api/v1/isolation-decisions/${draft.id}`).set('Authorization', citizen.auth).expect(404);
  });

  it('lets only a leader sign; signing numbers, renders, freezes and notifies', async () => {
    const citizen = await t.newCitizen();
    const { draft } = await draftFor(citizen);
    const denied = await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', staff.auth).send({ ids: [draft.id] }).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const signed = await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', leader.auth).send({ ids: [draft.id] }).expect(200);
    const doc = signed.body.items[0];
    expect(doc).toMatchObject({ status: 'ISSUED', signerName: 'Nguyễn Đức Thắng', numberText: `${doc.number}/QĐ-UBND`, year: Number(vietnamToday().slice(0, 4)) });
    expect(doc.verifyUrl).toBe(`https://cordon.tuyenquang.gov.vn/citizen/verify/${doc.verifyCode}`);
    expect(doc.verifyCode.length).toBeGreaterThanOrEqual(22);
    await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', leader.auth).send({ ids: [draft.id] }).expect(409);
    await t.http.patch(`/api/v1/isolation-decisions/${draft.id}`).set('Authorization', staff.auth).send({ place: 'x y' }).expect(409);

    const pdf = await t.http.get(`/api/v1/isolation-decisions/${doc.id}/pdf`).set('Authorization', citizen.auth).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.pdfSha256);
    const { text } = await pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN PHƯỜNG', 'QUYẾT ĐỊNH', doc.numberText, citizen.user.fullName, 'Điều 1.', 'Nguyễn Đức Thắng', 'cách ly y tế tại nhà']) {
      expect(flat).toContain(expected);
    }
    // Frozen: downloading again gives the very same bytes.
    const again = await t.http.get(`/api/v1/isolation-decisions/${doc.id}/pdf`).set('Authorization', staff.auth).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(again.body as Buffer, bytes)).toBe(0);

    const notes = await t.http.get('/api/v1/notifications').set('Authorization', citizen.auth).expect(200);
    expect(notes.body.items[0]).toMatchObject({ kind: 'DOCUMENT_ISSUED', params: { numberText: doc.numberText } });
    const mine = await t.http.get('/api/v1/isolation-decisions').set('Authorization', citizen.auth).expect(200);
    expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await auditOf(t.dataSource, doc.id)).map((e) => e.action)).toEqual(['isolation_decision.draft', 'isolation_decision.sign']);
  });

  it('verifies publicly with the holder name masked, and shows a revocation', async () => {
    const citizen = await t.newCitizen();
    await t.dataSource.query(`UPDATE users SET full_name = 'Nguyễn Văn An' WHERE id = $1`, [citizen.user.id]);
    const { draft } = await draftFor(citizen);
    const [doc] = (await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', leader.auth).send({ ids: [draft.id] }).expect(200)).body.items;
    const valid = await t.http.get(`/api/v1/public/documents/${doc.verifyCode}`).expect(200);
    expect(valid.body).toEqual({
      kind: 'ISOLATION_DECISION',
      numberText: doc.numberText,
      issuer: expect.stringMatching(/^UBND Phường /),
      signedAt: doc.signedAt,
      startDate: doc.startDate,
      endDate: doc.endDate,
      status: 'VALID',
      revokedAt: null,
      holderName: 'Nguyễn V** A**',
      pdfSha256: doc.pdfSha256,
    });
    expect(JSON.stringify(valid.body)).not.toContain(citizen.user.phone!);
    await t.http.post(`/api/v1/isolation-decisions/${doc.id}/revoke`).set('Authorization', staff.auth).send({ reason: 'Nhầm người' }).expect(403);
    await t.http.post(`/api/v1/isolation-decisions/${doc.id}/revoke`).set('Authorization', leader.auth).send({ reason: 'Nhập sai địa chỉ cách ly' }).expect(200);
    const revoked = await t.http.get(`/api/v1/public/documents/${doc.verifyCode}`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', revokedAt: expect.any(String) });
    await t.http.post(`/api/v1/isolation-decisions/${doc.id}/revoke`).set('Authorization', leader.auth).send({ reason: 'Lần nữa' }).expect(409);
    await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', leader.auth).send({ ids: [doc.id] }).expect(409);
    await t.http.get('/api/v1/public/documents/not-a-real-code-0000000').expect(404);
    // A draft's code is not verifiable.
    const other = await draftFor(await t.newCitizen());
    const [{ verify_code }] = await t.dataSource.query(`SELECT verify_code FROM documents WHERE id = $1`, [other.draft.id]);
    await t.http.get(`/api/v1/public/documents/${verify_code}`).expect(404);
  });

  it('numbers without gaps or duplicates when two leaders sign at the same moment', async () => {
    const second = await t.newStaff('COMMUNE_LEADER', '02200', { title: 'Phó Chủ tịch UBND phường' });
    const drafts: string[] = [];
    for (let i = 0; i < 6; i++) drafts.push((await draftFor(await t.newCitizen())).draft.id);
    const [a, b] = await Promise.all([
      t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', leader.auth).send({ ids: drafts.slice(0, 3) }),
      t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', second.auth).send({ ids: drafts.slice(3) }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const rows: { number: number }[] = await t.dataSource.query(`SELECT number FROM documents WHERE commune_code = '02200' AND kind = 'ISOLATION_DECISION' AND number IS NOT NULL ORDER BY number`);
    const numbers = rows.map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const { text } = await pdfText((await t.http.get(`/api/v1/isolation-decisions/${drafts[3]}/pdf`).set('Authorization', second.auth).buffer(true).parse(binary)).body as Buffer);
    expect(text.replace(/\s+/g, ' ')).toContain('KT. CHỦ TỊCH');
  });

  it('refuses batches over 200 and drafts from reports that are not accepted', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => `01a20b70-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const res = await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', leader.auth).send({ ids }).expect(400);
    expect(res.body.details[0].field).toBe('ids');
    const citizen = await t.newCitizen();
    const report = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport()).expect(201);
    await t.http.post('/api/v1/isolation-decisions').set('Authorization', staff.auth).send({ reportIds: [report.body.id] }).expect(409);
  });

  it('signs a batch of 200 decisions in one request: numbers 1..200, every PDF stored with its SHA-256 (prints the time)', async () => {
    // A commune of its own, so its counter starts at 1.
    const communeCode = '02230';
    const communeStaff = await t.newStaff('COMMUNE_STAFF', communeCode);
    const communeLeader = await t.newStaff('COMMUNE_LEADER', communeCode, { fullName: 'Ma Văn Đức', title: 'Chủ tịch UBND xã' });
    const citizen = await t.newCitizen({ communeCode });
    const reportIds: string[] = [];
    const person = (i: number) => ({ fullName: `Người nhà ${i}`, idNumber: `0081900${String(i).padStart(5, '0')}`, dateOfBirth: '1980-01-01', gender: 'FEMALE', relation: 'CHILD' });
    // A few at a time: the test app's database pool has three connections.
    for (let start = 0; start < 200; start += 4) {
      reportIds.push(
        ...(await Promise.all(
          Array.from({ length: 4 }, async (_, k) => {
            const report = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ communeCode, forSelf: false, person: person(start + k) })).expect(201);
            await t.http.post(`/api/v1/case-reports/${report.body.id}/accept`).set('Authorization', communeStaff.auth).expect(200);
            return report.body.id as string;
          }),
        )),
      );
    }
    const drafts = (await t.http.post('/api/v1/isolation-decisions').set('Authorization', communeStaff.auth).send({ reportIds }).expect(201)).body.items as { id: string }[];
    expect(drafts).toHaveLength(200);
    const ids = drafts.map((d) => d.id);

    const started = performance.now();
    const cpu = process.cpuUsage();
    const res = await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', communeLeader.auth).send({ ids }).expect(200);
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    // The CPU time of this process (the API and its PDF workers; not PostgreSQL's) tells a busy machine apart.
    console.log(`signing a batch of 200 decisions with their PDFs: ${seconds.toFixed(2)} s (${((seconds * 1000) / 200).toFixed(1)} ms per document; CPU ${((user + system) / 1e6).toFixed(2)} s)`);

    const items = res.body.items as { id: string; status: string; number: number; numberText: string; pdfSha256: string }[];
    expect(items.map((d) => d.id)).toEqual(ids);
    expect(items.every((d) => d.status === 'ISSUED' && d.numberText === `${d.number}/QĐ-UBND`)).toBe(true);
    expect(items.map((d) => d.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const stored: { id: string; pdf_sha256: string; sha256: string; actual: string; content_type: string }[] = await t.dataSource.query(
      `SELECT d.id, d.pdf_sha256, f.sha256, encode(sha256(f.data), 'hex') AS actual, f.content_type
         FROM documents d JOIN stored_files f ON f.id = d.pdf_file_id WHERE d.id = ANY($1)`,
      [ids],
    );
    expect(stored).toHaveLength(200);
    const answered = new Map(items.map((d) => [d.id, d.pdfSha256]));
    for (const row of stored) {
      expect(row).toMatchObject({ content_type: 'application/pdf', sha256: row.pdf_sha256, actual: row.pdf_sha256 });
      expect(answered.get(row.id)).toBe(row.pdf_sha256);
    }
    expect(new Set(stored.map((r) => r.sha256)).size).toBe(200);
    // Each PDF carries its own number.
    const last = items.find((d) => d.number === 200)!;
    const { text } = await pdfText((await t.http.get(`/api/v1/isolation-decisions/${last.id}/pdf`).set('Authorization', communeLeader.auth).buffer(true).parse(binary)).body as Buffer);
    expect(text.replace(/\s+/g, ' ')).toContain('200/QĐ-UBND');
    const [{ audits }] = await t.dataSource.query(`SELECT count(*)::int AS audits FROM audit_events WHERE action = 'isolation_decision.sign' AND entity_id = ANY($1)`, [ids]);
    expect(audits).toBe(200);
    const [{ notices }] = await t.dataSource.query(`SELECT count(*)::int AS notices FROM notifications WHERE kind = 'DOCUMENT_ISSUED' AND entity_id = ANY($1)`, [ids]);
    expect(notices).toBe(200);
  }, 600_000);

  it('confirms recovery for an eligible case (case RECOVERED); revoking returns it to ISOLATING', async () => {
    const citizen = await t.newCitizen();
    const { caseId } = await openCase(t, citizen, staff, { testDate: vietnamToday(-10), vaccineDoses: 3 });
    const notYet = await openCase(t, await t.newCitizen(), staff, { testDate: vietnamToday(-1) });
    await t.http.post('/api/v1/recovery-confirmations').set('Authorization', staff.auth).send({ caseIds: [notYet.caseId] }).expect(409);
    const draft = (await t.http.post('/api/v1/recovery-confirmations').set('Authorization', staff.auth).send({ caseIds: [caseId] }).expect(201)).body.items[0];
    expect(draft).toMatchObject({ kind: 'RECOVERY_CONFIRMATION', startDate: vietnamToday(-10), endDate: vietnamToday(-1) });
    const [doc] = (await t.http.post('/api/v1/recovery-confirmations/sign').set('Authorization', leader.auth).send({ ids: [draft.id] }).expect(200)).body.items;
    expect(doc.numberText).toMatch(/^\d+\/GXN-UBND$/);
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set('Authorization', staff.auth)).body).toMatchObject({ status: 'RECOVERED', hasRecoveryConfirmation: true });
    const { text } = await pdfText((await t.http.get(`/api/v1/recovery-confirmations/${doc.id}/pdf`).set('Authorization', citizen.auth).buffer(true).parse(binary)).body as Buffer);
    expect(text.replace(/\s+/g, ' ')).toContain('GIẤY XÁC NHẬN');
    await t.http.post(`/api/v1/recovery-confirmations/${doc.id}/revoke`).set('Authorization', leader.auth).send({ reason: 'Kết quả xét nghiệm không hợp lệ' }).expect(200);
    expect((await t.http.get(`/api/v1/cases/${caseId}`).set('Authorization', staff.auth)).body.status).toBe('ISOLATING');
  });

  it('makes the commune poster with a QR to the report form', async () => {
    const res = await t.http.get('/api/v1/communes/02200/f0-poster.pdf').set('Authorization', staff.auth).buffer(true).parse(binary).expect(200);
    const { text, pages } = await pdfText(res.body as Buffer);
    expect(pages).toBe(1);
    expect(text.replace(/\s+/g, ' ')).toContain('KHAI BÁO NHIỄM COVID-19 (F0)');
    await t.http.get('/api/v1/communes/02230/f0-poster.pdf').set('Authorization', staff.auth).expect(403);
  });
});
