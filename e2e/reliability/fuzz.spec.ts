import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, fuzzTargets, generateCases, type FuzzCase, type OpenApiDoc, type Target } from './support/fuzz-cases';
import { call, errorShapeProblem, mapLimit, saveFigures, saveLog, seconds, signIn, startPlatform, type Platform } from './support/harness';
import { checkLogs, numbersSent, storedPersonalNumbers, withoutDemoBanner } from './support/personal-data';

/**
 * Fuzzing: at least 10,000 malformed requests generated from the OpenAPI document (support/fuzz-cases.ts)
 * against one platform, 8 at a time, each with a token of a role the operation allows (or none, or a forged
 * one). No answer may be a 5xx; every 4xx has the documented error shape; and no request that was refused
 * writes a row: the row count of every table (exact count(*), append-only audit_events, rate_limit_buckets
 * and idempotency_records aside) is the same before and after each group of refused requests.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_200);
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 30_000;
/** Tables any request may append to (audit trail, rate-limit windows, remembered idempotency keys). */
const APPEND_ONLY = ['audit_events', 'rate_limit_buckets', 'idempotency_records'];

/** One demo account per role (apps/api/src/seed/demo-seed.ts). */
const DEMO_USERS: Record<string, string> = {
  ACCOUNT_ADMIN: 'admin',
  HEALTH_OFFICER: 'health',
  POLICE_ADMIN: 'police',
  TRANSPORT_OFFICER: 'transport',
  DISTRICT_OFFICER: 'district.070',
  COMMUNE_STAFF: 'staff.02200',
  COMMUNE_LEADER: 'leader.02200',
  CHECKPOINT_OFFICER: 'officer.ql2-pt',
  CITIZEN: '0912000001',
};

interface Problem {
  operation: string;
  kind: string;
  role: string | null;
  status: number | string;
  problem: string;
  request: string;
}

let platform: Platform;
const tokens: Record<string, string> = {};
let checkpointId = '';
/** Every ID and phone number the requests carried, to look for in the logs. */
const sentNumbers = new Set<string>();
let figures: Record<string, unknown> = {};

beforeAll(async () => {
  platform = await startPlatform();
  for (const [role, username] of Object.entries(DEMO_USERS)) {
    const session = await signIn(platform.url, username);
    tokens[role] = session.token;
    if (role === 'CHECKPOINT_OFFICER') checkpointId = session.user.jurisdiction?.checkpointId ?? '';
  }
});

