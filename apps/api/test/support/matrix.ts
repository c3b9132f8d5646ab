import { ALL_ROLES, Role } from '@cordon/contracts';
import { uuidv7 } from '../../src/common/ids';
import type { TestApp, TestUser } from './test-app';

/** The unit each role's caller is bound to in the matrix (Tuyen Quang; commune 02200 lies in district 070). */
export const MATRIX_UNITS: Record<Role, string | null> = {
  CITIZEN: null,
  CHECKPOINT_OFFICER: null,
  POLICE_ADMIN: '08',
  TRANSPORT_OFFICER: '08',
  HEALTH_OFFICER: '08',
  ACCOUNT_ADMIN: '08',
  DISTRICT_OFFICER: '070',
  COMMUNE_STAFF: '02200',
  COMMUNE_LEADER: '02200',
};

/** Writes that change no record of the domain (reading state of one's own notifications). */
const AUDIT_EXEMPT = new Set(['POST /api/v1/notifications/read-all', 'POST /api/v1/notifications/{id}/read']);

export interface MatrixRow {
  /** The operation as in the OpenAPI document, e.g. 'POST /api/v1/accounts/{id}/lock'. */
  operation: string;
  /** Makes a target inside the caller's jurisdiction and returns the path parameters (and body). */
  inScope: (t: TestApp, caller: TestUser) => Promise<Target>;
  /** Makes a target outside the caller's jurisdiction; omit for endpoints without one. */
  outOfScope?: (t: TestApp, caller: TestUser) => Promise<Target>;
  /** Status for an out-of-scope target: 404 for records (nothing leaks), 403 for a command naming a unit. */
  outOfScopeStatus?: 403 | 404;
}

export interface Target {
  params?: Record<string, string>;
  /** A JSON body, or raw bytes sent with `contentType` (file uploads). */
  body?: object | string;
  contentType?: string;
  query?: Record<string, string>;
}

type OpenApi = { paths: Record<string, Record<string, { 'x-roles'?: Role[]; 'x-public'?: boolean }>> };

/** Signs in one caller per role, bound to MATRIX_UNITS. */
export async function callersByRole(t: TestApp): Promise<Record<Role, TestUser>> {
  const callers = {} as Record<Role, TestUser>;
  for (const role of ALL_ROLES) {
    if (role === Role.CITIZEN) callers[role] = await t.newCitizen({ communeCode: '02200' });
    else if (role === Role.CHECKPOINT_OFFICER) callers[role] = await t.newStaff(role, '08', { unitCode: null, unitLevel: null, provinceCode: null, checkpointId: uuidv7() });
    else callers[role] = await t.newStaff(role, MATRIX_UNITS[role]!);
  }
  return callers;
}

/**
 * Runs every row for every role, in and out of scope. The allowed roles come from the endpoint's own
 * declaration (x-roles in the OpenAPI document), so the matrix follows the code:
 * a role not declared -> 403; declared, in scope -> 2xx; declared, out of scope -> 404 (or 403).
 */
export function describeMatrix(title: string, rows: MatrixRow[], setup: () => TestApp): void {
  describe(`${title}: endpoint x role x jurisdiction`, () => {
    let doc: OpenApi;
    let callers: Record<Role, TestUser>;
    beforeAll(async () => {
      const t = setup();
      doc = (await t.http.get('/api/docs-json').expect(200)).body;
      callers = await callersByRole(t);
    });

    for (const row of rows) {
      const [method, path] = row.operation.split(' ');
      for (const role of ALL_ROLES) {
        it(`${row.operation} as ${role}`, async () => {
          const t = setup();
          const declared = doc.paths[path]?.[method.toLowerCase()];
          expect(declared).toBeDefined();
          const allowed = declared!['x-roles'] ?? [];
          const caller = callers[role];
          const send = async (target: Target) => {
            const url = path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(target.params?.[p] ?? 'missing'));
            let req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url).set('Authorization', caller.auth);
            if (target.query) req = req.query(target.query);
            if (target.contentType) req = req.set('Content-Type', target.contentType);
            return target.body ? req.send(target.body) : req;
          };
          // A role that may never call the endpoint is refused before any lookup: no fixture needed.
          const inScope = await send(allowed.includes(role) ? await row.inScope(t, caller) : { params: {} });
          if (!allowed.includes(role)) {
            expect({ status: inScope.status, code: inScope.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
            return;
          }
          // On failure this shows the status and the error body.
          expect(inScope.status >= 200 && inScope.status < 300 ? '2xx' : { status: inScope.status, body: inScope.body }).toBe('2xx');
          // Every change of state is audited: a successful write leaves an event with its request id.
          if (method !== 'GET' && !AUDIT_EXEMPT.has(row.operation)) {
            const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM audit_events WHERE request_id = $1`, [inScope.headers['x-request-id']]);
            expect({ operation: row.operation, auditEvents: count > 0 }).toEqual({ operation: row.operation, auditEvents: true });
          }
          if (row.outOfScope) {
            const out = await send(await row.outOfScope(t, caller));
            expect(out.status).toBe(row.outOfScopeStatus ?? 404);
          }
        });
      }
    }
  });
}
