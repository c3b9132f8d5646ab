import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cordon';
import { call, DEMO_PASSWORD, errorShapeProblem, mapLimit, saveFigures, saveLog, signIn, startPlatform, type Answer, type Platform } from './support/harness';
import { checkLogs, numbersSent, storedPersonalNumbers, withoutDemoBanner } from './support/personal-data';

/**
 * Security checks against a platform started with the production rate limits (the defaults of AppConfig,
 * not the relaxed ones of the other tests): forged tokens, refresh-token reuse, lockout, rate limits,
 * security headers, uploads that pretend to be images, and no ID or phone number in the logs. The checks run
 * in order: the sign-in budget (20 a minute per address by default) is spent last.
 */

/** The configuration defaults, read from the built API itself. */
function configDefaults(): { auth: number; public: number } {
  const require = createRequire(join(ROOT, 'apps/api/package.json'));
  require('reflect-metadata');
  const { AppConfig } = require('./dist/config/app-config.js') as { AppConfig: new () => { RATE_LIMIT_AUTH_PER_MINUTE: number; RATE_LIMIT_PUBLIC_PER_MINUTE: number } };
  const defaults = new AppConfig();
  return { auth: defaults.RATE_LIMIT_AUTH_PER_MINUTE, public: defaults.RATE_LIMIT_PUBLIC_PER_MINUTE };
}

const LIMITS = configDefaults();
const API = '/api/v1';

let platform: Platform;
const figures: Record<string, unknown> = { rateLimits: LIMITS };
/** Every ID and phone number this file sends, to look for in the logs. */
const sent = new Set<string>();

beforeAll(async () => {
  platform = await startPlatform({ RATE_LIMIT_AUTH_PER_MINUTE: String(LIMITS.auth), RATE_LIMIT_PUBLIC_PER_MINUTE: String(LIMITS.public) });
});

afterAll(async () => {
  if (!platform) return;
  await platform.stop();
  saveLog('security', platform.cordon.output());
  saveFigures('security', figures);
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

function expectError(res: Answer, status: number, code?: string): void {
  expect({ status: res.status, shape: errorShapeProblem(res.status, res.headers, res.body), ...(code ? { code: (res.body as { code?: string }).code } : {}) }).toEqual({ status, shape: null, ...(code ? { code } : {}) });
}

// ---- bytes for the upload checks ----

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A minimal baseline JPEG; `comment` goes in a COM segment, `trailer` after the end-of-image marker. */
function jpeg(comment?: string, trailer?: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    ...(comment ? [segment(0xfe, Buffer.from(comment, 'latin1'))] : []),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xc4, Buffer.concat([Buffer.from([0]), Buffer.alloc(16, 0)])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0x78]),
    Buffer.from([0xff, 0xd9]),
    ...(trailer ? [Buffer.from(trailer, 'latin1')] : []),
  ]);
}

const HTML = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';

