/**
 * Test helpers of the SPAs (`import … from '@cordon/web/testing'`, Vitest on jsdom): a fake API behind
 * an injected `fetch`, a stored session, and `mountApp()` that boots an app the way its main.ts does.
 * Not part of the production bundle (nothing in `src/index.ts` imports it).
 */
import { vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { sessionKey, type FetchLike, type KeyValueStorage } from '../api/client';
import type { LoginResponse, SessionUser } from '../api/types';
import { createCordonApp, type CordonAppOptions } from '../bootstrap';

// jsdom has no scrolling; the router scrolls to the top on every navigation.
if (typeof window !== 'undefined') window.scrollTo = (() => undefined) as typeof window.scrollTo;

/** A JSON answer (no body when `body` is undefined). */
export function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** An error answer in the API's shape. */
export function apiError(status: number, code: string, details?: { field: string; code: string; message: string }[]): Response {
  return json(status, { statusCode: status, code, message: code, details, requestId: 'req-1' });
}

/** A Map-backed KeyValueStorage (the API client's session storage). */
export function memoryStorage(data = new Map<string, string>()): KeyValueStorage {
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** One request the app sent to the fake API. */
export interface Call {
  method: string;
  url: string;
  /** Path under /api/v1 without the query. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The body, parsed when it is JSON. */
  body: unknown;
  init: RequestInit | undefined;
}

/** Answers one request; undefined -> 404. May throw to simulate a lost connection. */
export type Handler = (call: Call) => Response | undefined | Promise<Response | undefined>;

/** A handler that looks only at the URL and the fetch options (undefined -> 404). */
export type UrlHandler = (url: string, init: RequestInit | undefined) => Response | undefined;
export const byUrl =
  (handler: UrlHandler): Handler =>
  (call) =>
    handler(call.url, call.init);

/** A role of a signed-in user. */
export type Role = LoginResponse['user']['role'];

/** What an app passes to createCordonApp, without the browser parts (history, API, base). */
export type AppSetup = Omit<CordonAppOptions, 'history' | 'api' | 'base'>;

export interface MountOptions {
  /** The signed-in user (answered by GET /auth/me too); null: signed out. */
  user: SessionUser | null;
  /** Answers the other requests. */
  handler?: Handler;
  accessToken?: string;
}

/**
 * Boots an app on `path` against a fake API: the session of `user` is stored (as after a sign-in),
 * `/auth/me` answers that user, every other request goes to `handler` (404 when it answers nothing).
 * Local and session storage are cleared first. Returns the app, its router and store, the root element,
 * the fetch mock and the calls it received.
 */
export async function mountApp(setup: AppSetup, path: string, options: MountOptions) {
  const { user, handler, accessToken = 'token-1' } = options;
  localStorage.clear();
  sessionStorage.clear();
  const storage = new Map<string, string>();
  if (user) {
    storage.set(
      sessionKey(setup.app),
      JSON.stringify({ accessToken, refreshToken: 'r', expiresIn: 600, expiresAt: Date.now() + 600_000, user }),
    );
  }
  const calls: Call[] = [];
  const fetchFn = vi.fn<FetchLike>(async (url, init) => {
    const u = new URL(url, 'http://localhost');
    const raw = init?.body;
    let body: unknown = raw;
    if (typeof raw === 'string') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const call: Call = {
      method: init?.method ?? 'GET',
      url,
      path: u.pathname.replace(/^\/api\/v1/, ''),
      query: u.searchParams,
      headers: new Headers(init?.headers),
      body,
      init,
    };
    calls.push(call);
    if (user && call.path === '/auth/me') return json(200, user);
    return (await handler?.(call)) ?? apiError(404, 'NOT_FOUND');
  });
  const base = `/${setup.app}/`;
  const ctx = createCordonApp({
    ...setup,
    base,
    history: createMemoryHistory(base),
    api: { fetch: fetchFn, storage: memoryStorage(storage) },
  });
  await ctx.router.push(path);
  const el = document.createElement('div');
  document.body.appendChild(el);
  ctx.vueApp.mount(el);
  await settle();
  return {
    ...ctx,
    el,
    calls,
    fetchFn,
    storage,
    unmount: () => {
      ctx.vueApp.unmount();
      el.remove();
    },
  };
}

export type MountedApp = Awaited<ReturnType<typeof mountApp>>;

/** Lets lazy routes, fetches and timers of the page settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Waits until the page shows no loading skeleton. */
export async function loaded(root: ParentNode): Promise<void> {
  await vi.waitFor(() => {
    if (root.querySelector('[data-testid="loading"]')) throw new Error('still loading');
  });
}

export function q<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`not found: ${selector}`);
  return found;
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T {
  return q<T>(root, `[data-testid="${id}"]`);
}

/** Types into an input (input + blur events). */
export async function type(root: ParentNode, selector: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(root, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await settle();
}

export async function choose(root: ParentNode, selector: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(root, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

export async function click(root: ParentNode, selector: string): Promise<void> {
  q<HTMLElement>(root, selector).click();
  await settle();
}

/** dd/mm/yyyy of today + days in Asia/Ho_Chi_Minh. */
export function dmy(days = 0): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year}`;
}