afterAll(async () => {
  if (!platform) return;
  await platform.stop();
  saveLog('fuzz', platform.cordon.output());
  saveFigures('fuzz', figures);
});

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await platform.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ORDER BY 1`,
    [APPEND_ONLY],
  );
  const rows = await platform.query<{ t: string; n: number }>(tables.map((t) => `SELECT '${t.table_name}' AS t, count(*)::int AS n FROM "${t.table_name}"`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

function forged(token: string): string {
  const [header, payload] = token.split('.');
  return `${header}.${payload}.${Buffer.from('not the signature of this token').toString('base64url')}`;
}

function describeCase(c: FuzzCase): string {
  const sent = bodyOf(c);
  const body = sent === undefined ? '' : ` ${c.contentType ?? '(no content type)'} ${(Buffer.isBuffer(sent) ? sent.toString('latin1') : sent).slice(0, 160)}${sent.length > 160 ? `... (${sent.length} chars)` : ''}`;
  return `${c.method} ${c.path.slice(0, 200)}${body}`;
}

interface Outcome {
  status: number | 'no answer' | 'closed';
  problem: string | null;
}

/** Problems grouped by operation, kind and status, with one example each. */
function tally(problems: Problem[]): { what: string; count: number; example: string }[] {
  const groups = new Map<string, { what: string; count: number; example: string }>();
  for (const p of problems) {
    const what = `${p.operation} ${p.kind} -> ${p.status}: ${p.problem.slice(0, 100)}`;
    const g = groups.get(what) ?? { what, count: 0, example: p.request };
    g.count++;
    groups.set(what, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/**
 * Sends a case. A body over the limit is answered 413 as soon as its head arrives and the connection is then
 * closed: the client may still be writing and fail (EPIPE) before it reads the answer. Such a case is sent
 * again (twice at most) and otherwise counted as `closed`, which is the server refusing it too.
 */
async function send(c: FuzzCase): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await sendOnce(c);
    if (c.kind !== 'over-1-mib' || outcome.status !== 'no answer') return outcome;
    if (attempt === 3) return { status: 'closed', problem: null };
  }
}

async function sendOnce(c: FuzzCase): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (c.auth === 'token' && c.role) headers.authorization = `Bearer ${tokens[c.role]}`;
  if (c.auth === 'forged') headers.authorization = `Bearer ${forged(tokens[c.target.roles?.[0] ?? 'CITIZEN'] ?? tokens.CITIZEN)}`;
  if (c.contentType) headers['content-type'] = c.contentType;
  try {
    const res = await fetch(`${platform.url}${c.path}`, { method: c.method, headers, body: bodyOf(c) as BodyInit | undefined, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await res.text();
    if (res.status >= 500) return { status: res.status, problem: `5xx: ${text.slice(0, 200)}` };
    if (res.status >= 400) {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: reported by the shape check
      }
      const problem = errorShapeProblem(res.status, res.headers, body);
      return { status: res.status, problem: problem && `error shape: ${problem}` };
    }
    return { status: res.status, problem: null };
  } catch (err) {
    return { status: 'no answer', problem: `no answer: ${(err as Error).message} ${((err as Error).cause as Error | undefined)?.message ?? ''}` };
  }
}

describe('fuzzing', () => {
  it(`answers ${TOTAL}+ malformed requests without a 5xx, always in the error shape, and writes nothing for them`, async () => {
    const t0 = Date.now();
    const doc = (await call<OpenApiDoc>(platform.url, '/api/docs-json')).body;
    const undeclared = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => !op['x-roles']?.length && op['x-public'] !== true).map(([m]) => `${m.toUpperCase()} ${path}`));
    expect(undeclared).toEqual([]);

    const targets = fuzzTargets(doc);
    const perTarget = Math.ceil(TOTAL / targets.length);
    const cases = generateCases(
      {
        doc,
        seed: SEED,
        roles: Object.keys(tokens),
        pathParam: (target: Target, name: string, role: string | null) => (name === 'id' && target.path.startsWith('/api/v1/checkpoints/{id}') && role === 'CHECKPOINT_OFFICER' ? checkpointId : name === 'code' ? '02200' : '019a0000-0000-7000-8000-000000000000'),
      },
      targets,
      perTarget,
    );
    for (const c of cases) {
      numbersSent(c.path, sentNumbers);
      // (Long bodies repeat one character around the same base body as the short ones.)
      if (typeof c.body === 'string' && c.body.length < 64 * 1024) numbersSent(c.body, sentNumbers);
    }
    console.log(`[fuzz] seed ${SEED}: ${cases.length} requests over ${targets.length} operations (${cases.filter((c) => c.group === 'invalid').length} invalid, ${cases.filter((c) => c.group === 'plausible').length} plausible), ${CONCURRENCY} at a time`);

    const byStatus: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    const byOperation: Record<string, number> = {};
    const msByOperation: Record<string, number> = {};
    const serverErrors: Problem[] = [];
    const shapeViolations: Problem[] = [];
    const invalidAccepted: Problem[] = [];
    const rowsWritten: { operation: string; group: string; table: string; delta: number }[] = [];
    let plausibleAccepted = 0;
    const groupsNotCompared: string[] = [];
    let groupsCompared = 0;
    let counts = await rowCounts();
    for (const target of targets) {
      for (const group of ['invalid', 'plausible'] as const) {
        const batch = cases.filter((c) => c.target === target && c.group === group);
        if (!batch.length) continue;
        const g0 = Date.now();
        const outcomes = await mapLimit(batch, CONCURRENCY, send);
        msByOperation[target.name] = (msByOperation[target.name] ?? 0) + Date.now() - g0;
        // Successful requests (reads included: a report may fill a cache table) make a group's row counts
        // unattributable; a group where every request was refused must have written nothing.
        let succeeded = 0;
        let writesAccepted = 0;
        outcomes.forEach((o, i) => {
          const c = batch[i];
          byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
          byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
          byOperation[target.name] = (byOperation[target.name] ?? 0) + 1;
          const row = (problem: string): Problem => ({ operation: target.name, kind: c.kind, role: c.role, status: o.status, problem, request: describeCase(c) });
          if (o.problem?.startsWith('error shape')) shapeViolations.push(row(o.problem));
          else if (o.problem) serverErrors.push(row(o.problem));
          if (typeof o.status === 'number' && o.status < 400) {
            succeeded++;
            if (c.method !== 'GET') {
              writesAccepted++;
              if (group === 'invalid') invalidAccepted.push(row(`accepted with ${o.status}`));
            }
          }
        });
        const after = await rowCounts();
        if (succeeded === 0) {
          groupsCompared++;
          for (const table of Object.keys(after)) {
            if (after[table] !== counts[table]) rowsWritten.push({ operation: target.name, group, table, delta: after[table] - (counts[table] ?? 0) });
          }
        } else {
          groupsNotCompared.push(`${target.name} ${group} (${succeeded} succeeded)`);
        }
        if (group === 'plausible') plausibleAccepted += writesAccepted;
        counts = after;
      }
    }

    figures = {
      seed: SEED,
      requests: cases.length,
      operations: targets.length,
      concurrency: CONCURRENCY,
      invalidRequests: cases.filter((c) => c.group === 'invalid').length,
      plausibleRequests: cases.filter((c) => c.group === 'plausible').length,
      serverErrors: serverErrors.length,
      shapeViolations: shapeViolations.length,
      invalidAccepted: invalidAccepted.length,
      rowsWrittenByRejectedRequests: rowsWritten.reduce((a, r) => a + Math.abs(r.delta), 0),
      plausibleAccepted,
      groupsCompared,
      groupsNotCompared,
      byStatus,
      byKind,
      byOperation,
      slowestOperations: Object.entries(msByOperation).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([op, ms]) => `${op}: ${seconds(ms)} s`),
      problemsByKind: tally([...serverErrors, ...shapeViolations, ...invalidAccepted]),
      seconds: seconds(Date.now() - t0),
      examples: { serverErrors: serverErrors.slice(0, 20), shapeViolations: shapeViolations.slice(0, 20), invalidAccepted: invalidAccepted.slice(0, 20), rowsWritten: rowsWritten.slice(0, 20) },
    };
    console.log(`[fuzz] by status: ${Object.entries(byStatus).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
    console.log(`[fuzz] by operation: ${Object.values(byOperation).length} operations, ${Math.min(...Object.values(byOperation))}-${Math.max(...Object.values(byOperation))} requests each`);
    console.log(
      `[fuzz] ${cases.length} requests in ${seconds(Date.now() - t0)} s: 5xx = ${serverErrors.length}, shape violations = ${shapeViolations.length}, invalid accepted = ${invalidAccepted.length}, rows written by rejected requests = ${figures.rowsWrittenByRejectedRequests} (${groupsCompared} of ${groupsCompared + groupsNotCompared.length} groups all refused, compared); plausible writes accepted (2xx) = ${plausibleAccepted}`,
    );
    for (const p of tally([...serverErrors, ...shapeViolations, ...invalidAccepted]).slice(0, 25)) console.log(`[fuzz]   ${p.count} x ${p.what}\n           e.g. ${p.example}`);
    for (const r of rowsWritten.slice(0, 10)) console.log(`[fuzz]   rows written by refused ${r.operation} (${r.group}): ${r.table} ${r.delta > 0 ? '+' : ''}${r.delta}`);

    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    expect({ serverErrors: serverErrors.length, shapeViolations: shapeViolations.length, invalidAccepted: invalidAccepted.length, rowsWritten }).toEqual({ serverErrors: 0, shapeViolations: 0, invalidAccepted: 0, rowsWritten: [] });
  });

  it('writes no ID or phone number to the logs', async () => {
    const known = new Set([...(await storedPersonalNumbers(platform)), ...sentNumbers]);
    const logs = checkLogs(withoutDemoBanner(platform.cordon.output()), known);
    figures.logs = logs;
    console.log(`[fuzz] logs: ${logs.lines} lines, ${logs.numbersLookedFor} numbers looked for, ${logs.idNumbersFound} ID numbers and ${logs.phoneNumbersFound} phone numbers found`);
    expect(logs.idNumbersFound + logs.phoneNumbersFound, logs.examples.join('\n')).toBe(0);
  });
});
