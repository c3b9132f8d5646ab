import type { TestApp, TestUser } from './test-app';

/** A valid infection report body; `overrides` replace fields. */
export function infectionReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return {
    forSelf: true,
    communeCode: '02200',
    address: 'Tổ 5',
    testType: 'RAPID_SELF',
    testDate: today,
    symptoms: ['FEVER', 'COUGH'],
    vaccineDoses: 2,
    contacts: [{ fullName: 'Lê Thị Mai', phone: '0912345670', relation: 'SPOUSE' }],
    ...overrides,
  };
}

/** A citizen reports; a commune official of 02200 accepts: returns the report and case ids. */
export async function openCase(t: TestApp, citizen: TestUser, staff: TestUser, overrides: Record<string, unknown> = {}): Promise<{ reportId: string; caseId: string }> {
  const report = await t.http.post('/api/v1/case-reports/infection').set('Authorization', citizen.auth).send(infectionReport(overrides));
  if (report.status !== 201) throw new Error(`report failed: ${report.status} ${JSON.stringify(report.body)}`);
  const accepted = await t.http.post(`/api/v1/case-reports/${report.body.id}/accept`).set('Authorization', staff.auth);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { reportId: report.body.id, caseId: accepted.body.case.id };
}

export function vietnamToday(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
}
