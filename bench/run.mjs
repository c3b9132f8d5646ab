#!/usr/bin/env node
// `pnpm bench`: the figures of docs/performance.md, on the province-scale load (`pnpm seed:load`, reused when
// present). One PostgreSQL serves both the app and the raw baseline (bench/baseline.mjs); the hot paths are
// loaded with autocannon, app and baseline alternating (A B A B A B), and the median ratio is reported.
// Results: bench/results/<time>.json. Options: --scale province|national, --duration <s> per run; --only hot
// (the hot paths alone), --path <part of a hot path's name>, --profile (a CPU profile of the app under the load,
// summarized by bench/profile-summary.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { summarize } from './profile-summary.mjs';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SCALE = arg('scale', 'province');
const DURATION = Number(arg('duration', 8));
const ONLY_HOT = arg('only') === 'hot';
const PATH_FILTER = arg('path', '');
const PROFILE = process.argv.includes('--profile');
const DATA_DIR = resolve(process.env.BENCH_DATA_DIR ?? join(ROOT, '.data-load', SCALE));
const PASSWORD = 'Demo@12345';
const results = { startedAt: new Date().toISOString(), scale: SCALE, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version }, hotPaths: [], sqlPerRequest: {}, endpoints: [], other: {} };

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
};
const freePort = () => new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const ms = (x) => `${x.toFixed(1)} ms`;

