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

async function greenLane(t: TestApp, caller: TestUser, approve = false): Promise<string> {
  const owner = caller.user.role === Role.CITIZEN ? caller : await t.newCitizen();
  const res = await t.http.post('/api/v1/green-lane').set('Authorization', owner.auth).send({ plate: '22C-123.45', vehicleType: 'TRUCK', owner: 'Công ty Vận tải', ownerPhone: '0912345678', drivers: [{ fullName: 'Tài Xế', idNumber: '008090123456', phone: '0987000111' }], originUnitCode: '01', destinationUnitCode: '070', cargo: 'Hàng hóa', validFrom: vietnamToday(), validTo: vietnamToday(7) });
  if (res.status !== 201) throw new Error(`fixture green lane: ${res.status} ${JSON.stringify(res.body)}`);
  if (approve) await t.dataSource.query(`UPDATE green_lane_vehicles SET status = 'APPROVED' WHERE id = $1`, [res.body.id]);
  return res.body.id;
}

async function greenLaneElsewhere(t: TestApp, caller: TestUser, approve = false): Promise<string> {
  const gid = await greenLane(t, caller, approve);
  const stranger = await t.newCitizen();
  await t.dataSource.query(`UPDATE green_lane_vehicles SET province_code = '01', owner_id = $2 WHERE id = $1`, [gid, stranger.user.id]);
  return gid;
}

const passCode = async (t: TestApp, gid: string): Promise<string> => (await t.dataSource.query(`SELECT short_code FROM green_lane_vehicles WHERE id = $1`, [gid]))[0].short_code;
const range = async (): Promise<Target> => ({ query: { from: vietnamToday(-3), to: vietnamToday() } });

