import { Role } from '@cordon/contracts';
import { uuidv7 } from '../../../src/common/ids';
import type { MatrixRow, Target } from '../matrix';
import type { TestApp, TestUser } from '../test-app';

/**
 * An account the caller manages: the province's ACCOUNT_ADMIN manages officials of Tuyen Quang, the police
 * manage checkpoint officers. Out of scope: the same kind of account in another province (Hanoi).
 */
async function checkpoint(t: TestApp, inside: boolean): Promise<string> {
  const id = uuidv7();
  const [province, district, commune] = inside ? ['08', '070', '02200'] : ['01', '001', '00001'];
  await t.dataSource.query(`INSERT INTO checkpoints (id, code, name, unit_code, province_code, district_code, commune_code, road, directions) VALUES ($1, $2, 'Chốt thử', $3, $4, $5, $3, 'QL2', '{IN,OUT}')`, [id, `M-${id.slice(-8).toUpperCase()}`, commune, province, district]);
  return id;
}

async function managedAccount(t: TestApp, caller: TestUser, inside: boolean): Promise<string> {
  if (caller.user.role === Role.POLICE_ADMIN) {
    const checkpointId = await checkpoint(t, inside);
    const codes = inside ? { provinceCode: '08', districtCode: '070', communeCode: '02200' } : { provinceCode: '01', districtCode: '001', communeCode: '00001' };
    return (await t.createStaff(Role.CHECKPOINT_OFFICER, '02200', { unitCode: null, unitLevel: null, ...codes, checkpointId, agency: 'POLICE' })).id;
  }
  return (await t.createStaff(inside ? Role.COMMUNE_STAFF : Role.DISTRICT_OFFICER, inside ? '02200' : '001')).id;
}

const inside = async (t: TestApp, caller: TestUser): Promise<Target> => ({ params: { id: await managedAccount(t, caller, true) } });
const outside = async (t: TestApp, caller: TestUser): Promise<Target> => ({ params: { id: await managedAccount(t, caller, false) } });
let n = 0;

async function newAccountBody(t: TestApp, caller: TestUser, inScope: boolean): Promise<Target> {
  n += 1;
  if (caller.user.role === Role.POLICE_ADMIN) {
    return { body: { username: `m.officer.${n}`, fullName: 'Cán bộ chốt mới', role: Role.CHECKPOINT_OFFICER, checkpointId: await checkpoint(t, inScope), agency: 'HEALTH' } };
  }
  return { body: inScope ? { username: `m.in.${n}`, fullName: 'Cán bộ mới', role: Role.COMMUNE_STAFF, unitCode: '02230' } : { username: `m.out.${n}`, fullName: 'Cán bộ Hà Nội', role: Role.DISTRICT_OFFICER, unitCode: '001' } };
}

async function citizenIdNumber(t: TestApp, communeCode: string): Promise<string> {
  const citizen = await t.newCitizen({ communeCode });
  return (await t.dataSource.query(`SELECT id_number FROM citizen_profiles WHERE user_id = $1`, [citizen.user.id]))[0].id_number;
}

/** A one-row import file the caller may provision (police: a checkpoint officer; others: a commune official). */
async function importFile(t: TestApp, caller: TestUser): Promise<Target> {
  n += 1;
  const header = 'Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị hành chính,Mã chốt,Cơ quan';
  if (caller.user.role === Role.POLICE_ADMIN) {
    const [{ code }] = await t.dataSource.query(`SELECT code FROM checkpoints WHERE id = $1`, [await checkpoint(t, true)]);
    return { body: `${header}\r\nm.import.${n},Cán bộ Chốt,CHECKPOINT_OFFICER,,${code},Công an`, contentType: 'text/csv' };
  }
  return { body: `${header}\r\nm.import.${n},Cán bộ Xã,COMMUNE_STAFF,02230,,`, contentType: 'text/csv' };
}

/** An import previewed by the caller (in scope), optionally committed; out of scope: one of another province. */
async function ownImport(t: TestApp, caller: TestUser, committed = false): Promise<Target> {
  const file = await importFile(t, caller);
  const res = await t.http.post('/api/v1/accounts/imports').set('Authorization', caller.auth).set('Content-Type', 'text/csv').send(file.body as string).expect(201);
  if (committed) {
    await t.http.post(`/api/v1/accounts/imports/${res.body.id}/commit`).set('Authorization', caller.auth).expect(202);
    for (let state = 'COMMITTING'; state === 'COMMITTING'; await new Promise((r) => setTimeout(r, 20))) {
      state = (await t.http.get(`/api/v1/accounts/imports/${res.body.id}`).set('Authorization', caller.auth).expect(200)).body.state;
    }
  }
  return { params: { id: res.body.id } };
}

