import { auditOf, createTestApp, type TestApp, type TestUser } from './support/test-app';
import { infectionReport, openCase, vietnamToday } from './support/cases';

describe('F0 reports and cases', () => {
  let t: TestApp;
  let staff: TestUser;
  let reader: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.newStaff('COMMUNE_STAFF', '02200');
    reader = await t.newStaff('DISTRICT_OFFICER', '070');
  });
  afterAll(() => t.close());

  it('takes an infection report for oneself, computing risk and the review deadline', async () => {
    const citizen = await t.newCitizen({ communeCode: '02200' });
    const res = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ pregnant: true })).expect(201);
    expect(res.body).toMatchObject({ kind: 'INFECTION', status: 'SUBMITTED', relation: 'SELF', fullName: citizen.user.fullName, highRisk: true, backRegistered: false, overdue: false, communeCode: '02200', districtCode: '070', testResult: 'POSITIVE' });
    expect(new Date(res.body.dueAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect((await auditOf(t.dataSource, res.body.id)).map((e) => e.action)).toEqual(['case_report.submit_infection']);
  });

  it('takes a report for a household member and marks a late one back-registered', async () => {
    const citizen = await t.newCitizen();
    const res = await t.http
      .post('/api/v1/case-reports/infection')
      .set('Authorization', citizen.auth)
      .send(infectionReport({ forSelf: false, person: { fullName: 'Hà Văn Ông', idNumber: '008050123456', dateOfBirth: '1950-02-01', gender: 'MALE', relation: 'PARENT' }, testDate: vietnamToday(-5) }))
      .expect(201);
    expect(res.body).toMatchObject({ relation: 'PARENT', fullName: 'Hà Văn Ông', highRisk: true, backRegistered: true });
  });

  it('rejects bad reports with field-level errors and writes nothing', async () => {
    const citizen = await t.newCitizen();
    const future = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ testDate: vietnamToday(2) })).expect(400);
    expect(future.body.details[0]).toMatchObject({ field: 'testDate', code: 'future' });
    const noPerson = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ forSelf: false })).expect(400);
    expect(noPerson.body.details[0].field).toBe('person');
    const badPerson = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ forSelf: false, person: { fullName: 'X Y', idNumber: '12', dateOfBirth: '2000-01-01', gender: 'MALE', relation: 'SELF' } })).expect(400);
    expect(badPerson.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['person.idNumber', 'person.relation']);
    const otherProvince = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ communeCode: '00001' })).expect(400);
    expect(otherProvince.body.details[0].field).toBe('communeCode');
    const symptom = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ symptoms: ['SNEEZING'] })).expect(400);
    expect(symptom.body.details[0].field).toBe('symptoms');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM case_reports WHERE reporter_id = $1`, [citizen.user.id]);
    expect(count).toBe(0);
  });

  it('creates one report for a double tap with the same Idempotency-Key', async () => {
    const citizen = await t.newCitizen();
    const body = infectionReport();
    const [a, b] = await Promise.all([
      t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).set('Idempotency-Key', 'f0-tap').send(body),
      t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).set('Idempotency-Key', 'f0-tap').send(body),
    ]);
    expect([a.status, b.status]).toContain(201);
    const retry = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).set('Idempotency-Key', 'f0-tap').send(body).expect(201);
    expect(retry.body.id).toBe((a.status === 201 ? a : b).body.id);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM case_reports WHERE reporter_id = $1`, [citizen.user.id]);
    expect(count).toBe(1);
  });

  it('lists the commune inbox overdue first, and hides other communes', async () => {
    const citizen = await t.newCitizen();
    const late = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport()).expect(201);
    await t.dataSource.query(`UPDATE case_reports SET due_at = now() - interval '1 hour' WHERE id = $1`, [late.body.id]);
    const elsewhere = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ communeCode: '02230' })).expect(201);
    const inbox = await t.http.get('/api/v1/case-reports').query({ status: 'SUBMITTED' }).set('Authorization', staff.auth).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ id: late.body.id, overdue: true });
    expect(inbox.body.items.map((r: { id: string }) => r.id)).not.toContain(elsewhere.body.id);
    const overdue = await t.http.get('/api/v1/case-reports').query({ overdue: 'true' }).set('Authorization', reader.auth).expect(200);
    expect(overdue.body.items.map((r: { id: string }) => r.id)).toContain(late.body.id);
    await t.http.get(`/api/v1/case-reports/${elsewhere.body.id}`).set('Authorization', staff.auth).expect(404);
    const own = await t.http.get('/api/v1/case-reports').set('Authorization', citizen.auth).expect(200);
    expect(own.body.total).toBe(2);
  });

  it('accepts a report into a case, notifies the citizen, and catches a second open case for the same person', async () => {
    const citizen = await t.newCitizen();
    const { reportId, caseId } = await openCase(t, citizen, staff);
    const c = await t.http.get(`/api/v1/cases/${caseId}`).set('Authorization', citizen.auth).expect(200);
    expect(c.body).toMatchObject({ status: 'ISOLATING', policyVersion: '2022-02-15', isolation: { dayNumber: 1, eligible: false }, communeName: expect.stringContaining('Phường') });
    await t.http.post(`/api/v1/case-reports/${reportId}/accept`).set('Authorization', staff.auth).expect(409);
    const again = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport()).expect(201);
    const dup = await t.http.post(`/api/v1/case-reports/${again.body.id}/accept`).set('Authorization', staff.auth).expect(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE', details: [{ field: 'idNumber' }] });
    const notes = await t.http.get('/api/v1/notifications').set('Authorization', citizen.auth).expect(200);
    expect(notes.body).toMatchObject({ unread: 1, items: [{ kind: 'REPORT_ACCEPTED', entityId: reportId }] });
    await t.http.post('/api/v1/notifications/read-all').set('Authorization', citizen.auth).expect(204);
    expect((await t.http.get('/api/v1/notifications').set('Authorization', citizen.auth)).body.unread).toBe(0);
  });

  it('rejects with a reason the citizen sees', async () => {
    const citizen = await t.newCitizen();
    const report = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport()).expect(201);
    await t.http.post(`/api/v1/case-reports/${report.body.id}/reject`).set('Authorization', staff.auth).send({ reason: 'x' }).expect(400);
    await t.http.post(`/api/v1/case-reports/${report.body.id}/reject`).set('Authorization', staff.auth).send({ reason: 'Ảnh xét nghiệm không rõ' }).expect(200);
    const mine = await t.http.get(`/api/v1/case-reports/${report.body.id}`).set('Authorization', citizen.auth).expect(200);
    expect(mine.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'Ảnh xét nghiệm không rõ' });
    await t.http.post(`/api/v1/case-reports/${report.body.id}/accept`).set('Authorization', staff.auth).expect(409);
    const notes = await t.http.get('/api/v1/notifications').set('Authorization', citizen.auth).expect(200);
    expect(notes.body.items[0]).toMatchObject({ kind: 'REPORT_REJECTED', params: { reason: 'Ảnh xét nghiệm không rõ' } });
  });

  it('escalates danger signs from a check-in to the top of the attention list', async () => {
    const calm = await t.newCitizen();
    const sick = await t.newCitizen();
    const a = await openCase(t, calm, staff, { symptoms: [] });
    const b = await openCase(t, sick, staff, { symptoms: [] });
    const ok = await t.http.post(`/api/v1/cases/${a.caseId}/check-ins`).set('Authorization', calm.auth).send({ symptoms: ['COUGH'], temperature: 37.5, spo2: 98 }).expect(201);
    expect(ok.body).toMatchObject({ dangerSigns: false, advice: 'CONTINUE' });
    const bad = await t.http.post(`/api/v1/cases/${b.caseId}/check-ins`).set('Authorization', sick.auth).send({ symptoms: [], spo2: 94 }).expect(201);
    expect(bad.body).toMatchObject({ dangerSigns: true, advice: 'CALL_NOW' });
    await t.dataSource.query(`UPDATE cases SET high_risk = true WHERE id = $1`, [a.caseId]);
    const attention = await t.http.get('/api/v1/cases').query({ view: 'ATTENTION' }).set('Authorization', staff.auth).expect(200);
    expect(attention.body.items[0]).toMatchObject({ id: b.caseId, dangerSigns: true, attention: ['DANGER_SIGNS'] });
    expect(attention.body.items.map((c: { id: string }) => c.id)).toContain(a.caseId);
    await t.http.post(`/api/v1/cases/${b.caseId}/check-ins`).set('Authorization', calm.auth).send({ symptoms: [] }).expect(404);
    await t.http.post(`/api/v1/cases/${b.caseId}/check-ins`).set('Authorization', sick.auth).send({ symptoms: [], spo2: 120 }).expect(400);
  });

  it('flags cases without a check-in for two days', async () => {
    const citizen = await t.newCitizen();
    const { caseId } = await openCase(t, citizen, staff, { symptoms: [], vaccineDoses: 3 });
    await t.dataSource.query(`UPDATE cases SET opened_at = now() - interval '3 days' WHERE id = $1`, [caseId]);
    const c = await t.http.get(`/api/v1/cases/${caseId}`).set('Authorization', staff.auth).expect(200);
    expect(c.body.attention).toEqual(['NO_CHECK_IN']);
  });

  it('moves a case to hospital and back; officials of the district only read', async () => {
    const citizen = await t.newCitizen();
    const { caseId } = await openCase(t, citizen, staff);
    await t.http.post(`/api/v1/cases/${caseId}/hospitalise`).set('Authorization', reader.auth).expect(403);
    const h = await t.http.post(`/api/v1/cases/${caseId}/hospitalise`).set('Authorization', staff.auth).expect(200);
    expect(h.body.status).toBe('HOSPITALISED');
    await t.http.post(`/api/v1/cases/${caseId}/hospitalise`).set('Authorization', staff.auth).expect(409);
    await t.http.post(`/api/v1/cases/${caseId}/return-home`).set('Authorization', staff.auth).expect(200);
    expect((await auditOf(t.dataSource, caseId)).map((e) => e.action)).toEqual(['case.open', 'case.hospitalise', 'case.return_home']);
  });

  it('records an accepted recovery report on the case and makes it eligible by the dated rules', async () => {
    const citizen = await t.newCitizen();
    const { caseId } = await openCase(t, citizen, staff, { testDate: vietnamToday(-7), vaccineDoses: 2 });
    const early = await t.http.get(`/api/v1/cases/${caseId}`).set('Authorization', staff.auth).expect(200);
    expect(early.body.isolation).toMatchObject({ dayNumber: 8, eligible: false, plannedEndDate: vietnamToday(-1) });
    const rec = await t.http.post('/api/v1/case-reports/recovery').set('Authorization', citizen.auth).send({ caseId, testType: 'RAPID_FACILITY', testDate: vietnamToday(), noSymptoms: true }).expect(201);
    expect(rec.body).toMatchObject({ kind: 'RECOVERY', testResult: 'NEGATIVE', caseId });
    await t.http.post('/api/v1/case-reports/recovery').set('Authorization', citizen.auth).send({ caseId, testType: 'PCR', testDate: vietnamToday(), noSymptoms: false }).expect(400);
    await t.http.post(`/api/v1/case-reports/${rec.body.id}/accept`).set('Authorization', staff.auth).expect(200);
    const after = await t.http.get(`/api/v1/cases/${caseId}`).set('Authorization', staff.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'ISOLATING', negativeTestDate: vietnamToday(), isolation: { eligible: true, eligibleFrom: vietnamToday() } });
    const eligible = await t.http.get('/api/v1/cases').query({ view: 'ELIGIBLE' }).set('Authorization', staff.auth).expect(200);
    expect(eligible.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it('counts new, recovered and active cases per day and district, scoped', async () => {
    const res = await t.http.get('/api/v1/cases/daily').query({ from: vietnamToday(-8), to: vietnamToday() }).set('Authorization', reader.auth).expect(200);
    const today = res.body.items.filter((r: { date: string }) => r.date === vietnamToday());
    expect(today).toHaveLength(1);
    expect(today[0]).toMatchObject({ districtCode: '070', districtName: expect.stringContaining('Tuyên Quang') });
    expect(today[0].newCases).toBeGreaterThan(0);
    expect(today[0].active).toBeGreaterThanOrEqual(today[0].newCases);
    await t.http.get('/api/v1/cases/daily').query({ from: vietnamToday(), to: vietnamToday(-3) }).set('Authorization', reader.auth).expect(400);
  });

  it('exports the line list as CSV with a BOM and Vietnamese headers', async () => {
    const health = await t.newStaff('HEALTH_OFFICER', '08');
    const res = await t.http.get('/api/v1/cases/export.csv').set('Authorization', health.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Họ và tên');
    const lines = text.trim().split('\r\n');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM cases`);
    expect(lines.length - 1).toBe(count);
  });
});