async function trip(t: TestApp, caller: TestUser): Promise<{ id: string; shortCode: string }> {
  const owner = caller.user.role === Role.CITIZEN ? caller : await t.newCitizen();
  const code = (await t.dataSource.query(`SELECT short_code FROM movement_declarations WHERE id = $1`, [await declare(t, owner)]))[0].short_code;
  const res = await t.http.post('/api/v1/trips').set('Authorization', owner.auth).send({ plate: '22B-012.34', route: 'Hà Nội - Tuyên Quang', departureAt: new Date().toISOString(), passengerCodes: [code] });
  if (res.status !== 201) throw new Error(`fixture trip: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, shortCode: res.body.shortCode };
}

/** Trips belong to their operator: "out of scope" is someone else's trip. */
const othersTrip = async (t: TestApp): Promise<string> => (await trip(t, await t.newCitizen())).id;

export const MOVEMENT_ROWS: MatrixRow[] = [
  { operation: 'POST /api/v1/trips', inScope: async (t, c) => ({ body: { plate: '22B-012.34', route: 'Tuyến thử', departureAt: new Date().toISOString(), passengerCodes: [(await t.dataSource.query(`SELECT short_code FROM movement_declarations WHERE id = $1`, [await declare(t, c)]))[0].short_code] } }) },
  { operation: 'GET /api/v1/trips', inScope: async () => ({}) },
  { operation: 'GET /api/v1/trips/{id}', inScope: async (t, c) => id((await trip(t, c)).id), outOfScope: async (t) => id(await othersTrip(t)) },
  { operation: 'GET /api/v1/trips/lookup/{code}', inScope: async (t, c) => ({ params: { code: (await trip(t, c)).shortCode } }) },
  {
    operation: 'POST /api/v1/trips/{id}/passengers',
    inScope: async (t, c) => ({ ...id((await trip(t, c)).id), body: { passengerCodes: [(await t.dataSource.query(`SELECT short_code FROM movement_declarations WHERE id = $1`, [await declare(t, c)]))[0].short_code] } }),
    outOfScope: async (t, c) => ({ ...id(await othersTrip(t)), body: { passengerCodes: [(await t.dataSource.query(`SELECT short_code FROM movement_declarations WHERE id = $1`, [await declare(t, c)]))[0].short_code] } }),
  },
  {
    operation: 'DELETE /api/v1/trips/{id}/passengers/{declarationId}',
    inScope: async (t, c) => {
      const tr = await trip(t, c);
      const [{ declaration_ids }] = await t.dataSource.query(`SELECT declaration_ids FROM trips WHERE id = $1`, [tr.id]);
      return { params: { id: tr.id, declarationId: declaration_ids[0] } };
    },
    outOfScope: async (t) => {
      const tid = await othersTrip(t);
      const [{ declaration_ids }] = await t.dataSource.query(`SELECT declaration_ids FROM trips WHERE id = $1`, [tid]);
      return { params: { id: tid, declarationId: declaration_ids[0] } };
    },
  },
  {
    operation: 'POST /api/v1/checkpoints/{id}/trip-passages',
    inScope: async (t, c) => ({ ...id(await checkpointFor(t, c)), body: { code: (await trip(t, c)).shortCode, direction: 'IN', outcome: 'ALLOWED' } }),
    outOfScope: async (t, c) => ({ ...id(await checkpointFor(t, c, false)), body: { code: (await trip(t, c)).shortCode, direction: 'IN', outcome: 'ALLOWED' } }),
    outOfScopeStatus: 403,
  },
  { operation: 'GET /api/v1/arrivals/daily', inScope: range },
  { operation: 'GET /api/v1/arrivals/export.csv', inScope: async () => ({}) },
  { operation: 'GET /api/v1/checkpoints/stats', inScope: range },
  { operation: 'GET /api/v1/checkpoints/paper-form.pdf', inScope: async () => ({}) },
  { operation: 'GET /api/v1/reports/daily', inScope: async () => ({ query: { date: vietnamToday() } }) },
  { operation: 'GET /api/v1/reports/daily.pdf', inScope: async () => ({ query: { date: vietnamToday() } }) },
  { operation: 'POST /api/v1/green-lane', inScope: async () => ({ body: { plate: '22C-222.22', vehicleType: 'VAN', owner: 'Hộ kinh doanh', ownerPhone: '0912345678', drivers: [{ fullName: 'Tài Xế', idNumber: '008090123456', phone: '0987000111' }], originUnitCode: '01', destinationUnitCode: '070', cargo: 'Hàng', validFrom: vietnamToday(), validTo: vietnamToday(3) } }) },
  { operation: 'GET /api/v1/green-lane', inScope: async () => ({}) },
  { operation: 'GET /api/v1/green-lane/{id}', inScope: async (t, c) => id(await greenLane(t, c)), outOfScope: async (t, c) => id(await greenLaneElsewhere(t, c)) },
  { operation: 'GET /api/v1/green-lane/lookup/{code}', inScope: async (t, c) => ({ params: { code: await passCode(t, await greenLane(t, c, true)) } }) },
  { operation: 'POST /api/v1/green-lane/{id}/approve', inScope: async (t, c) => id(await greenLane(t, c)), outOfScope: async (t, c) => id(await greenLaneElsewhere(t, c)) },
  { operation: 'POST /api/v1/green-lane/{id}/reject', inScope: async (t, c) => ({ ...id(await greenLane(t, c)), body: { reason: 'Thiếu giấy tờ' } }), outOfScope: async (t, c) => ({ ...id(await greenLaneElsewhere(t, c)), body: { reason: 'Thiếu giấy tờ' } }) },
  { operation: 'POST /api/v1/green-lane/{id}/revoke', inScope: async (t, c) => ({ ...id(await greenLane(t, c, true)), body: { reason: 'Sai hàng hóa' } }), outOfScope: async (t, c) => ({ ...id(await greenLaneElsewhere(t, c, true)), body: { reason: 'Sai hàng hóa' } }) },
  {
    operation: 'POST /api/v1/checkpoints/{id}/green-lane-passages',
    inScope: async (t, c) => ({ ...id(await checkpointFor(t, c)), body: { code: await passCode(t, await greenLane(t, c, true)), direction: 'IN', outcome: 'ALLOWED' } }),
    outOfScope: async (t, c) => ({ ...id(await checkpointFor(t, c, false)), body: { code: await passCode(t, await greenLane(t, c, true)), direction: 'IN', outcome: 'ALLOWED' } }),
    outOfScopeStatus: 403,
  },
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