function startProcess(name, args, env, ready) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${name} did not start:\n${out}`)), 120_000);
    const poll = setInterval(() => {
      if (out.includes(ready)) { clearInterval(poll); clearTimeout(timer); res({ child, output: () => out, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) }); }
    }, 50);
    child.once('exit', (code) => { clearInterval(poll); clearTimeout(timer); rej(new Error(`${name} exited with ${code}:\n${out}`)); });
  });
}

async function http(base, path, { method = 'GET', token, body, headers = {}, raw } = {}) {
  const t0 = performance.now();
  const res = await fetch(base + path, { method, headers: { ...(body && !raw ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: raw ?? (body ? JSON.stringify(body) : undefined) });
  const buf = Buffer.from(await res.arrayBuffer());
  const elapsed = performance.now() - t0;
  let json = null;
  try { json = JSON.parse(buf.toString()); } catch { /* binary */ }
  return { status: res.status, json, bytes: buf.length, ms: elapsed };
}

async function cannon(url, opts) {
  return new Promise((res, rej) => {
    autocannon({ url, duration: DURATION, ...opts }, (err, r) => (err ? rej(err) : res(r)));
  });
}

async function main() {
  console.log(`Cordon benchmarks (${SCALE} scale) on ${results.machine.cpus} cores, ${results.machine.memoryGb} GB, Node ${process.version}`);
  run(process.execPath, ['scripts/build.mjs']);
  if (!existsSync(join(DATA_DIR, 'load.json'))) {
    const t0 = Date.now();
    run(process.execPath, ['apps/api/dist/cli/seed-load.js', '--scale', SCALE], { env: { ...process.env, DATA_DIR } });
    results.other.loadSeconds = (Date.now() - t0) / 1000;
  }
  results.load = JSON.parse(readFileSync(join(DATA_DIR, 'load.json'), 'utf8'));

  // One PostgreSQL for both servers.
  const { EmbeddedDatabase } = require('./dist/database/embedded-database.js');
  const db = await EmbeddedDatabase.start(DATA_DIR, undefined);
  const url = db.urlFor('cordon');
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const countsFile = join(tmpdir(), `cordon-bench-sql-${process.pid}.json`);
  const limits = { RATE_LIMIT_AUTH_PER_MINUTE: '10000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '10000000' };
  const appPort = await freePort();
  const profileDir = join(ROOT, 'bench/results/profiles');
  const appEnv = { DATABASE_URL: url, DATA_DIR, SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_UNITS: SCALE === 'national' ? 'all' : 'province', ...limits };
  const app = await startProcess('api', [...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), '--require', join(ROOT, 'bench/count-sql.cjs'), 'apps/api/dist/main.js'], { ...appEnv, PORT: String(appPort), BENCH_SQL_COUNTS: countsFile, BENCH_PG_FROM: join(ROOT, 'apps/api') }, 'Cordon is running');
  // The app made DATA_DIR/secrets.json on its first start: the baseline checks the same tokens.
  const secrets = JSON.parse(readFileSync(join(DATA_DIR, 'secrets.json'), 'utf8'));
  const basePort = await freePort();
  const baseline = await startProcess('baseline', ['--require', join(ROOT, 'bench/count-sql.cjs'), 'bench/baseline.mjs'], { DATABASE_URL: url, PORT: String(basePort), JWT_SECRET: secrets.accessSecret, BENCH_SQL_COUNTS: `${countsFile}.base`, BENCH_PG_FROM: join(ROOT, 'bench') }, 'baseline ready');
  const A = `http://127.0.0.1:${appPort}`;
  const B = `http://127.0.0.1:${basePort}`;
  results.rateLimits = { note: 'the load comes from one address: the per-minute limits are raised for the benchmark', ...limits };
  console.log(`Rate limits in force for this run: auth ${limits.RATE_LIMIT_AUTH_PER_MINUTE}/min, public ${limits.RATE_LIMIT_PUBLIC_PER_MINUTE}/min per address (defaults: 20 and 300)`);

  // ---- fixtures --------------------------------------------------------------
  const signIn = async (username) => {
    const r = await http(A, '/api/v1/auth/login', { method: 'POST', body: { username, password: PASSWORD } });
    if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json.accessToken;
  };
  // Load as the province would see it: scans at every checkpoint of the province (each by its own officer),
  // declarations to every commune over the next week, so that no single dashboard bucket takes all the rows.
  const officers = (await sql.query(`SELECT u.username, u.checkpoint_id, c.province_code FROM users u JOIN checkpoints c ON c.id = u.checkpoint_id
                                      WHERE u.role = 'CHECKPOINT_OFFICER' AND u.username LIKE 'officer.l%' AND c.active
                                        AND c.province_code = (SELECT province_code FROM users WHERE username = 'health') ORDER BY u.username`)).rows;
  const [officer] = officers;
  for (const o of officers) o.token = await signIn(o.username);
  const health = await signIn('health');
  // The first dashboard read waits for the app's first rollup refresh, which catches up what earlier runs wrote:
  // measured load should not share the machine with that catch-up.
  const refreshed = await http(A, `/api/v1/arrivals/daily?from=${results.load.until}&to=${results.load.until}`, { token: health });
  if (refreshed.status !== 200) throw new Error(`rollup catch-up: ${refreshed.status}`);
  const codes = (await sql.query(`SELECT short_code FROM movement_declarations WHERE valid_until > now() + interval '1 hour' ORDER BY created_at DESC LIMIT 200000`)).rows.map((r) => r.short_code);
  const destinations = (await sql.query(`SELECT code FROM admin_units WHERE level = 'COMMUNE' AND province_code = $1 ORDER BY code`, [officer.province_code])).rows.map((r) => r.code);
  const [origin] = (await sql.query(`SELECT code FROM admin_units WHERE level = 'DISTRICT' AND province_code <> $1 ORDER BY code LIMIT 1`, [officer.province_code])).rows;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  let n = 0;
  const declaration = () => {
    n++;
    return JSON.stringify({
      traveller: { fullName: 'Nguyễn Văn Thử', idNumber: `0019${String(n % 1e8).padStart(8, '0')}`, dateOfBirth: '1990-01-01', gender: 'MALE', phone: '0912345678' },
      originUnitCode: origin.code, originAddress: 'Số 1 phố Huế', destinationCommuneCode: destinations[n % destinations.length], destinationAddress: 'Thôn 1', travelDate: addDays(today, n % 7),
      transportMode: 'CAR', purpose: 'Công tác', symptoms: [], contactWithCase: false, stayedInZone: false, vaccineDoses: 2,
    });
  };
  let c = 0;
  const key = () => `bench-${process.pid}-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  /** The next request of a hot path: the same body for the app and the baseline, each on its own route. */
  const declare = (path) => () => ({ path, headers: { 'idempotency-key': key() }, body: declaration() });
  const scan = (pathOf) => () => {
    const o = officers[c % officers.length];
    const body = JSON.stringify({ code: codes[c++ % codes.length], direction: 'IN', outcome: 'ALLOWED' });
    return { path: pathOf(o.checkpoint_id), headers: { authorization: `Bearer ${o.token}`, 'idempotency-key': key() }, body };
  };
  const hot = ([
    { name: 'declaration submit', app: declare('/api/v1/movement-declarations/anonymous'), base: declare('/declare') },
    { name: 'scan and record passage', app: scan((id) => `/api/v1/checkpoints/${id}/passages`), base: scan((id) => `/scan/${id}`) },
  ]).filter((h) => h.name.includes(PATH_FILTER));
  const cannonOpts = (next, connections) => ({
    connections,
    requests: [{ method: 'POST', setupRequest: (req) => { const r = next(); return { ...req, path: r.path, headers: { 'content-type': 'application/json', ...r.headers }, body: r.body }; } }],
  });

  // ---- SQL statements per request ---------------------------------------------
  const snapshot = async (proc, file) => { proc.child.kill('SIGUSR2'); await sleep(300); return JSON.parse(readFileSync(file, 'utf8')); };
  for (const h of hot) {
    for (const [label, side, proc, file, base] of [['app', h.app, app, countsFile, A], ['baseline', h.base, baseline, `${countsFile}.base`, B]]) {
      const before = await snapshot(proc, file);
      const N = 50;
      for (let i = 0; i < N; i++) {
        const next = side();
        const r = await http(base, next.path, { method: 'POST', headers: { 'content-type': 'application/json', ...next.headers }, raw: next.body });
        if (r.status !== 201) throw new Error(`${label} ${h.name}: ${r.status} ${JSON.stringify(r.json)}`);
      }
      const after = await snapshot(proc, file);
      const per = Object.fromEntries(Object.keys(after).map((k) => [k, +(((after[k] ?? 0) - (before[k] ?? 0)) / N).toFixed(2)]).filter(([, v]) => v > 0));
      (results.sqlPerRequest[h.name] ??= {})[label] = { ...per, total: +Object.values(per).reduce((a, b) => a + b, 0).toFixed(2) };
    }
    console.log(`SQL per request, ${h.name}: app ${JSON.stringify(results.sqlPerRequest[h.name].app)}; baseline ${JSON.stringify(results.sqlPerRequest[h.name].baseline)}`);
  }

  // ---- hot paths: A B A B A B at 16 and 64 connections -------------------------
  const sqlTimes = () => { app.child.kill('SIGUSR2'); return sleep(300).then(() => JSON.parse(readFileSync(`${countsFile}.times`, 'utf8'))); };
  for (const h of hot) {
    const timesBefore = await sqlTimes();
    for (const connections of [16, 64]) {
      await cannon(A, { ...cannonOpts(h.app, connections), duration: 3 }); // warm-up
      await cannon(B, { ...cannonOpts(h.base, connections), duration: 3 });
      const rounds = [];
      for (let i = 0; i < 3; i++) {
        const a = await cannon(A, cannonOpts(h.app, connections));
        const b = await cannon(B, cannonOpts(h.base, connections));
        rounds.push({ app: { rps: a.requests.average, p50: a.latency.p50, p99: a.latency.p99, errors: a.errors + a.non2xx }, baseline: { rps: b.requests.average, p50: b.latency.p50, p99: b.latency.p99, errors: b.errors + b.non2xx } });
      }
      const row = {
        endpoint: h.name, connections,
        app: { rps: median(rounds.map((r) => r.app.rps)), p50: median(rounds.map((r) => r.app.p50)), p99: median(rounds.map((r) => r.app.p99)), errors: rounds.reduce((s, r) => s + r.app.errors, 0) },
        baseline: { rps: median(rounds.map((r) => r.baseline.rps)), p50: median(rounds.map((r) => r.baseline.p50)), p99: median(rounds.map((r) => r.baseline.p99)), errors: rounds.reduce((s, r) => s + r.baseline.errors, 0) },
        rpsRatio: +median(rounds.map((r) => r.app.rps / r.baseline.rps)).toFixed(2),
        p99Ratio: +median(rounds.map((r) => r.app.p99 / r.baseline.p99)).toFixed(2),
        rounds,
      };
      results.hotPaths.push(row);
      console.log(`${h.name.padEnd(24)} c=${String(connections).padStart(2)}  app ${row.app.rps.toFixed(0).padStart(5)} req/s p50 ${row.app.p50} p99 ${row.app.p99} ms | baseline ${row.baseline.rps.toFixed(0).padStart(5)} req/s p50 ${row.baseline.p50} p99 ${row.baseline.p99} ms | ratio ${row.rpsRatio}x req/s, ${row.p99Ratio}x p99${row.app.errors ? ` | app errors ${row.app.errors}` : ''}`);
    }
    // Where the app's requests wait on PostgreSQL: mean time per statement under this load (sending to answer).
    const timesAfter = await sqlTimes();
    results.sqlTimes ??= {};
    results.sqlTimes[h.name] = Object.entries(timesAfter).map(([statement, t]) => ({ statement, count: t.count - (timesBefore[statement]?.count ?? 0), ms: t.ms - (timesBefore[statement]?.ms ?? 0) }))
      .filter((t) => t.count > 0).sort((a, b) => b.ms - a.ms).slice(0, 16).map((t) => ({ statement: t.statement, count: t.count, meanMs: +(t.ms / t.count).toFixed(2) }));
    console.log(`SQL under load, ${h.name} (mean ms per statement, most total time first):`);
    for (const t of results.sqlTimes[h.name]) console.log(`${t.meanMs.toFixed(2).padStart(8)} ms x ${String(t.count).padStart(6)}  ${t.statement}`);
  }
  await baseline.stop();

  if (ONLY_HOT || PROFILE) {
    const existing = new Set(existsSync(profileDir) ? readdirSync(profileDir) : []);
    await app.stop();
    await rollupCost();
    if (PROFILE) {
      const written = readdirSync(profileDir).find((f) => !existing.has(f));
      const summary = summarize(JSON.parse(readFileSync(join(profileDir, written), 'utf8')));
      results.profile = { file: `bench/results/profiles/${written}`, totalMs: summary.totalMs, byOrigin: summary.byOrigin.slice(0, 20), byFunction: summary.byFunction.slice(0, 30) };
      console.log(`CPU profile of the app (${results.profile.file}), self time by origin:`);
      for (const row of results.profile.byOrigin) console.log(`${row.share.toFixed(1).padStart(6)} %  ${row.name}`);
    }
    await sql.end();
    await db.stop();
    return save(true);
  }

  // ---- other endpoints: sequential samples (p50, p95) ---------------------------
  const sample = async (name, path, token, opts = {}, times = 20) => {
    const lat = [];
    let last;
    for (let i = 0; i < times; i++) {
      last = await http(A, path, { token, ...opts });
      if (last.status >= 300) throw new Error(`${name}: ${last.status} ${JSON.stringify(last.json)}`);
      lat.push(last.ms);
    }
    const row = { name, path, p50: +pct(lat, 50).toFixed(1), p95: +pct(lat, 95).toFixed(1), bytes: last.bytes };
    results.endpoints.push(row);
    console.log(`${name.padEnd(40)} p50 ${ms(row.p50).padStart(9)}  p95 ${ms(row.p95).padStart(9)}  ${row.bytes} bytes`);
  };
  const signInLat = [];
  for (let i = 0; i < 10; i++) { const r = await http(A, '/api/v1/auth/login', { method: 'POST', body: { username: 'health', password: PASSWORD } }); signInLat.push(r.ms); }
  results.endpoints.push({ name: 'sign-in (argon2id-bound)', path: 'POST /auth/login', p50: +pct(signInLat, 50).toFixed(1), p95: +pct(signInLat, 95).toFixed(1) });
  console.log(`${'sign-in (argon2id-bound)'.padEnd(40)} p50 ${ms(pct(signInLat, 50)).padStart(9)}  (argon2id m=19 MiB, t=2: bound by the hash, by design)`);
  // The commune with the most decisions waiting for signature (the load leaves the last day's as drafts).
  const [busy] = (await sql.query(`SELECT commune_code FROM documents WHERE kind = 'ISOLATION_DECISION' AND status = 'DRAFT' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows;
  const staffName = `bench.staff.${busy.commune_code}`;
  const leaderName = `bench.leader.${busy.commune_code}`;
  const hash = (await sql.query(`SELECT password_hash FROM users WHERE username = 'health'`)).rows[0].password_hash;
  const [unit] = (await sql.query(`SELECT province_code, district_code FROM admin_units WHERE code = $1`, [busy.commune_code])).rows;
  for (const [username, role] of [[staffName, 'COMMUNE_STAFF'], [leaderName, 'COMMUNE_LEADER']]) {
    await sql.query(`INSERT INTO users (id, username, password_hash, full_name, full_name_folded, role, status, unit_code, unit_level, province_code, district_code, commune_code, title)
                     VALUES (gen_random_uuid(), $1, $2, 'Cán bộ đo', 'can bo do', $3, 'ACTIVE', $4, 'COMMUNE', $5, $6, $4, 'Chủ tịch UBND xã') ON CONFLICT (username) DO NOTHING`, [username, hash, role, busy.commune_code, unit.province_code, unit.district_code]);
  }
  const staff = await signIn(staffName);
  const leader = await signIn(leaderName);
  const to = results.load.until;
  await sample('commune inbox (case reports)', '/api/v1/case-reports?limit=50', staff);
  await sample('commune case list', '/api/v1/cases?limit=50', staff);
  await sample('commune cases needing attention', '/api/v1/cases?view=ATTENTION&limit=50', staff);
  await sample('province case list', '/api/v1/cases?limit=50', health);
  await sample('dashboard: cases per day', `/api/v1/cases/daily?from=${addDays(to, -29)}&to=${to}`, health);
  await sample('dashboard: arrivals per day', `/api/v1/arrivals/daily?from=${addDays(to, -29)}&to=${to}`, health);
  await sample('dashboard: checkpoint stats', `/api/v1/checkpoints/stats?from=${addDays(to, -6)}&to=${to}`, health);
  await sample('arrivals board', '/api/v1/arrivals?limit=50', health);
  await sample('daily report', `/api/v1/reports/daily?date=${to}`, health);
  await sample('one PDF: daily report', `/api/v1/reports/daily.pdf?date=${to}`, health, {}, 10);

  // ---- CSV export of the whole period: time and the server's peak memory -------
  const rssOf = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, 'utf8'))[1]) * 1024;
  const rssBefore = rssOf();
  let peak = rssBefore;
  const poll = setInterval(() => { peak = Math.max(peak, rssOf()); }, 50);
  const t0 = performance.now();
  const csv = await http(A, `/api/v1/arrivals/export.csv?from=${addDays(to, -29)}&to=${to}`, { token: health });
  clearInterval(poll);
  const rows = csv.bytes ? (await (await fetch(`${A}/api/v1/arrivals/export.csv?from=${addDays(to, -1)}&to=${to}`, { headers: { authorization: `Bearer ${health}` } })).text()).split('\r\n').length : 0;
  results.other.csvExport = { path: '/arrivals/export.csv (30 days)', seconds: +((performance.now() - t0) / 1000).toFixed(1), megabytes: +(csv.bytes / 1024 ** 2).toFixed(1), rssBeforeMb: Math.round(rssBefore / 1024 ** 2), rssPeakMb: Math.round(peak / 1024 ** 2), sampleRowsLastTwoDays: rows };
  console.log(`CSV export of 30 days of arrivals: ${results.other.csvExport.megabytes} MB in ${results.other.csvExport.seconds} s; server RSS ${results.other.csvExport.rssBeforeMb} -> peak ${results.other.csvExport.rssPeakMb} MB`);

  // ---- signing a batch of 200 isolation decisions (numbers, PDFs) ---------------
  // No commune of the load has 200 decisions waiting at once (and earlier runs signed some): the batch is topped
  // up to 200 with copies of other communes' drafts, moved to this commune (new ids and verification codes).
  const waiting = Number((await sql.query(`SELECT count(*) FROM documents WHERE commune_code = $1 AND kind = 'ISOLATION_DECISION' AND status = 'DRAFT'`, [busy.commune_code])).rows[0].count);
  if (waiting < 200) {
    const columns = (await sql.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'documents' ORDER BY ordinal_position`)).rows.map((r) => r.column_name);
    const moved = { id: 'gen_random_uuid()', verify_code: `substr(md5(random()::text || d.id::text), 1, 24)`, commune_code: '$1::varchar', district_code: '$2::varchar', province_code: '$3::varchar' };
    await sql.query(
      `INSERT INTO documents (${columns.join(', ')}) SELECT ${columns.map((c) => moved[c] ?? `d.${c}`).join(', ')}
         FROM documents d WHERE d.kind = 'ISOLATION_DECISION' AND d.status = 'DRAFT' AND d.commune_code <> $1::varchar LIMIT $4`,
      [busy.commune_code, unit.district_code, unit.province_code, 200 - waiting],
    );
  }
  const drafts = (await sql.query(`SELECT id FROM documents WHERE commune_code = $1 AND kind = 'ISOLATION_DECISION' AND status = 'DRAFT' LIMIT 200`, [busy.commune_code])).rows.map((r) => r.id);
  {
    const t1 = performance.now();
    const signed = await http(A, '/api/v1/isolation-decisions/sign', { method: 'POST', token: leader, body: { ids: drafts }, headers: { 'idempotency-key': key() } });
    results.other.signBatch = { documents: drafts.length, status: signed.status, seconds: +((performance.now() - t1) / 1000).toFixed(2) };
    console.log(`Signing a batch of ${drafts.length} isolation decisions with their PDFs: ${results.other.signBatch.seconds} s (status ${signed.status})`);
  }

  // ---- importing 10,000 accounts ---------------------------------------------------
  const admin = await signIn('admin');
  const communes = (await sql.query(`SELECT code FROM admin_units WHERE level = 'COMMUNE' AND province_code = '08' ORDER BY code`)).rows.map((r) => r.code);
  const stamp = Date.now().toString(36);
  const lines = ['Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị hành chính'];
  for (let i = 0; i < 10_000; i++) lines.push(`b${stamp}.${i},Cán bộ ${i},Cán bộ xã,${communes[i % communes.length]}`);
  const t2 = performance.now();
  const preview = await http(A, '/api/v1/accounts/imports?fileName=bench.csv', { method: 'POST', token: admin, raw: lines.join('\r\n'), headers: { 'content-type': 'text/csv', 'idempotency-key': key() } });
  const previewSeconds = (performance.now() - t2) / 1000;
  await http(A, `/api/v1/accounts/imports/${preview.json.id}/commit`, { method: 'POST', token: admin });
  let job;
  do { await sleep(200); job = (await http(A, `/api/v1/accounts/imports/${preview.json.id}`, { token: admin })).json; } while (job.state === 'COMMITTING');
  results.other.import10k = { state: job.state, previewSeconds: +previewSeconds.toFixed(1), totalSeconds: +((performance.now() - t2) / 1000).toFixed(1) };
  console.log(`Importing 10,000 accounts: preview ${results.other.import10k.previewSeconds} s, preview + commit ${results.other.import10k.totalSeconds} s (${job.state})`);

  await app.stop();
  await rollupCost();
  await sql.end();
  await db.stop();

  // ---- cold start of `pnpm start` on the loaded data folder ------------------------
  const t3 = performance.now();
  const cold = await startProcess('pnpm start', ['scripts/start.mjs'], { DATA_DIR, PORT: String(await freePort()), LOG_LEVEL: 'info', SEED_UNITS: SCALE === 'national' ? 'all' : 'province' }, 'Cordon is running');
  results.other.coldStartSeconds = +((performance.now() - t3) / 1000).toFixed(1);
  await cold.stop();
  console.log(`Cold start of pnpm start on the loaded data folder: ${results.other.coldStartSeconds} s`);

  // ---- first load of each SPA ------------------------------------------------------------
  results.other.spaFirstLoadKbGzip = {};
  for (const spa of ['citizen', 'commune', 'province']) {
    const out = spawnSync(process.execPath, ['libs/web/scripts/first-load-size.mjs', `apps/${spa}/dist`], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const kb = Number(/first-load JS:.*gzip ([\d.]+) KB/.exec(out)?.[1]);
    results.other.spaFirstLoadKbGzip[spa] = kb;
  }
  console.log(`SPA first load (gzipped JS): ${JSON.stringify(results.other.spaFirstLoadKbGzip)}`);

  save(false);

  /**
   * What the rollups cost the declaration insert: the submit at 16 connections on an app refreshing every 30 s,
   * then on one without the timer, each alone (any process's refresh would count the other's rows), twice.
   */
  async function rollupCost() {
    const submit = hot.find((h) => h.name === 'declaration submit');
    if (!submit || PROFILE) return;
    const rounds = [];
    for (let i = 0; i < 2; i++) {
      const round = {};
      for (const [label, refresh] of [['withRefresh', '30'], ['withoutRefresh', '0']]) {
        const port = await freePort();
        const proc = await startProcess(`api (ROLLUP_REFRESH_SECONDS=${refresh})`, ['apps/api/dist/main.js'], { ...appEnv, PORT: String(port), ROLLUP_REFRESH_SECONDS: refresh }, 'Cordon is running');
        // 40 s, so that each run with the timer includes at least one refresh.
        round[label] = (await cannon(`http://127.0.0.1:${port}`, { ...cannonOpts(submit.app, 16), duration: 40 })).requests.average;
        await proc.stop();
      }
      rounds.push(round);
    }
    const ratio = Math.min(...rounds.map((r) => r.withRefresh / r.withoutRefresh));
    results.other.rollupCost = { rounds, worstRatio: +ratio.toFixed(2), costPercent: +(100 * (1 - ratio)).toFixed(1) };
    console.log(`Rollup refresh cost to the declaration submit (c=16, 40 s runs): ${rounds.map((r) => `${r.withRefresh.toFixed(0)} with vs ${r.withoutRefresh.toFixed(0)} req/s without`).join(', ')}; worst ${results.other.rollupCost.costPercent} %`);
  }

  /** Writes the results; a partial run (--only hot, --profile) is kept out of docs/performance.md. */
  function save(partial) {
    results.finishedAt = new Date().toISOString();
    if (partial) results.partial = true;
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const file = join(ROOT, 'bench/results', `${results.startedAt.replace(/[:.]/g, '-')}-${SCALE}${partial ? '-partial' : ''}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    rmSync(countsFile, { force: true });
    rmSync(`${countsFile}.base`, { force: true });
    console.log(`Results: ${file}`);
    if (!partial) run(process.execPath, ['bench/report.mjs', file]);
  }
}

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
