import { ROLLUPS_STALE_SQL } from '../../modules/rollups/rollups.service';
import type { LoadPlan } from './load-plan';

/**
 * The load, as SQL run inside PostgreSQL (INSERT ... SELECT over generate_series: no rows cross the wire),
 * into the app's own tables with their constraints and indexes. Every value comes from md5 of (seed, tag,
 * row number), so a seed always gives the same rows; dates are counted back from `until`.
 */
export interface LoadStep {
  name: string;
  /** The table the step fills (rows are counted there), or null for set-up. */
  table: string | null;
  sql: string;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Ma', 'Nông', 'Hà', 'Lý', 'Triệu', 'Quan', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hồng', 'Quang', 'Ngọc', 'Thanh', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phúc', 'Sơn', 'Thảo', 'Tuấn', 'Vân', 'Yến', 'Khánh', 'Trang'];
const SYMPTOMS = ['FEVER', 'COUGH', 'SORE_THROAT', 'RUNNY_NOSE', 'LOSS_OF_SMELL', 'FATIGUE', 'MUSCLE_PAIN', 'HEADACHE'];
/** Where travellers to Tuyen Quang come from: neighbours and the big cities, weighted. */
const PROVINCE_ORIGINS: Record<string, number> = { '01': 30, '25': 14, '19': 12, '02': 10, '26': 8, '27': 6, '79': 5, '15': 6, '06': 4, '24': 3 };

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const arr = (items: string[]) => `ARRAY[${items.map((s) => `'${s}'`).join(',')}]`;

export function loadSteps(plan: LoadPlan, seed: number, until: string, passwordHash: string): LoadStep[] {
  const inScope = (col: string) => (plan.provinces === '*' ? 'true' : `${col} IN (${plan.provinces.map((p) => `'${p}'`).join(',')})`);
  const start = `('${until}'::date - ${plan.days - 1})`;
  const accepted = Math.round(plan.infectionReports * plan.acceptedShare);
  /** A commune for row i of a kind: weighted towards towns and wards. */
  const commune = (tag: string, i: string) => `(SELECT c.code, c.district_code, c.province_code, c.name FROM load_communes c WHERE c.lo <= pg_temp.u('${tag}', ${i}) ORDER BY c.lo DESC LIMIT 1)`;
  const at = (date: string, tag: string, i: string, fromHour = 6, hours = 15) => `((${date})::timestamp + make_interval(mins => (${fromHour * 60} + floor(pg_temp.u('${tag}', ${i}) * ${hours * 60}))::int)) AT TIME ZONE 'Asia/Ho_Chi_Minh'`;

  return [
    {
      name: 'functions',
      table: null,
      sql: `
        CREATE OR REPLACE FUNCTION pg_temp.u(tag text, i bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS
          $$ SELECT ('x' || substr(md5('${seed}:' || tag || ':' || i), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
        CREATE OR REPLACE FUNCTION pg_temp.uid(tag text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
          $$ SELECT overlay(overlay(md5('${seed}:id:' || tag || ':' || i) placing '4' from 13) placing '8' from 17)::uuid $$;
        -- The k-th 32-bit slice (0-3) of a hex md5 as a uniform number in [0, 1): four draws per hash.
        CREATE OR REPLACE FUNCTION pg_temp.hx(h text, k int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
          $$ SELECT ('x' || substr(h, 1 + 8 * k, 8))::bit(32)::bigint / 4294967296.0 $$;
        CREATE OR REPLACE FUNCTION pg_temp.ut(tag text, key text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
          $$ SELECT ('x' || substr(md5('${seed}:' || tag || ':' || key), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
        CREATE OR REPLACE FUNCTION pg_temp.uidt(tag text, key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
          $$ SELECT overlay(overlay(md5('${seed}:idt:' || tag || ':' || key) placing '4' from 13) placing '8' from 17)::uuid $$;
        CREATE OR REPLACE FUNCTION pg_temp.pick(items text[], tag text, i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
          $$ SELECT items[1 + floor(pg_temp.u(tag, i) * array_length(items, 1))::int] $$;
        -- 8 characters of the short-code alphabet from a bijection of i modulo 31^8: unique per row.
        CREATE OR REPLACE FUNCTION pg_temp.short_code(i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
          SELECT ${Array.from({ length: 8 }, (_, k) => `substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + (v / ${31 ** k}::bigint % 31)::int, 1)`).join(' || ')}
            FROM (SELECT ((i + ${seed % 100_000}::bigint * 7919) * 1000003) % 852891037441 AS v) s $$;
        -- A person's name and its folded form from one hash of (tag, i).
        CREATE OR REPLACE FUNCTION pg_temp.person(tag text, i bigint) RETURNS TABLE (name text, folded text) LANGUAGE sql IMMUTABLE AS $$
          SELECT (${arr(SURNAMES)})[1 + a % ${SURNAMES.length}] || ' ' || (${arr(MIDDLE)})[1 + b % ${MIDDLE.length}] || ' ' || (${arr(GIVEN)})[1 + c % ${GIVEN.length}],
                 (${arr(SURNAMES.map(fold))})[1 + a % ${SURNAMES.length}] || ' ' || (${arr(MIDDLE.map(fold))})[1 + b % ${MIDDLE.length}] || ' ' || (${arr(GIVEN.map(fold))})[1 + c % ${GIVEN.length}]
            FROM (SELECT ('x' || substr(h, 1, 7))::bit(28)::int AS a, ('x' || substr(h, 9, 7))::bit(28)::int AS b, ('x' || substr(h, 17, 7))::bit(28)::int AS c
                    FROM md5('${seed}:person:' || tag || ':' || i) AS h) s $$;
        CREATE OR REPLACE FUNCTION pg_temp.token(tag text, i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
          $$ SELECT rtrim(translate(encode(sha256(convert_to('${seed}:' || tag || ':' || i, 'UTF8')), 'base64'), '+/', '-_'), '=') $$;
        -- The risk function of apps/api/src/modules/movements/risk.ts with the default ZONE_RISK (1:LOW,2:MEDIUM,3:HIGH,4:HIGH).
        CREATE OR REPLACE FUNCTION pg_temp.risk(zone int, sym boolean, contact boolean, stayed boolean, negative boolean, doses int, OUT level text, OUT reasons text[]) LANGUAGE plpgsql IMMUTABLE AS $$
          DECLARE r int := 0;
          BEGIN
            reasons := '{}';
            IF zone IS NOT NULL THEN r := CASE WHEN zone = 1 THEN 0 WHEN zone = 2 THEN 1 ELSE 2 END; reasons := reasons || ('ZONE_LEVEL_' || zone); END IF;
            IF sym THEN r := 2; reasons := reasons || 'SYMPTOMS'::text; END IF;
            IF contact THEN r := 2; reasons := reasons || 'CONTACT_WITH_CASE'::text; END IF;
            IF stayed THEN r := greatest(r, 1); reasons := reasons || 'STAYED_IN_ZONE'::text; END IF;
            IF zone >= 2 AND NOT negative THEN r := least(r + 1, 2); reasons := reasons || 'NO_NEGATIVE_TEST'::text; END IF;
            IF zone >= 3 AND doses < 2 THEN r := 2; reasons := reasons || 'NOT_VACCINATED'::text; END IF;
            level := (ARRAY['LOW', 'MEDIUM', 'HIGH'])[r + 1];
          END $$;`,
    },
    {
      name: 'weights',
      table: null,
      sql: `
        DROP TABLE IF EXISTS load_communes, load_days, load_origins, load_checkpoints;
        -- Destinations and homes: wards and towns weigh more than rural communes.
        CREATE TEMP TABLE load_communes AS
          SELECT code, district_code, province_code, name_with_type AS name,
                 coalesce(sum(w) OVER (ORDER BY code ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(w) OVER () AS lo
            FROM (SELECT code, district_code, province_code, name_with_type,
                         CASE type WHEN 'phuong' THEN 6 WHEN 'thi-tran' THEN 3 ELSE 1 END::float8 AS w
                    FROM admin_units WHERE level = 'COMMUNE' AND ${inScope('province_code')}) u;
        CREATE INDEX ON load_communes (lo);
        -- A wave peaking two thirds into the period, with weekday peaks (Friday travel, quiet Sundays).
        CREATE TEMP TABLE load_days AS
          SELECT day, coalesce(sum(w) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(w) OVER () AS lo
            FROM (SELECT ${start} + k AS day,
                         (0.15 + exp(-power((k - ${plan.days} * 0.65) / (${plan.days} * 0.22), 2)))
                         * (ARRAY[0.7, 1.15, 1.1, 1.05, 1.05, 1.2, 0.9])[extract(dow FROM ${start} + k)::int + 1] AS w
                    FROM generate_series(0, ${plan.days - 1}) AS k) d;
        CREATE INDEX ON load_days (lo);
        -- Places of origin (districts), with their epidemic-zone level for the whole period.
        CREATE TEMP TABLE load_origins AS
          SELECT code, province_code, zone_level,
                 coalesce(sum(w) OVER (ORDER BY code ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(w) OVER () AS lo
            FROM (SELECT code, province_code,
                         ${plan.provinces === '*' ? '1.0' : `coalesce(('${JSON.stringify(PROVINCE_ORIGINS)}'::jsonb ->> province_code)::float8, 0.3) * CASE WHEN province_code = '${plan.provinces[0]}' THEN 0 ELSE 1 END`} AS w,
                         CASE WHEN pg_temp.ut('zone', code) < 0.01 THEN 4 WHEN pg_temp.ut('zone', code) < 0.04 THEN 3 WHEN pg_temp.ut('zone', code) < 0.12 THEN 2 END AS zone_level
                    FROM admin_units WHERE level = 'DISTRICT') o
           WHERE w > 0;
        CREATE INDEX ON load_origins (lo);`,
    },
    {
      name: 'epidemic zones',
      table: 'epidemic_zones',
      sql: `
        INSERT INTO epidemic_zones (id, unit_code, unit_level, province_code, district_code, level, valid_from, valid_to, note, created_at)
        SELECT pg_temp.uid('zone', row_number() OVER (ORDER BY code)), code, 'DISTRICT', province_code, code, zone_level, ${start} - 7, NULL, 'seed:load', now()
          FROM load_origins WHERE zone_level IS NOT NULL
        ON CONFLICT DO NOTHING`,
    },
    {
      name: 'checkpoints and officers',
      table: 'checkpoints',
      sql: `
        CREATE TEMP TABLE load_checkpoints AS
          SELECT p.province_code, k - 1 AS k, pg_temp.uidt('cp', p.province_code || ':' || k) AS id,
                 pg_temp.uidt('officer', p.province_code || ':' || k) AS officer_id,
                 'L' || p.province_code || '-' || k AS code, c.code AS commune_code, c.district_code
            FROM (SELECT DISTINCT province_code FROM load_communes) p
            CROSS JOIN generate_series(1, ${plan.checkpointsPerProvince}) AS k
            CROSS JOIN LATERAL (SELECT code, district_code FROM load_communes c WHERE c.province_code = p.province_code ORDER BY md5(c.code || k) LIMIT 1) c;
        CREATE INDEX ON load_checkpoints (province_code, k);
        INSERT INTO checkpoints (id, code, name, unit_code, province_code, district_code, commune_code, road, directions, active)
        SELECT id, code, 'Chốt kiểm soát ' || code, commune_code, province_code, district_code, commune_code, 'Quốc lộ', '{IN,OUT}', true FROM load_checkpoints
        ON CONFLICT DO NOTHING;
        INSERT INTO users (id, username, password_hash, full_name, full_name_folded, role, status, unit_code, unit_level, province_code, district_code, commune_code, checkpoint_id, agency)
        SELECT officer_id, 'officer.' || lower(code), '${passwordHash}', 'Cán bộ chốt ' || code, 'can bo chot ' || lower(code), 'CHECKPOINT_OFFICER', 'ACTIVE', NULL, NULL, province_code, district_code, commune_code, id, 'POLICE'
          FROM load_checkpoints
        ON CONFLICT DO NOTHING`,
    },
    {
      name: 'citizens',
      table: 'users',
      sql: `
        INSERT INTO users (id, username, password_hash, full_name, full_name_folded, role, status, province_code, district_code, commune_code, phone, created_at)
        SELECT pg_temp.uid('citizen', g), '03' || lpad(g::text, 8, '0'), '${passwordHash}', n.name, n.folded, 'CITIZEN', 'ACTIVE',
               c.province_code, c.district_code, c.code, '03' || lpad(g::text, 8, '0'), ${at(`${start} - 60 + floor(pg_temp.u('cj', g) * 60)::int`, 'ch', 'g')}
          FROM generate_series(1, ${plan.citizens}) AS g CROSS JOIN LATERAL ${commune('cc', 'g')} c CROSS JOIN LATERAL pg_temp.person('p', g) n`,
    },
    {
      name: 'citizen profiles',
      table: 'citizen_profiles',
      sql: `
        INSERT INTO citizen_profiles (user_id, id_number, date_of_birth, gender, phone, address, commune_code)
        SELECT pg_temp.uid('citizen', g), '0010' || lpad(g::text, 8, '0'),
               date '1940-01-01' + floor(pg_temp.u('cb', g) * 28000)::int, CASE WHEN pg_temp.u('cx', g) < 0.5 THEN 'MALE' ELSE 'FEMALE' END,
               '03' || lpad(g::text, 8, '0'), 'Thôn ' || (1 + floor(pg_temp.u('ca', g) * 12)::int) || ', ' || c.name, c.code
          FROM generate_series(1, ${plan.citizens}) AS g CROSS JOIN LATERAL ${commune('cc', 'g')} c`,
    },
    {
      name: 'movement declarations',
      table: 'movement_declarations',
      // Three md5 per row give twelve draws (hx(h, 0..3)): hashing is most of the cost of a generated row.
      sql: `
        INSERT INTO movement_declarations (province_code, district_code, commune_code, id, short_code, qr_token, source, declarant_id, entered_by, full_name, full_name_folded,
          id_number, date_of_birth, gender, phone, nationality, origin_unit_code, origin_province_code, origin_district_code, origin_address, destination_address, travel_date,
          transport_mode, vehicle_plate, purpose, symptoms, contact_with_case, stayed_in_zone, vaccine_doses, test_type, test_date, test_result,
          risk_level, risk_reasons, origin_zone_level, valid_until, created_at)
        SELECT c.province_code, c.district_code, c.code, pg_temp.uid('decl', g), pg_temp.short_code(g), pg_temp.token('qr', g),
               CASE WHEN x.paper THEN 'PAPER' ELSE 'ONLINE' END,
               CASE WHEN NOT x.paper AND x.p <= ${plan.citizens} THEN pg_temp.uid('citizen', x.p) END,
               CASE WHEN x.paper THEN cp.officer_id END,
               n.name, n.folded,
               CASE WHEN x.p <= ${plan.citizens} THEN '0010' || lpad(x.p::text, 8, '0') ELSE '0991' || lpad(x.p::text, 8, '0') END,
               date '1950-01-01' + (x.p * 7919 % 24000)::int, CASE WHEN x.p % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
               CASE WHEN x.p <= ${plan.citizens} THEN '03' || lpad(x.p::text, 8, '0') END, 'VN',
               o.code, o.province_code, o.code, 'Số ' || (1 + g % 200) || ', ' || o.code, 'Thôn ' || (1 + g % 12) || ', ' || c.name,
               d.day, x.mode, CASE WHEN x.mode IN ('CAR', 'TRUCK', 'BUS') THEN (10 + g % 89) || 'A' || lpad((g * 7 % 99999)::text, 5, '0') END,
               CASE WHEN x.mode = 'TRUCK' THEN 'Vận chuyển hàng hoá' WHEN g % 2 = 0 THEN 'Về quê' ELSE 'Công tác' END,
               CASE WHEN x.sym THEN ARRAY[(${arr(SYMPTOMS)})[1 + g % ${SYMPTOMS.length}]] ELSE '{}' END, x.contact, x.stayed, x.doses,
               CASE WHEN x.negative THEN 'RAPID_FACILITY' END, CASE WHEN x.negative THEN d.day - 1 END, CASE WHEN x.negative THEN 'NEGATIVE' END,
               r.level, r.reasons, o.zone_level, x.created_at + interval '72 hours', x.created_at
          FROM generate_series(1, ${plan.declarations}) AS g
          CROSS JOIN LATERAL (SELECT md5('${seed}:d1:' || g) AS h1, md5('${seed}:d2:' || g) AS h2, md5('${seed}:d3:' || g) AS h3) h
          CROSS JOIN LATERAL (SELECT c.code, c.district_code, c.province_code, c.name FROM load_communes c WHERE c.lo <= pg_temp.hx(h.h1, 0) ORDER BY c.lo DESC LIMIT 1) c
          CROSS JOIN LATERAL (SELECT d.day FROM load_days d WHERE d.lo <= pg_temp.hx(h.h1, 1) ORDER BY d.lo DESC LIMIT 1) d
          CROSS JOIN LATERAL (SELECT o.code, o.province_code, o.zone_level FROM load_origins o WHERE o.lo <= pg_temp.hx(h.h1, 2) ORDER BY o.lo DESC LIMIT 1) o
          CROSS JOIN LATERAL (SELECT lc.officer_id FROM load_checkpoints lc WHERE lc.province_code = c.province_code AND lc.k = floor(pg_temp.hx(h.h1, 3) * ${plan.checkpointsPerProvince})::int) cp
          CROSS JOIN LATERAL (SELECT pg_temp.hx(h.h2, 0) < 0.12 AS paper,
                                     1 + floor(pg_temp.hx(h.h2, 1) * ${plan.citizens * 3})::bigint AS p,
                                     pg_temp.hx(h.h2, 2) < 0.02 AS sym, pg_temp.hx(h.h2, 3) < 0.01 AS contact,
                                     o.zone_level IS NOT NULL AND pg_temp.hx(h.h3, 0) < 0.6 AS stayed,
                                     o.zone_level IS NOT NULL AND pg_temp.hx(h.h3, 1) < 0.55 AS negative,
                                     (ARRAY[0, 1, 2, 2, 2, 3, 3, 3, 3, 2])[1 + floor(pg_temp.hx(h.h3, 2) * 10)::int] AS doses,
                                     (ARRAY['CAR', 'CAR', 'MOTORBIKE', 'MOTORBIKE', 'BUS', 'BUS', 'TRUCK', 'CAR', 'MOTORBIKE', 'OTHER'])[1 + floor(pg_temp.hx(h.h3, 3) * 10)::int] AS mode,
                                     ((d.day - (g % 10 < 3)::int)::timestamp + make_interval(mins => (300 + g * 37 % 1020)::int)) AT TIME ZONE 'Asia/Ho_Chi_Minh' AS created_at) x
          CROSS JOIN LATERAL pg_temp.risk(o.zone_level, x.sym, x.contact, x.stayed, x.negative, x.doses) r
          CROSS JOIN LATERAL pg_temp.person('p', x.p) n`,
    },
    ...Array.from({ length: plan.passagesPerDeclaration }, (_, leg) => ({
      name: leg === 0 ? 'passages in' : 'passages out',
      table: 'passages',
      sql: `
        INSERT INTO passages (province_code, district_code, commune_code, id, checkpoint_id, officer_id, declaration_id, direction, outcome, source, recorded_at, received_at)
        SELECT cp.province_code, cp.district_code, cp.commune_code, pg_temp.uid('passage${leg}', g), cp.id, cp.officer_id, m.id, '${leg === 0 ? 'IN' : 'OUT'}',
               ${leg === 0 ? `CASE WHEN m.risk_level = 'HIGH' THEN (ARRAY['SENT_FOR_TESTING', 'SENT_FOR_TESTING', 'REFERRED_TO_ISOLATION', 'TURNED_BACK', 'ALLOWED'])[1 + g % 5] ELSE 'ALLOWED' END` : `'ALLOWED'`},
               m.source, t.at, t.at + CASE WHEN pg_temp.hx(h.h, 2) < 0.05 THEN make_interval(secs => 600 + g % 3000) ELSE interval '1 second' END
          FROM generate_series(1, ${plan.declarations}) AS g
          CROSS JOIN LATERAL (SELECT md5('${seed}:p${leg}:' || g) AS h) h
          JOIN movement_declarations m ON m.id = pg_temp.uid('decl', g)
          CROSS JOIN LATERAL (SELECT lc.* FROM load_checkpoints lc WHERE lc.province_code = m.province_code AND lc.k = floor(pg_temp.hx(h.h, 0) * ${plan.checkpointsPerProvince})::int) cp
          CROSS JOIN LATERAL (SELECT ((m.travel_date + ${leg === 0 ? 0 : '1 + g % 6'})::timestamp + make_interval(mins => (300 + floor(pg_temp.hx(h.h, 1) * 1080))::int)) AT TIME ZONE 'Asia/Ho_Chi_Minh' AS at) t
         WHERE pg_temp.hx(h.h, 3) < ${leg === 0 ? 0.98 : 0.97} AND t.at < ('${until}'::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`,
    })),
    {
      name: 'F0 infection reports',
      table: 'case_reports',
      sql: `
        INSERT INTO case_reports (province_code, district_code, commune_code, id, kind, status, reporter_id, relation, full_name, full_name_folded, id_number, date_of_birth, gender, phone,
          address, test_type, test_date, test_result, symptom_onset, symptoms, vaccine_doses, pregnant, chronic_disease, high_risk, contacts, case_id, back_registered, rejection_reason,
          reviewed_by, reviewed_at, due_at, submitted_at, updated_at)
        SELECT c.province_code, c.district_code, c.code, pg_temp.uid('report', g), 'INFECTION', s.status, pg_temp.uid('citizen', g), s.relation,
               n.name, n.folded,
               CASE WHEN s.relation = 'SELF' THEN '0010' || lpad(g::text, 8, '0') ELSE '0981' || lpad(g::text, 8, '0') END,
               s.dob, CASE WHEN pg_temp.u('rx', g) < 0.5 THEN 'MALE' ELSE 'FEMALE' END, CASE WHEN s.relation = 'SELF' THEN '03' || lpad(g::text, 8, '0') END,
               'Thôn ' || (1 + floor(pg_temp.u('ca', g) * 12)::int) || ', ' || c.name,
               (ARRAY['RAPID_SELF', 'RAPID_SELF', 'RAPID_FACILITY', 'PCR'])[1 + floor(pg_temp.u('rt', g) * 4)::int], s.test_date, 'POSITIVE', s.test_date - 1,
               ARRAY[pg_temp.pick(${arr(SYMPTOMS)}, 'ry', g), pg_temp.pick(${arr(SYMPTOMS)}, 'rz', g)], s.doses, false, s.chronic,
               s.chronic OR s.doses < 2 OR s.dob < ${start} - 365 * 65, '[]',
               CASE WHEN s.status = 'ACCEPTED' THEN pg_temp.uid('case', g) END, s.submitted - s.test_date >= 3,
               CASE WHEN s.status = 'REJECTED' THEN 'Ảnh xét nghiệm không rõ, đề nghị khai báo lại' END,
               CASE WHEN s.status <> 'SUBMITTED' THEN pg_temp.uidt('staff', c.code) END,
               CASE WHEN s.status <> 'SUBMITTED' THEN s.submitted_at + make_interval(mins => 20 + floor(pg_temp.u('rw', g) * 900)::int) END,
               s.submitted_at + interval '24 hours', s.submitted_at, s.submitted_at
          FROM generate_series(1, ${plan.infectionReports}) AS g
          CROSS JOIN LATERAL ${commune('cc', 'g')} c
          CROSS JOIN LATERAL (SELECT d.day AS test_date FROM load_days d WHERE d.lo <= pg_temp.u('rd', g) ORDER BY d.lo DESC LIMIT 1) d
          CROSS JOIN LATERAL (SELECT least('${until}'::date, d.test_date + CASE WHEN pg_temp.u('rb', g) < 0.15 THEN 3 + floor(pg_temp.u('rc', g) * 8)::int ELSE floor(pg_temp.u('rc', g) * 2)::int END) AS submitted) sd
          CROSS JOIN LATERAL (SELECT d.test_date, sd.submitted, ${at('sd.submitted', 'rh', 'g', 6, 16)} AS submitted_at,
                                     CASE WHEN g <= ${accepted} THEN 'ACCEPTED' WHEN g % 3 = 0 THEN 'REJECTED' ELSE 'SUBMITTED' END AS status,
                                     CASE WHEN pg_temp.u('rr', g) < 0.8 THEN 'SELF' ELSE (ARRAY['CHILD', 'PARENT', 'SPOUSE', 'GRANDPARENT'])[1 + floor(pg_temp.u('rs', g) * 4)::int] END AS relation,
                                     CASE WHEN pg_temp.u('rr', g) < 0.8 THEN g ELSE g + ${plan.citizens * 5} END AS person,
                                     date '1940-01-01' + floor(pg_temp.u('cb', g) * 28000)::int AS dob,
                                     (ARRAY[0, 1, 2, 2, 3, 3, 3, 3, 2, 3])[1 + floor(pg_temp.u('rv', g) * 10)::int] AS doses,
                                     pg_temp.u('rk', g) < 0.06 AS chronic) s
          CROSS JOIN LATERAL pg_temp.person('p', s.person) n`,
    },
    {
      name: 'cases',
      table: 'cases',
      sql: `
        INSERT INTO cases (province_code, district_code, commune_code, id, status, owner_id, full_name, full_name_folded, id_number, date_of_birth, gender, phone, address,
          positive_test_date, test_type, vaccine_doses, high_risk, back_registered, policy_version, infection_report_id, negative_test_date, negative_test_type,
          last_check_in_at, danger_since, recovered_at, opened_at, updated_at)
        SELECT r.province_code, r.district_code, r.commune_code, r.case_id, x.status, r.reporter_id, r.full_name, r.full_name_folded, r.id_number, r.date_of_birth, r.gender, r.phone, r.address,
               r.test_date, r.test_type, r.vaccine_doses, r.high_risk, r.back_registered, p.version, r.id,
               CASE WHEN x.status = 'RECOVERED' THEN x.negative_date END, CASE WHEN x.status = 'RECOVERED' THEN 'RAPID_FACILITY' END,
               r.reviewed_at + make_interval(hours => 20 * least(6, '${until}'::date - r.test_date)), NULL,
               CASE WHEN x.status = 'RECOVERED' THEN (x.negative_date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '9 hours' END,
               r.reviewed_at, r.reviewed_at
          FROM generate_series(1, ${accepted}) AS g
          JOIN case_reports r ON r.id = pg_temp.uid('report', g)
          CROSS JOIN LATERAL (SELECT version, isolation_days FROM isolation_policies WHERE valid_from <= r.test_date ORDER BY valid_from DESC LIMIT 1) p
          CROSS JOIN LATERAL (SELECT r.test_date + p.isolation_days - 1 AS negative_date,
                                     CASE WHEN r.test_date + p.isolation_days + 1 <= '${until}'::date AND pg_temp.ut('ks', r.id::text) < 0.88 THEN 'RECOVERED'
                                          WHEN pg_temp.ut('kh', r.id::text) < 0.01 THEN 'HOSPITALISED' ELSE 'ISOLATING' END AS status) x
         WHERE r.kind = 'INFECTION' AND r.status = 'ACCEPTED'`,
    },
    {
      name: 'F0 recovery reports',
      table: 'case_reports',
      sql: `
        INSERT INTO case_reports (province_code, district_code, commune_code, id, kind, status, reporter_id, relation, full_name, full_name_folded, id_number, date_of_birth, gender, phone,
          address, test_type, test_date, test_result, symptoms, vaccine_doses, case_id, reviewed_by, reviewed_at, due_at, submitted_at, updated_at)
        SELECT k.province_code, k.district_code, k.commune_code, pg_temp.uid('recovery', n), 'RECOVERY', CASE WHEN k.status = 'RECOVERED' THEN 'ACCEPTED' ELSE 'SUBMITTED' END,
               k.owner_id, 'SELF', k.full_name, k.full_name_folded, k.id_number, k.date_of_birth, k.gender, k.phone, k.address, 'RAPID_FACILITY', coalesce(k.negative_test_date, '${until}'::date), 'NEGATIVE',
               '{}', k.vaccine_doses, k.id, CASE WHEN k.status = 'RECOVERED' THEN pg_temp.uidt('staff', k.commune_code) END, k.recovered_at,
               coalesce(k.recovered_at, now()) - interval '12 hours' + interval '24 hours', coalesce(k.recovered_at - interval '12 hours', now() - interval '2 hours'), coalesce(k.recovered_at, now())
          FROM (SELECT k.*, row_number() OVER (ORDER BY k.id) AS n FROM cases k
                 WHERE k.id IN (SELECT pg_temp.uid('case', g) FROM generate_series(1, ${accepted}) g)
                   AND (k.status = 'RECOVERED' OR k.positive_test_date <= '${until}'::date - 5)) k
         WHERE n <= ${plan.recoveryReports}`,
    },
    {
      name: 'isolation decisions and recovery confirmations',
      table: 'documents',
      sql: `
        INSERT INTO documents (province_code, district_code, commune_code, id, kind, status, case_id, report_id, owner_id, holder_name, holder_id_number, holder_date_of_birth,
          place, start_date, end_date, negative_test_type, negative_test_date, legal_basis, policy_version, year, number, number_text, verify_code, drafted_by,
          signer_id, signer_name, signer_title, signed_at, created_at, updated_at)
        SELECT d.province_code, d.district_code, d.commune_code, d.id, d.kind, d.status, d.case_id, d.report_id, d.owner_id, d.full_name, d.id_number, d.date_of_birth,
               d.address, d.start_date, d.end_date, d.negative_test_type, d.negative_test_date, p.legal_basis, p.version,
               d.year, d.number, CASE WHEN d.number IS NOT NULL THEN d.number || '/' || CASE WHEN d.kind = 'ISOLATION_DECISION' THEN p.decision_suffix ELSE p.confirmation_suffix END END,
               left(rtrim(translate(encode(sha256(convert_to('${seed}:verify:' || d.id::text, 'UTF8')), 'base64'), '+/', '-_'), '='), 22), d.drafted_by,
               CASE WHEN d.status = 'ISSUED' THEN d.signer END, CASE WHEN d.status = 'ISSUED' THEN 'Lãnh đạo UBND' END, CASE WHEN d.status = 'ISSUED' THEN 'CHỦ TỊCH' END,
               d.signed_at, d.created_at, coalesce(d.signed_at, d.created_at)
          FROM (
            SELECT q.*, CASE WHEN q.status = 'ISSUED' THEN coalesce(dc.last_number, 0) + row_number() OVER (PARTITION BY q.commune_code, q.kind, q.year, q.status = 'ISSUED' ORDER BY q.signed_at, q.id) END AS number
              FROM (
                SELECT k.province_code, k.district_code, k.commune_code, pg_temp.uidt(t.kind, k.id::text) AS id, t.kind,
                       CASE WHEN t.kind = 'ISOLATION_DECISION' AND k.opened_at > now() - interval '20 hours' THEN 'DRAFT' ELSE 'ISSUED' END AS status,
                       k.id AS case_id, CASE WHEN t.kind = 'ISOLATION_DECISION' THEN k.infection_report_id END AS report_id, k.owner_id, k.full_name, k.id_number, k.date_of_birth, k.address,
                       CASE WHEN t.kind = 'ISOLATION_DECISION' THEN k.positive_test_date ELSE k.positive_test_date END AS start_date,
                       CASE WHEN t.kind = 'ISOLATION_DECISION' THEN k.positive_test_date + (SELECT isolation_days - 1 FROM isolation_policies WHERE version = k.policy_version) ELSE k.negative_test_date END AS end_date,
                       CASE WHEN t.kind = 'RECOVERY_CONFIRMATION' THEN k.negative_test_type END AS negative_test_type,
                       CASE WHEN t.kind = 'RECOVERY_CONFIRMATION' THEN k.negative_test_date END AS negative_test_date,
                       k.policy_version, pg_temp.uidt('staff', k.commune_code) AS drafted_by, pg_temp.uidt('leader', k.commune_code) AS signer,
                       CASE WHEN t.kind = 'ISOLATION_DECISION' THEN k.opened_at + interval '3 hours' ELSE k.recovered_at + interval '2 hours' END AS signed_at0,
                       CASE WHEN t.kind = 'ISOLATION_DECISION' THEN k.opened_at + interval '1 hour' ELSE k.recovered_at END AS created_at
                  FROM cases k
                  CROSS JOIN (VALUES ('ISOLATION_DECISION'), ('RECOVERY_CONFIRMATION')) AS t(kind)
                 WHERE k.id IN (SELECT pg_temp.uid('case', g) FROM generate_series(1, ${accepted}) g)
                   AND (t.kind = 'ISOLATION_DECISION' OR k.status = 'RECOVERED')
              ) q0
              CROSS JOIN LATERAL (SELECT q0.*, CASE WHEN q0.status = 'ISSUED' THEN q0.signed_at0 END AS signed_at,
                                         extract(year FROM (CASE WHEN q0.status = 'ISSUED' THEN q0.signed_at0 ELSE q0.created_at END) AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year) q
              LEFT JOIN document_counters dc ON dc.commune_code = q.commune_code AND dc.kind = q.kind AND dc.year = q.year
          ) d
          JOIN isolation_policies p ON p.version = d.policy_version
        ON CONFLICT DO NOTHING`,
    },
    {
      name: 'document counters',
      table: null,
      sql: `
        INSERT INTO document_counters (commune_code, kind, year, last_number)
        SELECT commune_code, kind, year, max(number) FROM documents WHERE number IS NOT NULL GROUP BY commune_code, kind, year
        ON CONFLICT (commune_code, kind, year) DO UPDATE SET last_number = greatest(document_counters.last_number, excluded.last_number)`,
    },
    {
      name: 'check-ins',
      table: 'case_check_ins',
      sql: `
        INSERT INTO case_check_ins (id, case_id, symptoms, temperature, spo2, danger_signs, created_at)
        SELECT pg_temp.uidt('checkin', k.id::text || n), k.id,
               CASE WHEN pg_temp.ut('ic', k.id::text || n) < 0.5 THEN ARRAY['COUGH'] ELSE '{}' END, 36.5 + round((pg_temp.ut('it', k.id::text || n) * 2)::numeric, 1), 95 + floor(pg_temp.ut('io', k.id::text || n) * 5)::int,
               pg_temp.ut('id', k.id::text || n) < 0.01, k.opened_at + make_interval(days => n, hours => 2)
          FROM cases k CROSS JOIN generate_series(1, 7) AS n
         WHERE k.id IN (SELECT pg_temp.uid('case', g) FROM generate_series(1, ${accepted}) g)
           AND k.opened_at + make_interval(days => n, hours => 2) < coalesce(k.recovered_at, now())
           AND pg_temp.ut('ip', k.id::text || n) < 0.75
        ON CONFLICT DO NOTHING`,
    },
    {
      // The rows above carry past timestamps, behind the rollups' watermark: the next refresh rebuilds them.
      // A set-up step, so it runs again whenever an interrupted load resumes.
      name: 'rollups stale',
      table: null,
      sql: ROLLUPS_STALE_SQL,
    },
  ];
}
