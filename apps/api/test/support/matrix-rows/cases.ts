import type { MatrixRow, Target } from '../matrix';
import type { TestApp, TestUser } from '../test-app';
import { infectionReport, vietnamToday } from '../cases';

/**
 * Fixtures for the F0 endpoints. In scope: a record of commune 02200 (district 070, province 08), owned by the
 * caller when the caller is a citizen. Out of scope: a record moved to another province (01 / 001 / 00001),
 * owned by someone else, so it is outside every caller's jurisdiction.
 */
let worker: TestUser | undefined;
let leader: TestUser | undefined;
let seq = 0;

async function officials(t: TestApp): Promise<{ worker: TestUser; leader: TestUser }> {
  worker ??= await t.newStaff('COMMUNE_STAFF', '02200');
  leader ??= await t.newStaff('COMMUNE_LEADER', '02200');
  return { worker, leader };
}

/** A household member with a fresh ID number, so one citizen may have many open cases in the fixtures. */
function member(): Record<string, unknown> {
  seq += 1;
  return { forSelf: false, person: { fullName: `Người nhà ${seq}`, idNumber: `0${String(Date.now() % 1e7).padStart(7, '0')}${String(seq).padStart(4, '0')}`, dateOfBirth: '1980-01-01', gender: 'FEMALE', relation: 'CHILD' } };
}

async function reporter(t: TestApp, caller: TestUser): Promise<TestUser> {
  return caller.user.role === 'CITIZEN' ? caller : t.newCitizen({ communeCode: '02200' });
}