describe('security', () => {
  it('refuses a token whose payload was changed, one signed with alg none, and one signed with another key', async () => {
    const citizen = await signIn(platform.url, '0912000001');
    const [header, payload, signature] = citizen.token.split('.');
    const claims = decode(payload);
    expect(decode(header).alg).toBe('HS256');
    const admin = (await platform.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`))[0].id;
    const forged = {
      'payload changed (role), same signature': `${header}.${b64({ ...claims, role: 'ACCOUNT_ADMIN' })}.${signature}`,
      'payload changed (another user), same signature': `${header}.${b64({ ...claims, sub: admin, role: 'ACCOUNT_ADMIN' })}.${signature}`,
      'alg none, no signature': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: admin, role: 'ACCOUNT_ADMIN' })}.`,
      'alg none, the original signature': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
      'alg HS512, the original signature': `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${signature}`,
      'signed with another key': `${header}.${payload}.${Buffer.from('0'.repeat(32)).toString('base64url')}`,
      'not a JWT': 'not-a-token',
    };
    expect((await call(platform.url, `${API}/auth/me`, { token: citizen.token })).status).toBe(200);
    const results: Record<string, number> = {};
    for (const [what, token] of Object.entries(forged)) {
      const me = await call(platform.url, `${API}/auth/me`, { token });
      const accounts = await call(platform.url, `${API}/accounts`, { token });
      expectError(me, 401, 'UNAUTHENTICATED');
      expectError(accounts, 401, 'UNAUTHENTICATED');
      results[what] = me.status;
    }
    figures.forgedTokens = results;
    console.log(`[security] forged access tokens: ${Object.entries(results).map(([w, s]) => `${w} -> ${s}`).join('; ')}`);
  });

  it('detects the reuse of a refresh token and ends the whole session', async () => {
    const first = await signIn(platform.url, '0912000002');
    const rotated = await call<{ refreshToken: string; accessToken: string }>(platform.url, `${API}/auth/refresh`, { json: { refreshToken: first.refreshToken } });
    expect(rotated.status).toBe(200);
    const reused = await call(platform.url, `${API}/auth/refresh`, { json: { refreshToken: first.refreshToken } });
    expectError(reused, 401, 'TOKEN_REUSED');
    const newer = await call(platform.url, `${API}/auth/refresh`, { json: { refreshToken: rotated.body.refreshToken } });
    expectError(newer, 401, 'TOKEN_INVALID');
    figures.refreshReuse = { reuse: `${reused.status} ${(reused.body as { code: string }).code}`, newerTokenAfterReuse: `${newer.status} ${(newer.body as { code: string }).code}` };
    console.log(`[security] refresh-token reuse -> ${reused.status} TOKEN_REUSED; the newer token of the family -> ${newer.status} TOKEN_INVALID`);
  });

  it('locks an account after repeated failed sign-ins, then refuses even the right password with Retry-After', async () => {
    // A citizen who registers; citizens sign in with their phone (or ID) number.
    const person = { fullName: 'Lò Thị Khóa', idNumber: '008199004321', dateOfBirth: '1991-03-04', gender: 'FEMALE', phone: '0398765432', password: 'Khoa@2026-safe', communeCode: '02230', address: 'Bản Khuổi' };
    numbersSent(JSON.stringify(person), sent);
    const registered = await call(platform.url, `${API}/auth/register`, { json: person });
    expect(registered.status, registered.text).toBe(201);
    const attempts: number[] = [];
    let locked: Answer | undefined;
    for (let i = 1; i <= 10 && !locked; i++) {
      const res = await call(platform.url, `${API}/auth/login`, { json: { username: person.phone, password: `Wrong@${i}-password` } });
      attempts.push(res.status);
      if (res.status === 403) locked = res;
      else expectError(res, 401, 'INVALID_CREDENTIALS');
    }
    const right = await call(platform.url, `${API}/auth/login`, { json: { username: person.phone, password: person.password } });
    expectError(right, 403, 'ACCOUNT_LOCKED');
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const failuresBeforeLock = attempts.filter((s) => s === 401).length;
    figures.lockout = { failedAttempts: attempts, rightPasswordAfterLock: right.status, retryAfterSeconds: retryAfter };
    console.log(`[security] lockout: failed sign-ins answered ${attempts.join(', ')}; then the right password -> ${right.status} ACCOUNT_LOCKED, Retry-After ${retryAfter} s (${failuresBeforeLock} failures before the lock answer)`);
    // The lock is the fifth failure in a row (apps/api/src/modules/accounts/auth.service.ts MAX_FAILED_SIGN_INS).
    expect(attempts.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(attempts.length).toBeLessThanOrEqual(6);
  });

  it('sends the security headers on API and SPA responses', async () => {
    const pages = ['/api/v1/health', '/api/docs-json', '/', '/citizen/', '/commune/', '/province/', '/citizen/reports/new'];
    const rows: Record<string, Record<string, string | null>> = {};
    for (const page of pages) {
      const res = await fetch(`${platform.url}${page}`);
      await res.arrayBuffer();
      const h = (name: string) => res.headers.get(name);
      rows[page] = { status: String(res.status), csp: h('content-security-policy'), nosniff: h('x-content-type-options'), frame: h('x-frame-options'), referrer: h('referrer-policy'), hsts: h('strict-transport-security'), poweredBy: h('x-powered-by') };
      expect(res.status, page).toBe(200);
      expect(h('content-security-policy'), page).toMatch(/default-src 'self'/);
      expect(h('content-security-policy'), page).toMatch(/frame-ancestors '(self|none)'/);
      expect(h('content-security-policy'), page).toMatch(/object-src 'none'/);
      expect(h('content-security-policy'), page).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(h('x-content-type-options'), page).toBe('nosniff');
      expect(h('x-frame-options'), page).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(h('referrer-policy'), page).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
      expect(h('x-powered-by'), page).toBeNull();
      // HSTS when sent (browsers ignore it over plain HTTP): at least 180 days.
      if (h('strict-transport-security')) expect(Number(/max-age=(\d+)/.exec(h('strict-transport-security')!)?.[1]), page).toBeGreaterThanOrEqual(180 * 86_400);
    }
    // No CORS for another origin (the SPAs are same-origin; CORS_ORIGINS is empty by default).
    const cors = await fetch(`${platform.url}/api/v1/health`, { headers: { origin: 'https://evil.example' } });
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
    figures.headers = rows;
    const api = rows['/api/v1/health'];
    console.log(`[security] headers on ${pages.length} API and SPA responses: CSP "${api.csp?.slice(0, 60)}...", X-Content-Type-Options ${api.nosniff}, X-Frame-Options ${api.frame}, Referrer-Policy ${api.referrer}, HSTS ${api.hsts ?? 'not set'}, X-Powered-By ${api.poweredBy ?? 'absent'}`);
  });

  it('serves uploads as images with nosniff, and refuses HTML or SVG dressed as an image', async () => {
    const citizen = await signIn(platform.url, '0912000003');
    const upload = (bytes: Buffer, type: string) => call<{ id: string; contentType: string }>(platform.url, `${API}/files/test-photos`, { token: citizen.token, raw: bytes, contentType: type });
    const download = async (id: string) => {
      const res = await fetch(`${platform.url}${API}/files/${id}`, { headers: { authorization: `Bearer ${citizen.token}` } });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };

    const photo = await upload(jpeg(), 'image/jpeg');
    expect(photo.status, photo.text).toBe(201);
    const served = await download(photo.body.id);
    expect(served.res.headers.get('content-type')).toBe('image/jpeg');
    expect(served.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.res.headers.get('content-disposition')).toMatch(/^(inline|attachment)/);
    expect(served.res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);

    // A real JPEG carrying HTML in a comment and after its end: kept as an image, the HTML stripped.
    const polyglot = await upload(jpeg(HTML, HTML), 'image/jpeg');
    expect(polyglot.status, polyglot.text).toBe(201);
    const polyglotServed = await download(polyglot.body.id);
    expect(polyglotServed.res.headers.get('content-type')).toBe('image/jpeg');
    expect(polyglotServed.bytes.toString('latin1')).not.toContain('<script');

    const refused: Record<string, string> = {};
    const disguised: [string, Buffer, string][] = [
      ['HTML as image/jpeg', Buffer.from(HTML), 'image/jpeg'],
      ['HTML as image/png', Buffer.from(HTML), 'image/png'],
      ['SVG as image/png', Buffer.from(SVG), 'image/png'],
      ['SVG as image/jpeg', Buffer.from(SVG), 'image/jpeg'],
      ['HTML after a JPEG signature only', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(HTML)]), 'image/jpeg'],
      ['a PDF as image/jpeg', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'), 'image/jpeg'],
      ['a JPEG declared as PNG', jpeg(), 'image/png'],
      ['HTML as text/html', Buffer.from(HTML), 'text/html'],
      ['SVG as image/svg+xml', Buffer.from(SVG), 'image/svg+xml'],
    ];
    for (const [what, bytes, type] of disguised) {
      const res = await upload(bytes, type);
      expect(res.status, `${what}: ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expect(errorShapeProblem(res.status, res.headers, res.body), what).toBeNull();
      refused[what] = `${res.status} ${(res.body as { code?: string }).code}`;
    }
    const stored = await platform.query<{ content_type: string }>(`SELECT DISTINCT content_type FROM stored_files`);
    expect(stored.map((r) => r.content_type).filter((t) => !['image/jpeg', 'image/png', 'application/pdf'].includes(t))).toEqual([]);
    figures.uploads = { photo: `${photo.status}, served as ${served.res.headers.get('content-type')} with nosniff and Content-Disposition ${served.res.headers.get('content-disposition')}`, polyglot: 'HTML in a comment and after EOI stripped', refused };
    console.log(`[security] uploads: a JPEG is served as image/jpeg with nosniff; a JPEG carrying HTML is stored without it; refused: ${Object.entries(refused).map(([w, s]) => `${w} -> ${s}`).join('; ')}`);
  });

  it('keeps personal numbers in queries and bodies out of the access log', async () => {
    const admin = await signIn(platform.url, 'admin');
    const staff = await signIn(platform.url, 'staff.02230');
    const probes: [string, string][] = [
      [`${API}/accounts?q=0912000001`, admin.token],
      [`${API}/accounts?q=008090000001`, admin.token],
      [`${API}/case-reports?q=008190000002`, staff.token],
      [`${API}/cases?q=0912000002`, staff.token],
      [`${API}/movement-declarations/lookup/008050000003`, admin.token],
    ];
    for (const [path, token] of probes) {
      numbersSent(path, sent);
      const res = await call(platform.url, path, { token });
      expect(res.status, path).toBeLessThan(500);
    }
    // A citizen reset at the commune names a person by ID number in the body.
    const reset = await call(platform.url, `${API}/citizens/reset-activation`, { token: staff.token, json: { idNumber: '008190000002' } });
    expect(reset.status).toBeLessThan(500);
  });

  it(`rate-limits a public endpoint (${LIMITS.public} a minute) with 429 and Retry-After`, async () => {
    // Fixed one-minute windows: the 429 comes after at most the budget, or twice the budget if a window ends meanwhile.
    const max = LIMITS.public * 2 + 10;
    let first429: Answer | undefined;
    let sentCount = 0;
    for (let batch = 0; !first429 && sentCount < max; batch++) {
      const answers = await mapLimit(Array.from({ length: 50 }, (_, i) => i), 8, () => call(platform.url, `${API}/admin-units?level=PROVINCE&limit=1`));
      sentCount += answers.length;
      first429 = answers.find((a) => a.status === 429);
      for (const a of answers) if (a.status !== 200 && a.status !== 429) throw new Error(`admin-units: ${a.status} ${a.text}`);
    }
    expect(first429, `no 429 after ${sentCount} requests`).toBeDefined();
    expectError(first429!, 429, 'RATE_LIMITED');
    const retryAfter = Number(first429!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    figures.publicRateLimit = { endpoint: 'GET /api/v1/admin-units', budgetPerMinute: LIMITS.public, requestsUntil429: sentCount, retryAfterSeconds: retryAfter };
    console.log(`[security] public rate limit: GET /admin-units -> 429 RATE_LIMITED within ${sentCount} requests (budget ${LIMITS.public}/min), Retry-After ${retryAfter} s`);
  });

  it(`rate-limits sign-in (${LIMITS.auth} a minute per address, shared by the auth endpoints) with 429 and Retry-After`, async () => {
    const max = LIMITS.auth * 2 + 5;
    let answer: Answer | undefined;
    let attempts = 0;
    while (attempts < max) {
      attempts++;
      answer = await call(platform.url, `${API}/auth/login`, { json: { username: 'nobody.here', password: 'Not@the-password1' } });
      if (answer.status === 429) break;
      expectError(answer, 401, 'INVALID_CREDENTIALS');
    }
    expectError(answer!, 429, 'RATE_LIMITED');
    const retryAfter = Number(answer!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The budget is the address's: the right password of a real account is refused too until the window ends.
    const right = await call(platform.url, `${API}/auth/login`, { json: { username: 'admin', password: DEMO_PASSWORD } });
    expectError(right, 429, 'RATE_LIMITED');
    figures.signInRateLimit = { budgetPerMinute: LIMITS.auth, attemptsUntil429InThisTest: attempts, retryAfterSeconds: retryAfter, rightPasswordThen: right.status };
    console.log(`[security] sign-in rate limit: 429 RATE_LIMITED after ${attempts} more attempts (budget ${LIMITS.auth}/min, shared with the earlier sign-ins), Retry-After ${retryAfter} s; the right password then -> ${right.status}`);
  });

  it('writes no ID or phone number to the logs', async () => {
    const known = new Set([...(await storedPersonalNumbers(platform)), ...sent]);
    const logs = checkLogs(withoutDemoBanner(platform.cordon.output()), known);
    figures.logs = logs;
    console.log(`[security] logs: ${logs.lines} lines, ${logs.numbersLookedFor} numbers looked for, ${logs.idNumbersFound} ID numbers and ${logs.phoneNumbersFound} phone numbers found`);
    expect(logs.idNumbersFound + logs.phoneNumbersFound, logs.examples.join('\n')).toBe(0);
  });
});
