import { describe, expect, it, vi } from 'vitest';
import { ApiClient, sessionKey, type FetchLike, type KeyValueStorage } from '../api/client';
import { ApiError } from '../api/errors';
import type { LoginResponse, SessionUser } from '../api/types';

const user: SessionUser = {
  id: 'u1',
  username: 'staff.02221',
  fullName: 'Nguyễn Văn A',
  role: 'COMMUNE_STAFF',
  jurisdiction: { unitCode: '02221', level: 'COMMUNE' },
};

function login(n: number): LoginResponse {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 600, user };
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

interface Call {
  url: string;
  method: string;
  auth: string | null;
  body: unknown;
  headers: Headers;
}

/** A fake API: /auth/refresh rotates tokens; other calls need the current access token. */
function fakeApi(options: { refreshStatus?: number; refreshDelay?: number } = {}) {
  const calls: Call[] = [];
  let generation = 1;
  const fetchFn = vi.fn<FetchLike>(async (url, init) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url,
      method: init?.method ?? 'GET',
      auth: headers.get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers,
    };
    calls.push(call);
    if (url.endsWith('/auth/refresh')) {
      if (options.refreshDelay) await new Promise((r) => setTimeout(r, options.refreshDelay));
      if (options.refreshStatus) {
        return json(options.refreshStatus, { statusCode: options.refreshStatus, code: 'TOKEN_INVALID', message: 'bad token', requestId: 'req-r' });
      }
      if ((call.body as { refreshToken: string }).refreshToken !== `refresh-${generation}`) {
        return json(401, { statusCode: 401, code: 'TOKEN_REUSED', message: 'reused', requestId: 'req-x' });
      }
      generation += 1;
      return json(200, login(generation));
    }
    if (call.auth !== `Bearer access-${generation}`) {
      return json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired', requestId: 'req-1' });
    }
    return json(200, { ok: true, url });
  });
  return {
    calls,
    fetchFn,
    get generation() {
      return generation;
    },
  };
}

function setup(opts: { refreshStatus?: number; refreshDelay?: number } = {}) {
  const api = fakeApi(opts);
  const storage = memory();
  const client = new ApiClient({ app: 'commune', fetch: api.fetchFn, storage });
  // Stored session whose access token the server already rejects (access-0), refresh token still valid (refresh-1).
  storage.setItem(
    sessionKey('commune'),
    JSON.stringify({ accessToken: 'access-0', refreshToken: 'refresh-1', expiresAt: Date.now() + 600_000, user }),
  );
  return { api, storage, client };
}