async function report(t: TestApp, caller: TestUser, overrides: Record<string, unknown> = {}): Promise<string> {
  const citizen = await reporter(t, caller);
  const res = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport({ ...member(), ...overrides }));
  if (res.status !== 201) throw new Error(`fixture report: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function acceptedReport(t: TestApp, caller: TestUser, overrides: Record<string, unknown> = {}): Promise<{ reportId: string; caseId: string }> {
  const reportId = await report(t, caller, overrides);
  const res = await t.http.post(`/api/v1/case-reports/${reportId}/accept`).set('Authorization', (await officials(t)).worker.auth);
  if (res.status !== 200) throw new Error(`fixture accept: ${res.status} ${JSON.stringify(res.body)}`);
  return { reportId, caseId: res.body.case.id };
}

async function draft(t: TestApp, caller: TestUser): Promise<string> {
  const { reportId } = await acceptedReport(t, caller);
  const res = await t.http.post('/api/v1/isolation-decisions').set('Authorization', (await officials(t)).worker.auth).send({ reportIds: [reportId] });
  return res.body.items[0].id;
}

async function issued(t: TestApp, caller: TestUser): Promise<string> {
  const id = await draft(t, caller);
  await t.http.post('/api/v1/isolation-decisions/sign').set('Authorization', (await officials(t)).leader.auth).send({ ids: [id] });
  return id;
}

async function confirmationDraft(t: TestApp, caller: TestUser): Promise<string> {
  const { caseId } = await acceptedReport(t, caller, { testDate: vietnamToday(-12), vaccineDoses: 3 });
  const res = await t.http.post('/api/v1/recovery-confirmations').set('Authorization', (await officials(t)).worker.auth).send({ caseIds: [caseId] });
  return res.body.items[0].id;
}

async function confirmationIssued(t: TestApp, caller: TestUser): Promise<string> {
  const id = await confirmationDraft(t, caller);
  await t.http.post('/api/v1/recovery-confirmations/sign').set('Authorization', (await officials(t)).leader.auth).send({ ids: [id] });
  return id;
}

/** Moves a record out of the province and away from the caller. */
async function elsewhere(t: TestApp, table: 'case_reports' | 'cases' | 'documents', id: string): Promise<string> {
  const owner = table === 'case_reports' ? 'reporter_id' : 'owner_id';
  const stranger = await t.newCitizen();
  await t.dataSource.query(`UPDATE ${table} SET province_code = '01', district_code = '001', commune_code = '00001', ${owner} = $2 WHERE id = $1`, [id, stranger.user.id]);
  return id;
}

const id = (value: string): Target => ({ params: { id: value } });
const outside = (table: 'case_reports' | 'cases' | 'documents', make: (t: TestApp, c: TestUser) => Promise<string>) => async (t: TestApp, c: TestUser) => id(await elsewhere(t, table, await make(t, c)));
const caseId = async (t: TestApp, c: TestUser) => (await acceptedReport(t, c)).caseId;
let policyDay = 0;

export const CASE_ROWS: MatrixRow[] = [
  { operation: 'POST /api/v1/case-reports/infection', inScope: async () => ({ body: infectionReport(member()) }) },
  {
    operation: 'POST /api/v1/case-reports/recovery',
    inScope: async (t, c) => ({ body: { caseId: await caseId(t, c), testType: 'PCR', testDate: vietnamToday(), noSymptoms: true } }),
    outOfScope: async (t, c) => ({ body: { caseId: await elsewhere(t, 'cases', await caseId(t, c)), testType: 'PCR', testDate: vietnamToday(), noSymptoms: true } }),
  },
  { operation: 'GET /api/v1/case-reports', inScope: async () => ({}) },
  { operation: 'GET /api/v1/case-reports/{id}', inScope: async (t, c) => id(await report(t, c)), outOfScope: outside('case_reports', report) },
  { operation: 'POST /api/v1/case-reports/{id}/accept', inScope: async (t, c) => id(await report(t, c)), outOfScope: outside('case_reports', report) },
  {
    operation: 'POST /api/v1/case-reports/{id}/reject',
    inScope: async (t, c) => ({ ...id(await report(t, c)), body: { reason: 'Thông tin chưa đầy đủ' } }),
    outOfScope: async (t, c) => ({ ...id(await elsewhere(t, 'case_reports', await report(t, c))), body: { reason: 'Thông tin chưa đầy đủ' } }),
  },
  { operation: 'GET /api/v1/cases', inScope: async () => ({ query: { view: 'ATTENTION' } }) },
  { operation: 'GET /api/v1/cases/export.csv', inScope: async () => ({}) },
  { operation: 'GET /api/v1/cases/daily', inScope: async () => ({ query: { from: vietnamToday(-7), to: vietnamToday() } }) },
  { operation: 'GET /api/v1/cases/{id}', inScope: async (t, c) => id(await caseId(t, c)), outOfScope: outside('cases', caseId) },
  {
    operation: 'POST /api/v1/cases/{id}/check-ins',
    inScope: async (t, c) => ({ ...id(await caseId(t, c)), body: { symptoms: [], spo2: 98 } }),
    outOfScope: async (t, c) => ({ ...id(await elsewhere(t, 'cases', await caseId(t, c))), body: { symptoms: [] } }),
  },
  { operation: 'POST /api/v1/cases/{id}/hospitalise', inScope: async (t, c) => id(await caseId(t, c)), outOfScope: outside('cases', caseId) },
  {
    operation: 'POST /api/v1/cases/{id}/return-home',
    inScope: async (t, c) => {
      const cid = await caseId(t, c);
      await t.dataSource.query(`UPDATE cases SET status = 'HOSPITALISED' WHERE id = $1`, [cid]);
      return id(cid);
    },
    outOfScope: outside('cases', caseId),
  },
  { operation: 'GET /api/v1/isolation-decisions', inScope: async () => ({}) },
  {
    operation: 'POST /api/v1/isolation-decisions',
    inScope: async (t, c) => ({ body: { reportIds: [(await acceptedReport(t, c)).reportId] } }),
    outOfScope: async (t, c) => ({ body: { reportIds: [await elsewhere(t, 'case_reports', (await acceptedReport(t, c)).reportId)] } }),
  },
  { operation: 'GET /api/v1/isolation-decisions/{id}', inScope: async (t, c) => id(await issued(t, c)), outOfScope: outside('documents', issued) },
  { operation: 'GET /api/v1/isolation-decisions/{id}/pdf', inScope: async (t, c) => id(await issued(t, c)), outOfScope: outside('documents', issued) },
  {
    operation: 'PATCH /api/v1/isolation-decisions/{id}',
    inScope: async (t, c) => ({ ...id(await draft(t, c)), body: { place: 'Nhà văn hóa tổ 5' } }),
    outOfScope: async (t, c) => ({ ...id(await elsewhere(t, 'documents', await draft(t, c))), body: { place: 'Nhà văn hóa tổ 5' } }),
  },
  { operation: 'DELETE /api/v1/isolation-decisions/{id}', inScope: async (t, c) => id(await draft(t, c)), outOfScope: outside('documents', draft) },
  {
    operation: 'POST /api/v1/isolation-decisions/sign',
    inScope: async (t, c) => ({ body: { ids: [await draft(t, c)] } }),
    outOfScope: async (t, c) => ({ body: { ids: [await elsewhere(t, 'documents', await draft(t, c))] } }),
  },
  {
    operation: 'POST /api/v1/isolation-decisions/{id}/revoke',
    inScope: async (t, c) => ({ ...id(await issued(t, c)), body: { reason: 'Nhập sai thông tin' } }),
    outOfScope: async (t, c) => ({ ...id(await elsewhere(t, 'documents', await issued(t, c))), body: { reason: 'Nhập sai thông tin' } }),
  },
  { operation: 'GET /api/v1/recovery-confirmations', inScope: async () => ({}) },
  {
    operation: 'POST /api/v1/recovery-confirmations',
    inScope: async (t, c) => ({ body: { caseIds: [(await acceptedReport(t, c, { testDate: vietnamToday(-12), vaccineDoses: 3 })).caseId] } }),
    outOfScope: async (t, c) => ({ body: { caseIds: [await elsewhere(t, 'cases', (await acceptedReport(t, c, { testDate: vietnamToday(-12), vaccineDoses: 3 })).caseId)] } }),
  },
  { operation: 'GET /api/v1/recovery-confirmations/{id}', inScope: async (t, c) => id(await confirmationIssued(t, c)), outOfScope: outside('documents', confirmationIssued) },
  { operation: 'GET /api/v1/recovery-confirmations/{id}/pdf', inScope: async (t, c) => id(await confirmationIssued(t, c)), outOfScope: outside('documents', confirmationIssued) },
  {
    operation: 'PATCH /api/v1/recovery-confirmations/{id}',
    inScope: async (t, c) => ({ ...id(await confirmationDraft(t, c)), body: { place: 'Tổ 5' } }),
    outOfScope: async (t, c) => ({ ...id(await elsewhere(t, 'documents', await confirmationDraft(t, c))), body: { place: 'Tổ 5' } }),
  },
  { operation: 'DELETE /api/v1/recovery-confirmations/{id}', inScope: async (t, c) => id(await confirmationDraft(t, c)), outOfScope: outside('documents', confirmationDraft) },
  {
    operation: 'POST /api/v1/recovery-confirmations/sign',
    inScope: async (t, c) => ({ body: { ids: [await confirmationDraft(t, c)] } }),
    outOfScope: async (t, c) => ({ body: { ids: [await elsewhere(t, 'documents', await confirmationDraft(t, c))] } }),
  },
  {
    operation: 'POST /api/v1/recovery-confirmations/{id}/revoke',
    inScope: async (t, c) => ({ ...id(await confirmationIssued(t, c)), body: { reason: 'Nhập sai thông tin' } }),
    outOfScope: async (t, c) => ({ ...id(await elsewhere(t, 'documents', await confirmationIssued(t, c))), body: { reason: 'Nhập sai thông tin' } }),
  },
  { operation: 'GET /api/v1/communes/{code}/f0-poster.pdf', inScope: async () => ({ params: { code: '02200' } }) },
  { operation: 'GET /api/v1/isolation-policies', inScope: async () => ({}) },
  {
    operation: 'POST /api/v1/isolation-policies',
    inScope: async () => {
      policyDay += 1;
      const validFrom = new Date(Date.UTC(2030, 0, policyDay)).toISOString().slice(0, 10);
      return { body: { validFrom, isolationDays: 5, requiresNegativeTest: true, extendedDaysVaccinated: 7, extendedDaysUnvaccinated: 10, vaccinatedMinDoses: 2, backRegisteredAfterDays: 3, reviewHours: 24, confirmationDueDays: 2, legalBasis: 'Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007', decisionSuffix: 'QĐ-UBND', confirmationSuffix: 'GXN-UBND', source: 'Thử nghiệm' } };
    },
  },
  { operation: 'GET /api/v1/notifications', inScope: async () => ({}) },
  { operation: 'POST /api/v1/notifications/read-all', inScope: async () => ({}) },
  {
    operation: 'POST /api/v1/notifications/{id}/read',
    inScope: async (t, c) => {
      const [{ id: nid }] = await t.dataSource.query(`INSERT INTO notifications (id, user_id, kind) VALUES (gen_random_uuid(), $1, 'REPORT_ACCEPTED') RETURNING id`, [c.user.id]);
      return id(nid);
    },
    outOfScope: async (t) => {
      const stranger = await t.newCitizen();
      const [{ id: nid }] = await t.dataSource.query(`INSERT INTO notifications (id, user_id, kind) VALUES (gen_random_uuid(), $1, 'REPORT_ACCEPTED') RETURNING id`, [stranger.user.id]);
      return id(nid);
    },
  },
];

/** Operations outside the matrix, with the reason (each is tested in its own spec). */
export const MATRIX_EXEMPT: Record<string, string> = {
  'POST /api/v1/files/test-photos': 'raw image body; roles and limits in files.spec.ts',
  'GET /api/v1/files/{id}': 'access by uploader or report scope; files.spec.ts and cases photo test',
  'GET /api/v1/auth/me': 'every signed-in role, on their own account; auth.spec.ts',
  'POST /api/v1/auth/change-password': 'every signed-in role, on their own account; auth.spec.ts',
};
