import { vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { createCordonApp, sessionKey, type FetchLike, type SessionUser } from '@cordon/web';
import App from '../App.vue';
import { messages } from '../i18n/messages';
import { nav, routes, shared } from '../router';

// jsdom has no scrolling; the router scrolls to the top on every navigation.
window.scrollTo = (() => undefined) as typeof window.scrollTo;

export const citizenUser: SessionUser = {
  id: 'c1',
  username: '0912000001',
  fullName: 'Lê Thị Hoa',
  role: 'CITIZEN',
  jurisdiction: {},
  profile: {
    idNumber: '008190000001',
    dateOfBirth: '1980-09-05',
    gender: 'FEMALE',
    phone: '0912000001',
    address: 'Thôn 3',
    communeCode: '02221',
    communeName: 'Xã Trung Môn',
  },
};

export function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function apiError(status: number, code: string, details?: { field: string; code: string; message: string }[]): Response {
  return json(status, { statusCode: status, code, message: code, details, requestId: 'req-1' });
}

export interface Call {
  method: string;
  url: string;
  /** Path under /api/v1 without the query. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

/** Answers one request; undefined -> 404. May throw to simulate a lost connection. */
export type Handler = (call: Call) => Response | undefined | Promise<Response | undefined>;

/** Boots the citizen app on `path` (signed in unless told otherwise) against a fake API. */
export async function mountAt(path: string, handler: Handler, options: { signedIn?: boolean; user?: SessionUser } = {}) {
  const user = options.user ?? citizenUser;
  localStorage.clear();
  const storage = new Map<string, string>();
  if (options.signedIn !== false) {
    storage.set(sessionKey('citizen'), JSON.stringify({ accessToken: 'token-1', refreshToken: 'r', expiresAt: Date.now() + 600_000, user }));
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
    };
    calls.push(call);
    if (call.path === '/auth/me') return json(200, user);
    return (await handler(call)) ?? apiError(404, 'NOT_FOUND');
  });
  const { vueApp, router } = createCordonApp({
    app: 'citizen',
    root: App,
    routes,
    shared,
    messages,
    nav,
    base: '/citizen/',
    history: createMemoryHistory('/citizen/'),
    api: {
      fetch: fetchFn,
      storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    },
    signIn: { usernameLabelKey: 'citizen.usernameLabel', usernameInputmode: 'numeric', register: true },
  });
  await router.push(path);
  const el = document.createElement('div');
  document.body.appendChild(el);
  vueApp.mount(el);
  await settle();
  return {
    el,
    router,
    calls,
    fetchFn,
    unmount: () => {
      vueApp.unmount();
      el.remove();
    },
  };
}

/** Lets lazy routes, fetches and timers of the page settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
  }
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
