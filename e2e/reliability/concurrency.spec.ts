import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorShapeProblem, mapLimit, saveFigures, saveLog, seconds, signIn, startPlatform, type Answer, type Platform } from './support/harness';
import { checkLogs, storedPersonalNumbers, withoutDemoBanner } from './support/personal-data';

/**
 * Concurrency: 100 isolation decisions of one commune signed by 100 simultaneous requests get unique, gapless
 * numbers (the counter row is locked in the signing transaction); 50 simultaneous retries of one movement
 * declaration with one Idempotency-Key create exactly one record.
 */

const COMMUNE = '02212';
const SIGNINGS = 100;
const RETRIES = 50;

let platform: Platform;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  platform = await startPlatform();
});

afterAll(async () => {
  if (!platform) return;
  await platform.stop();
  saveLog('concurrency', platform.cordon.output());
  saveFigures('concurrency', figures);
});

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Figures of one wave of simultaneous requests: how many got each status. */
function statuses(answers: Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

describe('concurrency', () => {
  it(`numbers ${SIGNINGS} decisions signed by ${SIGNINGS} simultaneous requests without a gap or a duplicate`, async () => {
    const t0 = Date.now();
    const citizen = await signIn(platform.url, '0912000001');
    const staff = await signIn(platform.url, `staff.${COMMUNE}`);
    const leader = await signIn(platform.url, `leader.${COMMUNE}`);

    // The citizen reports 100 household members positive (each its own ID number, so each opens a case).
    const reports = await mapLimit(Array.from({ length: SIGNINGS }, (_, i) => i), 8, async (i) => {
      const res = await call<{ id: string }>(platform.url, '/api/v1/case-reports/infection', {
        token: citizen.token,
        json: {
          forSelf: false,
          person: { fullName: `Người nhà ${i + 1}`, idNumber: `0089${String(i + 1).padStart(8, '0')}`, dateOfBirth: '1990-05-05', gender: i % 2 ? 'MALE' : 'FEMALE', relation: 'CHILD' },
          communeCode: COMMUNE,
          address: `Tổ ${i + 1}`,
          testType: 'RAPID_SELF',
          testDate: today(),
          symptoms: ['FEVER'],
          vaccineDoses: 2,
        },
      });
      if (res.status !== 201) throw new Error(`report ${i}: ${res.status} ${res.text}`);
      const accepted = await call(platform.url, `/api/v1/case-reports/${res.body.id}/accept`, { method: 'POST', token: staff.token });
      if (accepted.status !== 200) throw new Error(`accept ${i}: ${accepted.status} ${accepted.text}`);
      return res.body.id;
    });
    const drafted = await call<{ items: { id: string }[] }>(platform.url, '/api/v1/isolation-decisions', { token: staff.token, json: { reportIds: reports } });
    expect(drafted.status, drafted.text).toBe(201);
    const ids = drafted.body.items.map((d) => d.id);
    expect(ids).toHaveLength(SIGNINGS);
    const setupSeconds = seconds(Date.now() - t0);
    const [before] = await platform.query<{ last: number }>(`SELECT coalesce(max(last_number), 0)::int AS last FROM document_counters WHERE commune_code = $1 AND kind = 'ISOLATION_DECISION'`, [COMMUNE]);

    // All at once, one document per request. A request that could not get a database connection in time is
    // answered 503 with Retry-After (nothing is numbered for it): it is sent again, as a client would. When
    // the answer of a signing that did commit is lost that way, its retry is refused 409 (no longer a draft).
    const t1 = Date.now();
    const sign = (id: string) => call<{ items: { id: string; number: number }[]; code?: string }>(platform.url, '/api/v1/isolation-decisions/sign', { token: leader.token, json: { ids: [id] } });
    let pending = ids;
    const answered = new Map<string, number>();
    const waves: Record<string, number>[] = [];
    const problems: string[] = [];
    let lostAnswers = 0;
    for (let wave = 0; pending.length && wave < 30; wave++) {
      const answers = await Promise.all(pending.map(sign));
      waves.push(statuses(answers));
      const retry: string[] = [];
      answers.forEach((a, i) => {
        if (a.status === 200) answered.set(pending[i], a.body.items[0].number);
        else if (a.status === 503) {
          retry.push(pending[i]);
          const problem = errorShapeProblem(a.status, a.headers, a.body);
          if (problem || !a.headers.get('retry-after')) problems.push(`503 ${problem ?? 'without Retry-After'}`);
        } else if (a.status === 409 && wave > 0 && a.body.code === 'CONFLICT') lostAnswers++;
        else problems.push(`${a.status} ${a.text.slice(0, 200)}`);
      });
      pending = retry;
      // (Retry-After says 5 s; a second is enough here and keeps the run short.)
      if (pending.length) await new Promise((r) => setTimeout(r, 1000));
    }
    const signingSeconds = seconds(Date.now() - t1);
    const docs = await platform.query<{ id: string; status: string; number: number }>(`SELECT id, status, number FROM documents WHERE id = ANY($1)`, [ids]);
    const signed = new Map(docs.filter((d) => d.status === 'ISSUED').map((d) => [d.id, { number: d.number }]));
    for (const [id, number] of answered) if (signed.get(id)?.number !== number) problems.push(`${id}: answered number ${number}, stored ${signed.get(id)?.number}`);

    const numbers = [...signed.values()].map((d) => d.number).sort((a, b) => a - b);
    const [after] = await platform.query<{ last: number }>(`SELECT max(last_number)::int AS last FROM document_counters WHERE commune_code = $1 AND kind = 'ISOLATION_DECISION'`, [COMMUNE]);
    const [stored] = await platform.query<{ issued: number; distinct: number }>(
      `SELECT count(*)::int AS issued, count(DISTINCT number)::int AS distinct FROM documents WHERE commune_code = $1 AND kind = 'ISOLATION_DECISION' AND status = 'ISSUED'`,
      [COMMUNE],
    );
    const expected = Array.from({ length: SIGNINGS }, (_, i) => before.last + i + 1);
    Object.assign(figures, {
      signing: {
        commune: COMMUNE,
        documents: SIGNINGS,
        simultaneousRequests: SIGNINGS,
        waves,
        signed: signed.size,
        answersLostTo503: lostAnswers,
        distinctNumbers: new Set(numbers).size,
        first: numbers[0],
        last: numbers[numbers.length - 1],
        gaps: expected.filter((n) => !numbers.includes(n)).length,
        counterAfter: after.last,
        setupSeconds,
        signingSeconds,
      },
    });
    console.log(
      `[concurrency] ${SIGNINGS} simultaneous signings in commune ${COMMUNE}: ${signed.size} issued in ${waves.length} wave(s) (${waves.map((w) => JSON.stringify(w)).join(', ')}), numbers ${numbers[0]}..${numbers[numbers.length - 1]}, ${new Set(numbers).size} distinct, ${expected.filter((n) => !numbers.includes(n)).length} gaps, ${signingSeconds} s (set-up ${setupSeconds} s)`,
    );
    expect(problems).toEqual([]);
    expect(signed.size).toBe(SIGNINGS);
    expect(numbers).toEqual(expected);
    expect(after.last).toBe(before.last + SIGNINGS);
    expect(stored).toEqual({ issued: SIGNINGS, distinct: SIGNINGS });
  });

  it(`creates one declaration for ${RETRIES} simultaneous retries with one Idempotency-Key`, async () => {
    const citizen = await signIn(platform.url, '0912000002');
    const body = {
      forSelf: true,
      originUnitCode: '01',
      originAddress: 'Số 1 Tràng Tiền',
      destinationCommuneCode: '02230',
      destinationAddress: 'Tổ 7',
      travelDate: today(),
      transportMode: 'CAR',
      vehiclePlate: '29A-123.45',
      purpose: 'Thăm gia đình',
      symptoms: [],
      contactWithCase: false,
      stayedInZone: false,
      vaccineDoses: 2,
    };
    const key = `reliability-${Date.now()}`;
    const count = async () => (await platform.query<{ n: number }>(`SELECT count(*)::int AS n FROM movement_declarations`))[0].n;
    const before = await count();
    const t0 = Date.now();
    const send = () => call<{ id: string }>(platform.url, '/api/v1/movement-declarations', { token: citizen.token, json: body, headers: { 'idempotency-key': key } });
    const answers = await Promise.all(Array.from({ length: RETRIES }, send));
    const burstSeconds = seconds(Date.now() - t0);
    // Once the first has finished, a retry gets its answer again.
    const late = await send();
    const after = await count();

    const created = answers.filter((a) => a.status === 201);
    const ids = new Set([...created, late].map((a) => a.body.id));
    const inProgress = answers.filter((a) => a.status === 409);
    const others = answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => `${a.status} ${a.text.slice(0, 200)}`);
    const shapes = inProgress.map((a) => errorShapeProblem(a.status, a.headers, a.body) ?? ((a.body as { code?: string }).code === 'IDEMPOTENCY_IN_PROGRESS' ? null : `code ${(a.body as { code?: string }).code}`)).filter(Boolean);
    figures.idempotency = {
      simultaneousRequests: RETRIES,
      byStatus: statuses(answers),
      replayed: answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length,
      distinctIds: ids.size,
      recordsCreated: after - before,
      lateRetry: { status: late.status, replayed: late.headers.get('idempotent-replayed') === 'true' },
      burstSeconds,
    };
    console.log(
      `[concurrency] ${RETRIES} simultaneous retries with one Idempotency-Key: ${JSON.stringify(statuses(answers))}, ${after - before} record created, ${ids.size} distinct id, a later retry -> ${late.status}${late.headers.get('idempotent-replayed') === 'true' ? ' (replayed)' : ''} (${burstSeconds} s)`,
    );
    expect(others).toEqual([]);
    expect(shapes).toEqual([]);
    expect(after - before).toBe(1);
    expect(ids.size).toBe(1);
    expect(late.status).toBe(201);
    expect(late.headers.get('idempotent-replayed')).toBe('true');
  });

  it('writes no ID or phone number to the logs', async () => {
    const known = await storedPersonalNumbers(platform);
    const logs = checkLogs(withoutDemoBanner(platform.cordon.output()), known);
    figures.logs = logs;
    console.log(`[concurrency] logs: ${logs.lines} lines, ${logs.numbersLookedFor} numbers looked for, ${logs.idNumbersFound} ID numbers and ${logs.phoneNumbersFound} phone numbers found`);
    expect(logs.idNumbersFound + logs.phoneNumbersFound, logs.examples.join('\n')).toBe(0);
  });
});
