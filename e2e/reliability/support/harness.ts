import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD, freePort, removeDataDir, ROOT, startCordon, tempDataDir, type Cordon } from '../../support/cordon';

/**
 * Shared by the authorization, fuzzing, concurrency and security checks: a platform started with the most
 * verbose log level (so the personal-data check reads everything the API can write), its database reachable
 * directly, figures written as JSON for docs/reliability.md, and small HTTP helpers.
 */

export const RESULTS = join(ROOT, 'e2e/reliability/results');

/** Writes e2e/reliability/results/<name>.json (gitignored) and returns its path. */
export function saveFigures(name: string, figures: unknown): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

/** Keeps a whole log next to the figures, for reading after a failure. */
export function saveLog(name: string, text: string): string {
  mkdirSync(join(RESULTS, 'logs'), { recursive: true });
  const file = join(RESULTS, 'logs', `${name}.log`);
  writeFileSync(file, text);
  return file;
}

export interface Platform {
  cordon: Cordon;
  url: string;
  /** The platform's own database (embedded PostgreSQL in its data folder). */
  dbUrl: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Starts the built API with demo data on a fresh data folder, LOG_LEVEL=debug (every line the API can log,
 * the embedded PostgreSQL's included) and a known database port. `env` overrides startCordon's defaults
 * (which relax the rate limits).
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const dir = tempDataDir();
  const pgPort = await freePort();
  const cordon = await startCordon(dir, { LOG_LEVEL: 'debug', EMBEDDED_PG_PORT: String(pgPort), ...env });
  const dbUrl = `postgres://cordon:cordon-local@127.0.0.1:${pgPort}/cordon`;
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  return {
    cordon,
    url: cordon.url,
    dbUrl,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async stop() {
      await pool.end().catch(() => undefined);
      await cordon.stop('SIGTERM').catch(() => undefined);
      removeDataDir(dir);
    },
  };
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface Call {
  method?: string;
  token?: string;
  /** A JSON body (serialised here), or raw bytes / text sent as they are with `contentType`. */
  json?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** One HTTP call to `base` + `path` (the full path, e.g. /api/v1/health); the body is parsed as JSON when it is JSON, else left as text. */
export async function call<T = unknown>(base: string, path: string, init: Call = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | Buffer | undefined;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] = init.contentType ?? 'application/json';
  } else if (init.raw !== undefined) {
    body = init.raw;
    if (init.contentType) headers['content-type'] = init.contentType;
  }
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (body !== undefined ? 'POST' : 'GET'),
    headers,
    body: body as BodyInit | undefined,
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, text, body: parsed as T };
}

/** Signs a demo account in; returns its access token (and the whole answer). */
export async function signIn(base: string, username: string, password = DEMO_PASSWORD): Promise<{ token: string; refreshToken: string; user: { id: string; role: string; jurisdiction?: { checkpointId?: string | null } } }> {
  const res = await call<{ accessToken: string; refreshToken: string; user: { id: string; role: string } }>(base, '/api/v1/auth/login', { json: { username, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${res.text}`);
  return { token: res.body.accessToken, refreshToken: res.body.refreshToken, user: res.body.user };
}

/** Runs `work` over `items` with at most `limit` at a time; results keep the order of the items. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** The documented error shape (DESIGN.md section 8); returns what is wrong, or null. */
export function errorShapeProblem(status: number, headers: Headers, body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `body is not a JSON object: ${JSON.stringify(body).slice(0, 120)}`;
  const b = body as Record<string, unknown>;
  if (b.statusCode !== status) return `statusCode ${JSON.stringify(b.statusCode)} differs from the HTTP status ${status}`;
  if (typeof b.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(b.code)) return `code is not an UPPER_SNAKE string: ${JSON.stringify(b.code)}`;
  if (typeof b.message !== 'string') return `message is not a string: ${JSON.stringify(b.message)}`;
  if (typeof b.requestId !== 'string' || !b.requestId) return `requestId is not a string: ${JSON.stringify(b.requestId)}`;
  if (headers.get('x-request-id') !== b.requestId) return `requestId ${b.requestId} differs from X-Request-Id ${headers.get('x-request-id')}`;
  if ('details' in b) {
    if (!Array.isArray(b.details)) return 'details is not an array';
    for (const d of b.details as unknown[]) {
      const detail = d as Record<string, unknown>;
      if (typeof d !== 'object' || d === null || typeof detail.field !== 'string' || typeof detail.code !== 'string' || typeof detail.message !== 'string') {
        return `a detail is not { field, code, message }: ${JSON.stringify(d).slice(0, 120)}`;
      }
    }
  }
  const extra = Object.keys(b).filter((k) => !['statusCode', 'code', 'message', 'details', 'requestId'].includes(k));
  if (extra.length) return `unexpected keys ${extra.join(', ')}`;
  return null;
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10;

export { DEMO_PASSWORD, tempDataDir, removeDataDir };