async function foreignImport(t: TestApp, caller: TestUser): Promise<Target> {
  const id = uuidv7();
  await t.dataSource.query(
    `INSERT INTO account_imports (id, source, state, total_rows, counts, expires_at, created_by, created_by_role, province_code) VALUES ($1, 'FILE', 'PREVIEW', 0, '{"create":0,"update":0,"skip":0,"error":0}', now() + interval '1 day', $2, $3, '01')`,
    [id, uuidv7(), caller.user.role],
  );
  return { params: { id } };
}

export const ACCOUNT_ROWS: MatrixRow[] = [
  { operation: 'GET /api/v1/accounts/imports/template', inScope: async () => ({ query: { format: 'xlsx' } }) },
  { operation: 'GET /api/v1/accounts/imports', inScope: async () => ({}) },
  { operation: 'POST /api/v1/accounts/imports', inScope: importFile },
  { operation: 'POST /api/v1/accounts/imports/province', inScope: async () => ({}) },
  { operation: 'GET /api/v1/accounts/imports/{id}', inScope: (t, c) => ownImport(t, c), outOfScope: foreignImport },
  { operation: 'GET /api/v1/accounts/imports/{id}/rows', inScope: (t, c) => ownImport(t, c), outOfScope: foreignImport },
  { operation: 'GET /api/v1/accounts/imports/{id}/report.csv', inScope: (t, c) => ownImport(t, c), outOfScope: foreignImport },
  { operation: 'POST /api/v1/accounts/imports/{id}/commit', inScope: (t, c) => ownImport(t, c), outOfScope: foreignImport },
  { operation: 'POST /api/v1/accounts/imports/{id}/cancel', inScope: (t, c) => ownImport(t, c), outOfScope: foreignImport },
  { operation: 'POST /api/v1/accounts/imports/{id}/codes.csv', inScope: (t, c) => ownImport(t, c, true), outOfScope: foreignImport },
  { operation: 'POST /api/v1/accounts/imports/{id}/codes.pdf', inScope: (t, c) => ownImport(t, c, true), outOfScope: foreignImport },
  { operation: 'GET /api/v1/audit-events', inScope: async () => ({}) },
  { operation: 'GET /api/v1/reports/deployment', inScope: async () => ({}) },
  { operation: 'GET /api/v1/reports/deployment/pdf', inScope: async () => ({}) },
  { operation: 'GET /api/v1/audit-events/export.csv', inScope: async () => ({}) },
  { operation: 'POST /api/v1/citizens/reset-activation', inScope: async (t) => ({ body: { idNumber: await citizenIdNumber(t, '02200') } }), outOfScope: async (t) => ({ body: { idNumber: await citizenIdNumber(t, '02230') } }) },
  { operation: 'GET /api/v1/accounts', inScope: async () => ({}) },
  { operation: 'POST /api/v1/accounts', inScope: (t, c) => newAccountBody(t, c, true), outOfScope: (t, c) => newAccountBody(t, c, false), outOfScopeStatus: 403 },
  { operation: 'GET /api/v1/accounts/{id}', inScope: inside, outOfScope: outside },
  { operation: 'PATCH /api/v1/accounts/{id}', inScope: async (t, c) => ({ ...(await inside(t, c)), body: { title: 'Phó Chủ tịch' } }), outOfScope: async (t, c) => ({ ...(await outside(t, c)), body: { title: 'x' } }) },
  { operation: 'POST /api/v1/accounts/{id}/lock', inScope: inside, outOfScope: outside },
  {
    operation: 'POST /api/v1/accounts/{id}/unlock',
    inScope: async (t, c) => {
      const target = await inside(t, c);
      await t.dataSource.query(`UPDATE users SET status = 'LOCKED' WHERE id = $1`, [target.params!.id]);
      return target;
    },
    outOfScope: outside,
  },
  { operation: 'POST /api/v1/accounts/{id}/reset-password', inScope: inside, outOfScope: outside },
  { operation: 'POST /api/v1/accounts/{id}/deactivate', inScope: inside, outOfScope: outside },
];
