import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { createCordonApp, type FetchLike, type LoginResponse } from '@cordon/web';
import App from '../App.vue';
import { messages } from '../i18n/messages';
import { nav, routes, shared } from '../router';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function session(role: LoginResponse['user']['role']): LoginResponse {
  return {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 600,
    user: { id: 'u', username: 'x', fullName: 'Hoàng Văn Nam', role, jurisdiction: { unitCode: '02221', level: 'COMMUNE' } },
  };
}

const unit = {
  code: '02221',
  name: 'Trung Môn',
  nameWithType: 'Xã Trung Môn',
  level: 'COMMUNE',
  type: 'xa',
  parentCode: '073',
  ancestors: [
    { code: '08', name: 'Tuyên Quang', nameWithType: 'Tỉnh Tuyên Quang', level: 'PROVINCE', type: 'tinh', parentCode: null },
    { code: '073', name: 'Yên Sơn', nameWithType: 'Huyện Yên Sơn', level: 'DISTRICT', type: 'huyen', parentCode: '08' },
  ],
};

async function boot(role: LoginResponse['user']['role']) {
  const storage = new Map<string, string>([['cordon.commune.session', JSON.stringify({ ...session(role), expiresAt: Date.now() + 600_000 })]]);
  const fetchFn = vi.fn<FetchLike>(async (url) => {
    if (url.endsWith('/auth/me')) return json(200, session(role).user);
    if (url.endsWith('/admin-units/02221')) return json(200, unit);
    if (url.endsWith('/auth/logout')) return new Response(null, { status: 204 });
    return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no', requestId: 'x' });
  });
  const ctx = createCordonApp({
    app: 'commune',
    root: App,
    routes,
    shared,
    messages,
    nav,
    base: '/commune/',
    history: createMemoryHistory('/commune/'),
    api: { fetch: fetchFn, storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) } },
    signIn: { usernameLabelKey: 'auth.username', activate: true },
  });
  const el = document.createElement('div');
  document.body.appendChild(el);
  await ctx.router.push('/');
  ctx.vueApp.mount(el);
  await flushPromises();
  await flushPromises();
  return { ...ctx, el, fetchFn, storage };
}

describe('commune app', () => {
  it('restores the stored session and shows role and jurisdiction in Vietnamese', async () => {
    const { el, vueApp } = await boot('COMMUNE_LEADER');
    expect(el.querySelector('[data-testid="home-title"]')?.textContent).toContain('Hoàng Văn Nam');
    expect(el.querySelector('[data-testid="home-role"]')?.textContent).toBe('Lãnh đạo UBND xã');
    expect(el.querySelector('[data-testid="home-jurisdiction"]')?.textContent).toContain('Xã Trung Môn, Huyện Yên Sơn, Tỉnh Tuyên Quang');
    vueApp.unmount();
  });

  it('switches language and signs out', async () => {
    const { el, vueApp, router, storage, fetchFn } = await boot('COMMUNE_STAFF');
    (el.querySelector('[data-testid="lang-switch"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(el.querySelector('[data-testid="home-role"]')?.textContent).toBe('Commune staff');
    expect(localStorage.getItem('cordon.locale')).toBe('en');
    (el.querySelector('[data-testid="lang-switch"]') as HTMLButtonElement).click();
    await flushPromises();
    (el.querySelector('[data-testid="sign-out"]') as HTMLButtonElement).click();
    await flushPromises();
    await flushPromises();
    expect(fetchFn.mock.calls.some(([u]) => u.endsWith('/auth/logout'))).toBe(true);
    expect(storage.has('cordon.commune.session')).toBe(false);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    await vi.waitFor(() => expect(el.querySelector('#username')).not.toBeNull());
    expect(el.querySelector('[data-testid="sign-out"]')).toBeNull();
    vueApp.unmount();
  });

  it('shows the no-access page to a role of another app', async () => {
    const { el, vueApp, router } = await boot('HEALTH_OFFICER');
    expect(router.currentRoute.value.name).toBe('no-access');
    expect(el.textContent).toContain('Không có quyền truy cập');
    expect(el.querySelector('a[href="/province/"]')).not.toBeNull();
    vueApp.unmount();
  });
});
