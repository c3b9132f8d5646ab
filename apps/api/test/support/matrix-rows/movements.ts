import { Role } from '@cordon/contracts';
import { uuidv7 } from '../../../src/common/ids';
import type { MatrixRow, Target } from '../matrix';
import type { TestApp, TestUser } from '../test-app';
import { vietnamToday } from '../cases';
import { declaration } from '../movements';

/**
 * Movement fixtures. Declarations are in scope for officials of their destination (commune 02212 is in
 * district 070... the matrix callers sit in 02200, so in-scope declarations go to 02200); out of scope:
 * moved to another province. Checkpoint endpoints: the caller's own checkpoint (an officer's), a
 * checkpoint of the province otherwise; out of scope: a checkpoint in another province.
 */
async function declare(t: TestApp, caller: TestUser, overrides: Record<string, unknown> = {}): Promise<string> {
  const body = declaration({ destinationCommuneCode: '02200', ...overrides });
  const res = caller.user.role === Role.CITIZEN ? await t.http.post('/api/v1/movement-declarations').set('Authorization', caller.auth).send(body) : await t.http.post('/api/v1/movement-declarations/anonymous').send(body);
  if (res.status !== 201) throw new Error(`fixture declaration: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function elsewhere(t: TestApp, id: string): Promise<string> {
  const stranger = await t.newCitizen();
  await t.dataSource.query(`UPDATE movement_declarations SET province_code = '01', district_code = '001', commune_code = '00001', declarant_id = $2 WHERE id = $1`, [id, stranger.user.id]);
  return id;
}

/** The caller's own checkpoint when it is an officer (created on first use), else a checkpoint of the province. */
async function checkpointFor(t: TestApp, caller: TestUser, inside = true): Promise<string> {
  if (caller.user.role === Role.CHECKPOINT_OFFICER && inside) {
    const [row] = await t.dataSource.query(`SELECT id FROM checkpoints WHERE id = $1`, [caller.user.checkpointId]);
    if (!row) await t.dataSource.query(`INSERT INTO checkpoints (id, code, name, unit_code, province_code, district_code, commune_code, road, directions) VALUES ($1, $2, 'Chốt của cán bộ', '02200', '08', '070', '02200', 'QL2', '{IN,OUT}')`, [caller.user.checkpointId, `O-${caller.user.checkpointId!.slice(-8)}`]);
    return caller.user.checkpointId!;
  }
  const id = uuidv7();
  const [province, district, commune] = inside ? ['08', '070', '02200'] : ['01', '001', '00001'];
  await t.dataSource.query(`INSERT INTO checkpoints (id, code, name, unit_code, province_code, district_code, commune_code, road, directions) VALUES ($1, $2, 'Chốt thử', $3, $4, $5, $3, 'QL2', '{IN,OUT}')`, [id, `C-${id.slice(-8)}`, commune, province, district]);
  return id;
}

const id = (value: string): Target => ({ params: { id: value } });
let zoneSeq = 0;

export const MOVEMENT_ROWS: MatrixRow[] = [
  { operation: 'GET /api/v1/epidemic-zones', inScope: async () => ({}) },
  // Each call designates a later period for Ho Chi Minh City (79), so designations never overlap.
  { operation: 'POST /api/v1/epidemic-zones', inScope: async () => ({ body: { unitCode: '79', level: 2, validFrom: vietnamToday(++zoneSeq) } }) },
  {
    operation: 'POST /api/v1/epidemic-zones/{id}/end',
    inScope: async (t) => {
      const [row] = await t.dataSource.query(`INSERT INTO epidemic_zones (id, unit_code, unit_level, province_code, level, valid_from) VALUES (gen_random_uuid(), '79', 'PROVINCE', '79', 2, $1) RETURNING id`, [vietnamToday(-5)]);
      return { ...id(row.id), body: { validTo: vietnamToday() } };
    },
  },
  { operation: 'GET /api/v1/checkpoints', inScope: async () => ({}) },
  { operation: 'POST /api/v1/checkpoints', inScope: async () => ({ body: { code: `N-${uuidv7().slice(-6).toUpperCase()}`, name: 'Chốt mới', unitCode: '02200', road: 'QL37', directions: ['IN'] } }) },
  { operation: 'GET /api/v1/checkpoints/{id}', inScope: async (t, c) => id(await checkpointFor(t, c)), outOfScope: async (t, c) => id(await checkpointFor(t, c, false)) },
  { operation: 'PATCH /api/v1/checkpoints/{id}', inScope: async (t, c) => ({ ...id(await checkpointFor(t, c)), body: { road: 'Quốc lộ 2C' } }), outOfScope: async (t, c) => ({ ...id(await checkpointFor(t, c, false)), body: { road: 'x y' } }) },
  { operation: 'GET /api/v1/checkpoints/{id}/passages', inScope: async (t, c) => id(await checkpointFor(t, c)), outOfScope: async (t, c) => id(await checkpointFor(t, c, false)) },
  {
    operation: 'POST /api/v1/checkpoints/{id}/passages',
    inScope: async (t, c) => {
      const code = (await t.dataSource.query(`SELECT short_code FROM movement_declarations WHERE id = $1`, [await declare(t, c)]))[0].short_code;
      return { ...id(await checkpointFor(t, c)), body: { code, direction: 'IN', outcome: 'ALLOWED' } };
    },
    outOfScope: async (t, c) => ({ ...id(await checkpointFor(t, c, false)), body: { code: 'ZZZZZZZZ', direction: 'IN', outcome: 'ALLOWED' } }),
    outOfScopeStatus: 403,
  },
  {
    operation: 'POST /api/v1/checkpoints/{id}/paper-declarations',
    inScope: async (t, c) => ({ ...id(await checkpointFor(t, c)), body: { ...declaration({ destinationCommuneCode: '02200' }), direction: 'IN', outcome: 'ALLOWED' } }),
    outOfScope: async (t, c) => ({ ...id(await checkpointFor(t, c, false)), body: { ...declaration({ destinationCommuneCode: '02200' }), direction: 'IN', outcome: 'ALLOWED' } }),
    outOfScopeStatus: 403,
  },
  { operation: 'POST /api/v1/movement-declarations', inScope: async () => ({ body: declaration({ destinationCommuneCode: '02200' }) }) },
  { operation: 'GET /api/v1/movement-declarations', inScope: async () => ({}) },
  { operation: 'GET /api/v1/movement-declarations/{id}', inScope: async (t, c) => id(await declare(t, c)), outOfScope: async (t, c) => id(await elsewhere(t, await declare(t, c))) },
  {
    operation: 'GET /api/v1/movement-declarations/lookup/{code}',
    inScope: async (t, c) => ({ params: { code: (await t.dataSource.query(`SELECT short_code FROM movement_declarations WHERE id = $1`, [await declare(t, c)]))[0].short_code } }),
  },
  { operation: 'GET /api/v1/arrivals', inScope: async () => ({}) },
  { operation: 'PUT /api/v1/arrivals/{id}/follow-up', inScope: async (t, c) => ({ ...id(await declare(t, c)), body: { status: 'MONITORING' } }), outOfScope: async (t, c) => ({ ...id(await elsewhere(t, await declare(t, c))), body: { status: 'DONE' } }) },
];
