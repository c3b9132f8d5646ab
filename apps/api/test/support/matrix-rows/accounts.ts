import { Role } from '@cordon/contracts';
import type { MatrixRow } from '../matrix';
import type { TestApp } from '../test-app';

/** In scope for the province's ACCOUNT_ADMIN: a commune official of Tuyen Quang. Out: a Hanoi district officer. */
const inside = async (t: TestApp) => ({ params: { id: (await t.createStaff(Role.COMMUNE_STAFF, '02200')).id } });
const outside = async (t: TestApp) => ({ params: { id: (await t.createStaff(Role.DISTRICT_OFFICER, '001')).id } });
let n = 0;

export const ACCOUNT_ROWS: MatrixRow[] = [
  { operation: 'GET /api/v1/accounts', inScope: async () => ({}) },
  {
    operation: 'POST /api/v1/accounts',
    inScope: async () => ({ body: { username: `m.in.${++n}`, fullName: 'Cán bộ mới', role: Role.COMMUNE_STAFF, unitCode: '02230' } }),
    outOfScope: async () => ({ body: { username: `m.out.${++n}`, fullName: 'Cán bộ Hà Nội', role: Role.DISTRICT_OFFICER, unitCode: '001' } }),
    outOfScopeStatus: 403,
  },
  { operation: 'GET /api/v1/accounts/{id}', inScope: inside, outOfScope: outside },
  { operation: 'PATCH /api/v1/accounts/{id}', inScope: async (t) => ({ ...(await inside(t)), body: { title: 'Phó Chủ tịch' } }), outOfScope: async (t) => ({ ...(await outside(t)), body: { title: 'x' } }) },
  { operation: 'POST /api/v1/accounts/{id}/lock', inScope: inside, outOfScope: outside },
  {
    operation: 'POST /api/v1/accounts/{id}/unlock',
    inScope: async (t) => ({ params: { id: (await t.createStaff(Role.COMMUNE_STAFF, '02200', { status: 'LOCKED' })).id } }),
    outOfScope: outside,
  },
  { operation: 'POST /api/v1/accounts/{id}/reset-password', inScope: inside, outOfScope: outside },
  { operation: 'POST /api/v1/accounts/{id}/deactivate', inScope: inside, outOfScope: outside },
];

