import type { App } from '@cordon/contracts';
import { ApiError } from './errors';
import type { LoginResponse, SessionUser } from './types';

/** What the client keeps in storage for one app (key `cordon.<app>.session`). */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  user: SessionUser;
}

/** The part of the Web Storage API the client uses (localStorage by default). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  app: App;
  /** Default `/api/v1`. */
  baseUrl?: string;
  /** Injected for tests; default the global fetch. */
  fetch?: FetchLike;
  /** Default `localStorage`. */
  storage?: KeyValueStorage;
  now?: () => number;
  /** Refresh this many ms before the access token expires (default 30 s). */
  refreshMarginMs?: number;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  /** `true` generates a random key; a string is sent as is (reuse it when the user retries). */
  idempotencyKey?: string | boolean;
  /** Send the bearer token (default true). */
  auth?: boolean;
  /** On 401, refresh the session once and retry (default: same as `auth`). */
  retryOn401?: boolean;
  signal?: AbortSignal;
}

export type SessionChangeReason = 'signed-in' | 'refreshed' | 'user-updated' | 'cleared' | 'expired' | 'external';
export type SessionListener = (session: StoredSession | null, reason: SessionChangeReason) => void;

export function sessionKey(app: App): string {
  return `cordon.${app}.session`;
}

export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

function defaultStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    /* storage disabled */
  }
  return memoryStorage();
}

/**
 * A small fetch-based client for /api/v1: bearer token, one single-flight refresh
 * on 401 and a retry, proactive refresh shortly before expiry, ApiError for failures.
 */
export class ApiClient {
  readonly app: App;
  readonly baseUrl: string;
  private readonly fetchFn: FetchLike;
  private readonly storage: KeyValueStorage;
  private readonly now: () => number;
  private readonly refreshMarginMs: number;
  private readonly key: string;
  private refreshing: Promise<StoredSession> | null = null;
  private readonly listeners = new Set<SessionListener>();