describe('ApiClient refresh on 401', () => {
  it('refreshes once and retries the request with the new token', async () => {
    const { api, client, storage } = setup();
    const res = await client.get<{ ok: boolean }>('/accounts', { q: 'nguyen', role: undefined });
    expect(res.ok).toBe(true);
    const refreshes = api.calls.filter((c) => c.url.endsWith('/auth/refresh'));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.body).toEqual({ refreshToken: 'refresh-1' });
    // first try with the old token, then the retry with the rotated one
    const accountCalls = api.calls.filter((c) => c.url.includes('/accounts'));
    expect(accountCalls.map((c) => c.auth)).toEqual(['Bearer access-0', 'Bearer access-2']);
    expect(accountCalls[0]!.url).toBe('/api/v1/accounts?q=nguyen');
    // the rotated refresh token is stored under the app's key
    const stored = JSON.parse(storage.getItem('cordon.commune.session')!);
    expect(stored.refreshToken).toBe('refresh-2');
    expect(stored.accessToken).toBe('access-2');
  });

  it('shares one refresh between concurrent 401s', async () => {
    const { api, client } = setup({ refreshDelay: 20 });
    const [a, b, c] = await Promise.all([
      client.get<{ ok: boolean }>('/a'),
      client.get<{ ok: boolean }>('/b'),
      client.get<{ ok: boolean }>('/c'),
    ]);
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
    expect(api.calls.filter((x) => x.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(api.calls.filter((x) => !x.url.endsWith('/auth/refresh')).map((x) => x.auth).sort()).toEqual([
      'Bearer access-0',
      'Bearer access-0',
      'Bearer access-0',
      'Bearer access-2',
      'Bearer access-2',
      'Bearer access-2',
    ]);
  });

  it('clears the session and throws when the refresh is refused', async () => {
    const { api, client, storage } = setup({ refreshStatus: 401 });
    const events: Array<string> = [];
    client.onSessionChange((s, reason) => events.push(`${s ? 'session' : 'none'}:${reason}`));
    const err = await client.get('/accounts').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect((err as ApiError).code).toBe('TOKEN_INVALID');
    expect(storage.getItem('cordon.commune.session')).toBeNull();
    expect(client.getSession()).toBeNull();
    expect(events).toContain('none:expired');
    expect(api.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    // the original request was not retried
    expect(api.calls.filter((c) => c.url.endsWith('/accounts'))).toHaveLength(1);
  });

  it('does not refresh for auth calls such as login, and stores the session under the app key', async () => {
    const storage = memory();
    const fetchFn = vi.fn<FetchLike>(async (url) =>
      url.endsWith('/auth/login')
        ? json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'no', requestId: 'req-9' })
        : json(200, login(7)),
    );
    const client = new ApiClient({ app: 'citizen', fetch: fetchFn, storage });
    const err = (await client.post('/auth/login', { username: 'x', password: 'y' }, { auth: false }).catch((e) => e)) as ApiError;
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect(err.requestId).toBe('req-9');
    expect(fetchFn).toHaveBeenCalledTimes(1);
    client.setSession(login(7));
    expect([...storage.data.keys()]).toEqual(['cordon.citizen.session']);
    expect(JSON.parse(storage.data.get('cordon.citizen.session')!).accessToken).toBe('access-7');
  });
});

describe('ApiClient requests', () => {
  it('turns a network failure into NETWORK_ERROR', async () => {
    const client = new ApiClient({
      app: 'province',
      storage: memory(),
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const err = (await client.get('/admin-units').catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.status).toBe(0);
  });

  it('parses the error shape with field details', async () => {
    const client = new ApiClient({
      app: 'citizen',
      storage: memory(),
      fetch: async () =>
        json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'invalid',
          details: [{ field: 'phone', code: 'PHONE', message: 'bad phone' }],
          requestId: 'abc',
        }),
    });
    const err = (await client.post('/auth/register', {}, { auth: false }).catch((e) => e)) as ApiError;
    expect(err.status).toBe(400);
    expect(err.details).toEqual([{ field: 'phone', code: 'PHONE', message: 'bad phone' }]);
    expect(err.requestId).toBe('abc');
  });

  it('sends an Idempotency-Key and keeps it on the retry after a refresh', async () => {
    const { api, client } = setup();
    await client.post('/accounts', { username: 'a' }, { idempotencyKey: 'key-123' });
    const posts = api.calls.filter((c) => c.url.endsWith('/accounts'));
    expect(posts).toHaveLength(2);
    expect(posts.map((c) => c.headers.get('idempotency-key'))).toEqual(['key-123', 'key-123']);
  });

  it('refreshes proactively when the access token is about to expire', async () => {
    const api = fakeApi();
    const storage = memory();
    const now = 1_000_000;
    const client = new ApiClient({ app: 'commune', fetch: api.fetchFn, storage, now: () => now });
    storage.setItem(sessionKey('commune'), JSON.stringify({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: now + 10_000, user }));
    await client.get('/x');
    expect(api.calls.map((c) => c.url)).toEqual(['/api/v1/auth/refresh', '/api/v1/x']);
    expect(api.calls[1]!.auth).toBe('Bearer access-2');
  });

  it('returns undefined for 204', async () => {
    const client = new ApiClient({ app: 'citizen', storage: memory(), fetch: async () => new Response(null, { status: 204 }) });
    await expect(client.post('/auth/logout', { refreshToken: 'r' })).resolves.toBeUndefined();
  });
});
