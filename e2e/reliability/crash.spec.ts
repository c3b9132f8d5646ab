import { createHash, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isAlive, postgresPid, removeDataDir, startCordon, tempDataDir, type Cordon } from '../support/cordon';
import { call, declarationBody, infectionReportBody, login, percentile, round, sleep, writeResults, type Answer } from './support/load';
import { withClient } from './support/postgres';

/**
 * Crash safety: under a load of writes (movement declarations, F0 reports, their acceptance into cases,
 * isolation-decision drafts and their signing by commune leaders), the API is killed with SIGKILL three
 * times at random moments while requests are in flight, and started again on the same data folder each
 * time. Every write the client saw acknowledged must be in the database afterwards, and document numbers
 * per commune, kind and year must stay unique and gapless.
 */

const KILLS = 3;
const COMMUNES = ['02212', '02230'];
const CITIZENS = ['0912000001', '0912000002', '0912000003'];

interface Signed {
  id: string;
  number: number;
  numberText: string;
  communeCode: string;
  year: number;
  pdfSha256: string;
}

const dataDir = tempDataDir();
let cordon: Cordon | undefined;
afterAll(async () => {
  await cordon?.stop('SIGTERM').catch(() => undefined);
  removeDataDir(dataDir);
});

describe('crash safety (kill -9 under load)', () => {
  it('keeps every acknowledged write and numbers documents without gaps or duplicates', async () => {
    const pgPort = await freePort();
    const env = { EMBEDDED_PG_PORT: String(pgPort) };
    const t0 = performance.now();
    cordon = await startCordon(dataDir, env);
    const firstStartMs = performance.now() - t0;
    let base = cordon.url;
    let up = true;

    const tokens = new Map<string, string>();
    const signInAll = async () => {
      for (const user of [...CITIZENS, ...COMMUNES.flatMap((c) => [`staff.${c}`, `leader.${c}`])]) tokens.set(user, await login(base, user));
    };
    await signInAll();

    const attempted = { declarations: 0, reports: 0, accepts: 0, drafts: 0, signatures: 0 };
    const unanswered = { declarations: 0, reports: 0, accepts: 0, drafts: 0, signatures: 0 };
    /** Requests answered 2xx (a draft or signature request may carry several documents). */
    const acknowledgedRequests = { declarations: 0, reports: 0, accepts: 0, drafts: 0, signatures: 0 };
    const acked = {
      declarations: [] as { id: string; shortCode: string }[],
      reports: [] as string[],
      cases: [] as { reportId: string; caseId: string }[],
      drafts: [] as string[],
      signed: [] as Signed[],
    };
    const unexpected: string[] = [];
    const latencies: Record<string, number[]> = {};
    /** Idempotent writes that got no answer (cut off by a kill): retried with the same key at the end. */
    const cutOff: { path: string; body: unknown; token?: string; key: string }[] = [];
    let inFlight = 0;
    let signingInFlight = 0;
    let running = true;

    /** One write: counts it, and whether an answer came at all (a kill cuts the answer off). */
    const write = async <T>(kind: keyof typeof attempted, path: string, init: { body: unknown; token?: string; idempotent?: boolean }): Promise<Answer<T>> => {
      attempted[kind]++;
      inFlight++;
      if (kind === 'signatures') signingInFlight++;
      const key = init.idempotent ? randomUUID() : undefined;
      try {
        const res = await call<T>(base, path, { body: init.body, token: init.token, timeoutMs: 60_000, headers: key ? { 'idempotency-key': key } : undefined });
        (latencies[kind] ??= []).push(res.ms);
        if (res.status >= 200 && res.status < 300) acknowledgedRequests[kind]++;
        if (res.status === 0) {
          unanswered[kind]++;
          if (key) cutOff.push({ path, body: init.body, token: init.token, key });
        }
        else if (res.status >= 500 || res.status === 401) unexpected.push(`${kind} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
        return res;
      } finally {
        inFlight--;
        if (kind === 'signatures') signingInFlight--;
      }
    };
    const read = async <T>(path: string, token: string): Promise<Answer<T>> => call<T>(base, path, { token, timeoutMs: 60_000 });

    const loop = (body: () => Promise<void>) =>
      (async () => {
        while (running) {
          if (!up) {
            await sleep(100);
            continue;
          }
          await body();
        }
      })();

    let n = 0;
    const workers = [
      // Movement declarations: anonymous travellers, and citizens declaring for themselves (Idempotency-Key).
      ...[0, 1, 2].map((w) =>
        loop(async () => {
          const citizen = CITIZENS[n++ % CITIZENS.length];
          const anonymous = (n + w) % 2 === 0;
          const { traveller: _traveller, ...trip } = declarationBody();
          const res = anonymous
            ? await write<{ id: string; shortCode: string }>('declarations', '/movement-declarations/anonymous', { body: declarationBody() })
            : await write<{ id: string; shortCode: string }>('declarations', '/movement-declarations', { body: { ...trip, forSelf: true }, token: tokens.get(citizen), idempotent: true });
          if (res.status === 201) acked.declarations.push({ id: res.body.id, shortCode: res.body.shortCode });
        }),
      ),
      // F0 reports filed by the demo citizens for relatives in the two communes.
      loop(async () => {
        const citizen = CITIZENS[n++ % CITIZENS.length];
        const res = await write<{ id: string }>('reports', '/case-reports/infection', { body: infectionReportBody(COMMUNES[n % COMMUNES.length]), token: tokens.get(citizen), idempotent: true });
        if (res.status === 201) acked.reports.push(res.body.id);
        else await sleep(50);
      }),
      // Commune staff accept the reports (opening cases) and draft isolation decisions for them.
      ...COMMUNES.map((commune) =>
        loop(async () => {
          const staff = tokens.get(`staff.${commune}`)!;
          const list = await read<{ items: { id: string }[] }>(`/case-reports?status=SUBMITTED&kind=INFECTION&communeCode=${commune}&limit=5`, staff);
          if (list.status !== 200 || !list.body.items.length) return sleep(150);
          const accepted: string[] = [];
          for (const report of list.body.items) {
            const res = await write<{ case: { id: string } }>('accepts', `/case-reports/${report.id}/accept`, { body: {}, token: staff });
            if (res.status === 200) {
              acked.cases.push({ reportId: report.id, caseId: res.body.case.id });
              accepted.push(report.id);
            }
          }
          if (!accepted.length) return;
          const drafts = await write<{ items: { id: string }[] }>('drafts', '/isolation-decisions', { body: { reportIds: accepted }, token: staff });
          if (drafts.status === 201) acked.drafts.push(...drafts.body.items.map((d) => d.id));
        }),
      ),
      // Commune leaders sign the drafts, one to three at a time: each signature allocates a number.
      ...COMMUNES.map((commune) =>
        loop(async () => {
          const leader = tokens.get(`leader.${commune}`)!;
          const list = await read<{ items: { id: string }[] }>(`/isolation-decisions?status=DRAFT&communeCode=${commune}&limit=${1 + (n++ % 3)}`, leader);
          if (list.status !== 200 || !list.body.items.length) return sleep(150);
          const res = await write<{ items: Signed[] }>('signatures', '/isolation-decisions/sign', { body: { ids: list.body.items.map((d) => d.id) }, token: leader });
          if (res.status === 200) acked.signed.push(...res.body.items.map((d) => ({ id: d.id, number: d.number, numberText: d.numberText, communeCode: d.communeCode, year: d.year, pdfSha256: d.pdfSha256 })));
        }),
      ),
    ];

    /** Runs the load until this API instance has acknowledged some writes of each kind (at most 40 s). */
    const progress = async () => {
      const since = { declarations: acked.declarations.length, reports: acked.reports.length, signed: acked.signed.length };
      const started = performance.now();
      while (performance.now() - started < 40_000) {
        if (acked.declarations.length - since.declarations >= 8 && acked.reports.length - since.reports >= 2 && acked.signed.length - since.signed >= 2) break;
        await sleep(100);
      }
      return performance.now() - started;
    };

    const restarts: { loadMs: number; inFlight: number; signingInFlight: number; restartMs: number; postgresLeftRunning: boolean }[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      // Let the load run, then a random while more, then kill at a moment with writes in flight (a signature if one comes).
      const loadStart = performance.now();
      await progress();
      await sleep(Math.random() * 2000);
      const loadMs = performance.now() - loadStart;
      const waitUntil = performance.now() + 1500;
      while (performance.now() < waitUntil && !(signingInFlight > 0 && Math.random() < 0.5) && !(inFlight > 2 && performance.now() > waitUntil - 750)) await sleep(5 + Math.random() * 20);
      const pg = postgresPid(dataDir);
      const snapshot = { inFlight, signingInFlight };
      up = false;
      await cordon.stop('SIGKILL');
      const killedAt = performance.now();
      const postgresLeftRunning = pg !== null && isAlive(pg);
      cordon = await startCordon(dataDir, env);
      const restartMs = performance.now() - killedAt;
      base = cordon.url;
      up = true;
      restarts.push({ loadMs: round(loadMs), ...snapshot, restartMs: round(restartMs), postgresLeftRunning });
    }
    // The last instance takes writes too.
    await progress();
    running = false;
    await Promise.all(workers);

    // A client retrying a write whose answer the kill cut off, with the same Idempotency-Key, gets an answer.
    const retries: Record<string, number> = {};
    for (const r of cutOff) {
      const res = await call<{ code?: string }>(base, r.path, { body: r.body, token: r.token, headers: { 'idempotency-key': r.key } });
      const label = `${res.status}${res.body?.code ? ` ${res.body.code}` : ''}`;
      retries[label] = (retries[label] ?? 0) + 1;
    }

    // Everything acknowledged is in the database; numbers are unique and gapless.
    const db = `postgres://cordon:cordon-local@127.0.0.1:${pgPort}/cordon`;
    const check = await withClient(db, async (client) => {
      const present = async (table: string, ids: string[]) => {
        const { rows } = await client.query(`SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
        return new Set(rows.map((r: { id: string }) => r.id));
      };
      const declarations = await present('movement_declarations', acked.declarations.map((d) => d.id));
      const reports = await present('case_reports', acked.reports);
      const cases = await present('cases', acked.cases.map((c) => c.caseId));
      const drafts = await present('documents', acked.drafts);
      const { rows: signedRows } = await client.query(
        `SELECT d.id::text, d.status, d.number, d.number_text, d.commune_code, d.year, d.pdf_sha256, f.data
           FROM documents d LEFT JOIN stored_files f ON f.id = d.pdf_file_id WHERE d.id = ANY($1::uuid[])`,
        [acked.signed.map((s) => s.id)],
      );
      const byId = new Map(signedRows.map((r: { id: string }) => [r.id, r as { id: string; status: string; number: number; number_text: string; commune_code: string; year: number; pdf_sha256: string; data: Buffer | null }]));
      const signedLost = acked.signed.filter((s) => {
        const row = byId.get(s.id);
        return !row || row.status !== 'ISSUED' || row.number !== s.number || row.number_text !== s.numberText || row.pdf_sha256 !== s.pdfSha256 || !row.data || createHash('sha256').update(row.data).digest('hex') !== s.pdfSha256;
      });
      const { rows: numbered } = await client.query(`SELECT commune_code, kind, year, array_agg(number ORDER BY number) AS numbers FROM documents WHERE number IS NOT NULL GROUP BY 1, 2, 3`);
      const { rows: counters } = await client.query(`SELECT commune_code, kind, year, last_number FROM document_counters`);
      const series = numbered.map((r: { commune_code: string; kind: string; year: number; numbers: number[] }) => {
        const counter = counters.find((c: { commune_code: string; kind: string; year: number }) => c.commune_code === r.commune_code && c.kind === r.kind && c.year === r.year) as { last_number: number } | undefined;
        const max = Math.max(...r.numbers);
        const distinct = new Set(r.numbers).size;
        return { series: `${r.commune_code}/${r.kind}/${r.year}`, issued: r.numbers.length, duplicates: r.numbers.length - distinct, gaps: max - distinct, counter: counter?.last_number ?? null };
      });
      return {
        lost: {
          declarations: acked.declarations.filter((d) => !declarations.has(d.id)).length,
          reports: acked.reports.filter((id) => !reports.has(id)).length,
          cases: acked.cases.filter((c) => !cases.has(c.caseId)).length,
          drafts: acked.drafts.filter((id) => !drafts.has(id)).length,
          signatures: signedLost.length,
        },
        series,
      };
    });
    // The API still reads them back after the last restart.
    const sample = acked.signed.slice(-5);
    const readBack = await Promise.all(sample.map((s) => read<{ numberText: string; status: string }>(`/isolation-decisions/${s.id}`, tokens.get(`leader.${s.communeCode}`)!)));

    const acknowledged = { declarations: acked.declarations.length, reports: acked.reports.length, cases: acked.cases.length, draftedDocuments: acked.drafts.length, signedDocuments: acked.signed.length };
    const lost = Object.values(check.lost).reduce((a, b) => a + b, 0);
    const figures = {
      kills: KILLS,
      durationMs: round(performance.now() - t0),
      firstStartMs: round(firstStartMs),
      restarts,
      writes: {
        attempted: Object.values(attempted).reduce((a, b) => a + b, 0),
        acknowledged: Object.values(acknowledgedRequests).reduce((a, b) => a + b, 0),
        unansweredAtKill: Object.values(unanswered).reduce((a, b) => a + b, 0),
        lost,
      },
      attempted,
      acknowledgedRequests,
      acknowledged,
      unansweredAtKill: unanswered,
      lost: check.lost,
      lostTotal: lost,
      documentNumbers: {
        issued: check.series.reduce((a, s) => a + s.issued, 0),
        gaps: check.series.reduce((a, s) => a + s.gaps, 0),
        duplicates: check.series.reduce((a, s) => a + s.duplicates, 0),
        series: check.series,
      },
      latencyMs: Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, { p50: round(percentile(v, 50)), p95: round(percentile(v, 95)) }])),
      retriesOfCutOffWrites: retries,
      unexpectedAnswers: unexpected.slice(0, 10),
    };
    console.log('crash safety:', JSON.stringify(figures, null, 2));
    writeResults('crash', figures);

    expect(restarts).toHaveLength(KILLS);
    expect(restarts.every((r) => r.inFlight > 0)).toBe(true);
    expect(acknowledged.declarations).toBeGreaterThan(20);
    expect(acknowledged.reports).toBeGreaterThan(5);
    expect(acknowledged.signedDocuments).toBeGreaterThan(3);
    expect(check.lost).toEqual({ declarations: 0, reports: 0, cases: 0, drafts: 0, signatures: 0 });
    expect(figures.documentNumbers.issued).toBeGreaterThanOrEqual(acknowledged.signedDocuments);
    for (const s of check.series) {
      expect(s.duplicates).toBe(0);
      expect(s.gaps).toBe(0);
      expect(s.counter).toBe(s.issued);
    }
    expect(readBack.map((r) => r.status)).toEqual(sample.map(() => 200));
    expect(readBack.map((r) => r.body.numberText)).toEqual(sample.map((s) => s.numberText));
    expect(unexpected).toEqual([]);
    // Retrying a cut-off write with its Idempotency-Key works (it is not stuck "in progress" for 24 hours).
    expect(Object.keys(retries).filter((k) => k !== '201')).toEqual([]);
  });
});