  constructor(options: ApiClientOptions) {
    this.app = options.app;
    this.baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/$/, '');
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.storage = options.storage ?? defaultStorage();
    this.now = options.now ?? (() => Date.now());
    this.refreshMarginMs = options.refreshMarginMs ?? 30_000;
    this.key = sessionKey(options.app);
    if (!options.storage && typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      // Another tab of the same app signed in, refreshed or signed out.
      window.addEventListener('storage', (ev) => {
        if (ev.key === this.key) this.emit(this.getSession(), 'external');
      });
    }
  }

  // ---- session -------------------------------------------------------------

  getSession(): StoredSession | null {
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const s = JSON.parse(raw) as StoredSession;
      if (!s || typeof s.accessToken !== 'string' || typeof s.refreshToken !== 'string') return null;
      return s;
    } catch {
      return null;
    }
  }

  /** Stores the tokens of a login / activation / registration / refresh answer. */
  setSession(res: LoginResponse, reason: SessionChangeReason = 'signed-in'): StoredSession {
    const session: StoredSession = {
      accessToken: res.accessToken,
      refreshToken: res.refreshToken,
      expiresAt: this.now() + Math.max(0, Number(res.expiresIn) || 0) * 1000,
      user: res.user,
    };
    this.write(session);
    this.emit(session, reason);
    return session;
  }

  /** Replaces the cached user (after GET /auth/me). */
  updateUser(user: SessionUser): void {
    const s = this.getSession();
    if (!s) return;
    const next = { ...s, user };
    this.write(next);
    this.emit(next, 'user-updated');
  }

  clearSession(reason: SessionChangeReason = 'cleared'): void {
    const had = this.getSession() !== null;
    try {
      this.storage.removeItem(this.key);
    } catch {
      /* ignore */
    }
    if (had || reason === 'cleared') this.emit(null, reason);
  }

  onSessionChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(session: StoredSession): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(session));
    } catch {
      /* quota or disabled storage: the session lives until reload */
    }
  }

  private emit(session: StoredSession | null, reason: SessionChangeReason): void {
    for (const l of [...this.listeners]) {
      try {
        l(session, reason);
      } catch {
        /* a listener's failure must not break the request */
      }
    }
  }

  // ---- refresh ---------------------------------------------------------------

  /**
   * Rotates the tokens with POST /auth/refresh. Single-flight: concurrent callers share
   * one request. If the API refuses the refresh token the session is cleared.
   */
  refresh(): Promise<StoredSession> {
    if (!this.refreshing) {
      this.refreshing = this.withLock(() => this.doRefresh()).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /** Serialises refreshes across tabs of the same app where the Web Locks API exists. */
  private withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (locks && typeof locks.request === 'function' && this.storage === (globalThis as { localStorage?: unknown }).localStorage) {
      return locks.request(`${this.key}.refresh`, fn) as Promise<T>;
    }
    return fn();
  }

  private async doRefresh(): Promise<StoredSession> {
    const before = this.getSession();
    if (!before) {
      throw new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: 'Not signed in' });
    }
    let res: Response;
    try {
      res = await this.fetchFn(this.url('/auth/refresh'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: before.refreshToken }),
      });
    } catch (e) {
      throw ApiError.network(e); // offline: keep the session, the user may retry
    }
    if (!res.ok) {
      const err = await ApiError.fromResponse(res);
      if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        // Another tab may have rotated the token meanwhile: adopt its session.
        const now = this.getSession();
        if (now && now.refreshToken !== before.refreshToken) return now;
        this.clearSession('expired');
      }
      throw err;
    }
    const data = (await res.json()) as LoginResponse;
    return this.setSession(data, 'refreshed');
  }

  // ---- requests -------------------------------------------------------------

  url(path: string, query?: Record<string, QueryValue>): string {
    let u = this.baseUrl + (path.startsWith('/') ? path : `/${path}`);
    if (query) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined || v === null || v === '') continue;
        p.append(k, String(v));
      }
      const qs = p.toString();
      if (qs) u += (u.includes('?') ? '&' : '?') + qs;
    }
    return u;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.execute(method, path, options);
    return (await this.parse(res)) as T;
  }

  /**
   * Sends a file's raw bytes as the body with its own Content-Type (e.g. POST /files/test-photos)
   * and parses the JSON answer. Bearer token, refresh on 401 and errors as for `request`.
   */
  async upload<T>(path: string, blob: Blob, options: RequestOptions = {}): Promise<T> {
    const res = await this.execute('POST', path, options, { body: blob, contentType: blob.type || 'application/octet-stream' });
    return (await this.parse(res)) as T;
  }

  /** GETs a binary answer (e.g. a PDF) as a Blob, with the bearer token. */
  async getBlob(path: string, query?: Record<string, QueryValue>, options: RequestOptions = {}): Promise<Blob> {
    const res = await this.execute('GET', path, { headers: { Accept: '*/*' }, ...options, query });
    return res.blob();
  }

  /**
   * POSTs (no body unless `options.body`) and returns the binary answer as a Blob, e.g. a file that is
   * handed out once (POST /accounts/imports/{id}/codes.csv). Bearer token, refresh on 401 and errors as for `request`.
   */
  async postBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
    const res = await this.execute('POST', path, { ...options, headers: { Accept: '*/*', ...options.headers } });
    return res.blob();
  }

  /** Sends the request (JSON body, or a raw one), refreshing once on 401; throws ApiError unless 2xx. */
  private async execute(
    method: string,
    path: string,
    options: RequestOptions,
    raw?: { body: BodyInit; contentType: string },
  ): Promise<Response> {
    const auth = options.auth ?? true;
    const retryOn401 = options.retryOn401 ?? auth;
    const idemKey =
      options.idempotencyKey === true
        ? newIdempotencyKey()
        : typeof options.idempotencyKey === 'string'
          ? options.idempotencyKey
          : undefined;

    if (auth) await this.refreshIfExpiring();

    const send = async (): Promise<{ res: Response; token: string | undefined }> => {
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      let body: BodyInit | undefined;
      if (raw) {
        headers['Content-Type'] = raw.contentType;
        body = raw.body;
      } else if (options.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      if (idemKey) headers['Idempotency-Key'] = idemKey;
      const token = auth ? this.getSession()?.accessToken : undefined;
      if (token) headers.Authorization = `Bearer ${token}`;
      try {
        const res = await this.fetchFn(this.url(path, options.query), { method, headers, body, signal: options.signal });
        return { res, token };
      } catch (e) {
        if ((e as { name?: string })?.name === 'AbortError') throw e;
        throw ApiError.network(e);
      }
    };

    const first = await send();
    let res = first.res;
    const token = first.token;
    if (res.status === 401 && retryOn401 && this.getSession()) {
      const current = this.getSession();
      if (!current || current.accessToken === token) {
        await this.refresh(); // throws (and clears the session) when the refresh is refused
      }
      ({ res } = await send());
      if (res.status === 401) {
        const err = await ApiError.fromResponse(res);
        this.clearSession('expired');
        throw err;
      }
    } else if (res.status === 401 && auth && token) {
      // A token was sent but refused and no refresh is possible.
      const err = await ApiError.fromResponse(res);
      this.clearSession('expired');
      throw err;
    }
    if (!res.ok) throw await ApiError.fromResponse(res);
    return res;
  }

  private async refreshIfExpiring(): Promise<void> {
    const s = this.getSession();
    if (!s || s.expiresAt - this.now() > this.refreshMarginMs) return;
    try {
      await this.refresh();
    } catch (e) {
      // Refused: the session is gone; the request goes out unauthenticated and fails as it should.
      // Network failure: try the request anyway with the old token.
      if (!(e instanceof ApiError)) throw e;
    }
  }

  private async parse(res: Response): Promise<unknown> {
    if (res.status === 204) return undefined;
    const text = await res.text();
    if (!text) return undefined;
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json') || /^[[{]/.test(text.trim())) {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }
    return text;
  }

  get<T>(path: string, query?: Record<string, QueryValue>, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, { ...options, query });
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return new ApiClient(options);
}
