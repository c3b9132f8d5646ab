import { auditOf, createTestApp, type TestApp, type TestUser } from './support/test-app';
import { checkpointWithOfficer, declaration } from './support/movements';

describe('passenger trips', () => {
  let t: TestApp;
  let operator: TestUser;
  let police: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.newCitizen();
    police = await t.newStaff('POLICE_ADMIN', '08');
  });
  afterAll(() => t.close());

  const declare = async (overrides: Record<string, unknown> = {}) => (await t.http.post('/api/v1/movement-declarations/anonymous').send(declaration(overrides)).expect(201)).body;

  it('registers a trip with its passengers, and edits the list', async () => {
    const [a, b, c] = [await declare(), await declare({ symptoms: ['FEVER'] }), await declare()];
    const res = await t.http.post('/api/v1/trips').set('Authorization', operator.auth).send({ plate: '22B-012.34', route: 'Hà Nội - Tuyên Quang', departureAt: new Date().toISOString(), passengerCodes: [a.shortCode, b.qrToken, a.shortCode.toLowerCase()] }).expect(201);
    expect(res.body).toMatchObject({ plate: '22B01234', route: 'Hà Nội - Tuyên Quang' });
    expect(res.body.passengers.map((p: { id: string }) => p.id).sort()).toEqual([a.id, b.id].sort());
    const bad = await t.http.post('/api/v1/trips').set('Authorization', operator.auth).send({ plate: '22B-012.34', route: 'Tuyến', departureAt: new Date().toISOString(), passengerCodes: [a.shortCode, 'ZZZZZZZZ'] }).expect(400);
    expect(bad.body.details[0].field).toBe('passengerCodes.1');
    const added = await t.http.post(`/api/v1/trips/${res.body.id}/passengers`).set('Authorization', operator.auth).send({ passengerCodes: [c.shortCode] }).expect(201);
    expect(added.body.passengers).toHaveLength(3);
    const removed = await t.http.delete(`/api/v1/trips/${res.body.id}/passengers/${a.id}`).set('Authorization', operator.auth).expect(200);
    expect(removed.body.passengers).toHaveLength(2);
    const stranger = await t.newCitizen();
    await t.http.get(`/api/v1/trips/${res.body.id}`).set('Authorization', stranger.auth).expect(404);
    expect((await auditOf(t.dataSource, res.body.id)).map((e) => e.action)).toEqual(['trip.create', 'trip.add_passengers', 'trip.remove_passenger']);
  });

  it('lets the checkpoint scan the trip once and record every passenger, with exceptions, skipping expired declarations', async () => {
    const { checkpointId, officer } = await checkpointWithOfficer(t, police);
    const [ok, sick, expired] = [await declare(), await declare({ symptoms: ['COUGH'] }), await declare()];
    await t.dataSource.query(`UPDATE movement_declarations SET valid_until = now() - interval '1 hour' WHERE id = $1`, [expired.id]);
    const trip = (await t.http.post('/api/v1/trips').set('Authorization', operator.auth).send({ plate: '22B-555.55', route: 'Hà Giang - Tuyên Quang', departureAt: new Date().toISOString(), passengerCodes: [ok.shortCode, sick.shortCode, expired.shortCode] }).expect(201)).body;
    const seen = await t.http.get(`/api/v1/trips/lookup/${trip.qrToken}`).set('Authorization', officer.auth).expect(200);
    expect(seen.body.passengers).toHaveLength(3);
    expect(seen.body.passengers.every((p: { idNumber: string }) => /\*/.test(p.idNumber))).toBe(true);
    expect(seen.body.passengers.find((p: { id: string }) => p.id === sick.id).riskLevel).toBe('HIGH');
    const body = { code: trip.shortCode, direction: 'IN', outcome: 'ALLOWED', exceptions: [{ declarationId: sick.id, outcome: 'SENT_FOR_TESTING' }] };
    const res = await t.http.post(`/api/v1/checkpoints/${checkpointId}/trip-passages`).set('Authorization', officer.auth).set('Idempotency-Key', 'bus-1').send(body).expect(201);
    expect(res.body.passages.map((p: { outcome: string }) => p.outcome).sort()).toEqual(['ALLOWED', 'SENT_FOR_TESTING']);
    expect(res.body.skipped).toEqual([{ declarationId: expired.id, fullName: expired.fullName, reason: 'EXPIRED' }]);
    await t.http.post(`/api/v1/checkpoints/${checkpointId}/trip-passages`).set('Authorization', officer.auth).set('Idempotency-Key', 'bus-1').send(body).expect(201);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM passages WHERE declaration_id IN ($1, $2, $3)`, [ok.id, sick.id, expired.id]);
    expect(count).toBe(2);
    await t.http.post(`/api/v1/checkpoints/${checkpointId}/trip-passages`).set('Authorization', officer.auth).send({ ...body, exceptions: [{ declarationId: operator.user.id, outcome: 'TURNED_BACK' }] }).expect(400);
  });
});
