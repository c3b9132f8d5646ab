// The raw baseline: Fastify and the pg driver doing the SQL of the two hot paths, with nothing else
// (no framework, no validation library, no ORM). `node baseline.mjs` with DATABASE_URL, PORT, JWT_SECRET.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 6) });
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const secret = process.env.JWT_SECRET;

function shortCode() {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 31];
  return s;
}

/** HS256 check of the bearer token and its expiry, as passport-jwt does. */
function verifyJwt(header) {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const [h, p, sig] = token.split('.');
  if (!sig) return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  return payload.exp * 1000 > Date.now() ? payload : null;
}

async function rateLimit(client, key) {
  await client.query(
    `INSERT INTO rate_limit_buckets (key, window_start, count) VALUES ($1, date_trunc('minute', now()), 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1 RETURNING count`,
    [key],
  );
}

app.post('/declare', async (req, reply) => {
  const b = req.body;
  const key = req.headers['idempotency-key'];
  const client = await pool.connect();
  try {
    await rateLimit(client, `public:${req.ip}`);
    const scope = `ip:${req.ip} declare`;
    const seen = await client.query(`SELECT response_body FROM idempotency_records WHERE scope = $1 AND key = $2`, [scope, key]);
    if (seen.rows.length) return reply.code(201).send(seen.rows[0].response_body);
    const units = await client.query(`SELECT code, level, province_code, district_code FROM admin_units WHERE code = ANY($1)`, [[b.originUnitCode, b.destinationCommuneCode]]);
    const origin = units.rows.find((u) => u.code === b.originUnitCode);
    const dest = units.rows.find((u) => u.code === b.destinationCommuneCode);
    if (!origin || !dest) return reply.code(400).send({ code: 'VALIDATION_FAILED' });
    const zone = await client.query(
      `SELECT max(level) AS level FROM epidemic_zones WHERE unit_code = ANY($1) AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
      [[origin.code, origin.district_code, origin.province_code].filter(Boolean), b.travelDate],
    );
    const level = zone.rows[0].level;
    const risk = level >= 3 ? 'HIGH' : level === 2 ? 'MEDIUM' : 'LOW';
    const id = randomUUID();
    const t = b.traveller;
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO movement_declarations (province_code, district_code, commune_code, id, short_code, qr_token, source, full_name, full_name_folded, id_number, date_of_birth, gender,
         phone, nationality, origin_unit_code, origin_province_code, origin_district_code, origin_address, destination_address, travel_date, transport_mode, purpose, symptoms,
         contact_with_case, stayed_in_zone, vaccine_doses, risk_level, risk_reasons, origin_zone_level, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, 'ONLINE', $7, $27, $8, $9, $10, $11, 'VN', $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, now() + interval '72 hours')`,
      [dest.province_code, dest.district_code, dest.code, id, shortCode(), randomBytes(32).toString('base64url'), t.fullName, t.idNumber, t.dateOfBirth, t.gender, t.phone ?? null,
       origin.code, origin.province_code, origin.district_code, b.originAddress, b.destinationAddress, b.travelDate, b.transportMode, b.purpose, b.symptoms, b.contactWithCase,
       b.stayedInZone, b.vaccineDoses, risk, level ? [`ZONE_LEVEL_${level}`] : [], level, t.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()],
    );
    await client.query(
      `INSERT INTO audit_events (id, action, entity_type, entity_id, after, request_id, province_code, district_code, commune_code) VALUES ($1, 'declaration.create', 'declaration', $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), id, { source: 'ONLINE', riskLevel: risk }, randomUUID(), dest.province_code, dest.district_code, dest.code],
    );
    const body = { id, riskLevel: risk };
    await client.query(`INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, 201, $4)`, [scope, key, createHash('sha256').update(JSON.stringify(b)).digest('hex'), body]);
    await client.query('COMMIT');
    return reply.code(201).send(body);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
});

app.post('/scan/:checkpointId', async (req, reply) => {
  const payload = verifyJwt(req.headers.authorization);
  if (!payload) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
  const key = req.headers['idempotency-key'];
  const client = await pool.connect();
  try {
    const user = await client.query(`SELECT id, role, status, session_version, checkpoint_id FROM users WHERE id = $1`, [payload.sub]);
    const officer = user.rows[0];
    if (!officer || officer.status !== 'ACTIVE' || officer.checkpoint_id !== req.params.checkpointId) return reply.code(403).send({ code: 'FORBIDDEN' });
    const scope = `scan:${officer.id}`;
    const seen = await client.query(`SELECT response_body FROM idempotency_records WHERE scope = $1 AND key = $2`, [scope, key]);
    if (seen.rows.length) return reply.code(201).send(seen.rows[0].response_body);
    const code = String(req.body.code).toUpperCase();
    const decl = await client.query(`SELECT id, province_code, district_code, commune_code, valid_until, full_name, risk_level FROM movement_declarations WHERE short_code = $1`, [code]);
    const d = decl.rows[0];
    if (!d) return reply.code(404).send({ code: 'NOT_FOUND' });
    const cp = await client.query(`SELECT province_code, district_code, commune_code FROM checkpoints WHERE id = $1`, [req.params.checkpointId]);
    const id = randomUUID();
    const body = { passage: { id, declarationId: d.id, direction: req.body.direction, outcome: req.body.outcome }, declaration: { id: d.id, fullName: d.full_name, riskLevel: d.risk_level } };
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO passages (province_code, district_code, commune_code, id, checkpoint_id, officer_id, declaration_id, direction, outcome, source, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ONLINE', now())`,
      [cp.rows[0].province_code, cp.rows[0].district_code, cp.rows[0].commune_code, id, req.params.checkpointId, officer.id, d.id, req.body.direction, req.body.outcome],
    );
    await client.query(`INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, 201, $4)`, [scope, key, createHash('sha256').update(JSON.stringify(req.body)).digest('hex'), body]);
    await client.query(`INSERT INTO audit_events (id, actor_id, actor_role, action, entity_type, entity_id, after, request_id, province_code, district_code, commune_code) VALUES ($1, $2, 'CHECKPOINT_OFFICER', 'passage.record', 'passage', $3, $4, $5, $6, $7, $8)`, [randomUUID(), officer.id, id, { declarationId: d.id, outcome: req.body.outcome }, randomUUID(), cp.rows[0].province_code, cp.rows[0].district_code, cp.rows[0].commune_code]);
    await client.query('COMMIT');
    // The answer shows the officer the declaration's last passages, as the app's does.
    const recent = await client.query(
      `SELECT p.id, p.checkpoint_id, c.name AS checkpoint_name, p.direction, p.outcome, p.source, p.recorded_at
         FROM passages p LEFT JOIN checkpoints c ON c.id = p.checkpoint_id WHERE p.declaration_id = $1 ORDER BY p.recorded_at DESC LIMIT 20`,
      [d.id],
    );
    return reply.code(201).send({ ...body, declaration: { ...body.declaration, passages: recent.rows } });
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('baseline ready');
