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

const citizen: LoginResponse = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 600,
  user: {
    id: 'c1',
    username: '0912000001',
    fullName: 'Lê Thị Hoa',
    role: 'CITIZEN',
    jurisdiction: {},
    profile: { idNumber: '008190000001', dateOfBirth: '1980-09-05', gender: 'FEMALE', phone: '0912000001', communeName: 'Xã Trung Môn' },
  },
};

function boot(fetchFn: FetchLike) {
  localStorage.clear();
  const storage = new Map<string, string>();
  return createCordonApp({
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
}

describe('citizen app', () => {
  it('sends a signed-out visitor to sign-in with the citizen label and a numeric keyboard', async () => {
    const { vueApp, router } = boot(vi.fn<FetchLike>());
    await router.push('/profile');
    const el = document.createElement('div');
    document.body.appendChild(el);
    vueApp.mount(el);
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/profile');
    expect(el.querySelector('label[for="username"]')?.textContent?.trim()).toBe('Số điện thoại hoặc số CCCD');
    expect(el.querySelector('#username')?.getAttribute('inputmode')).toBe('numeric');
    expect(el.querySelector('[data-testid="register-link"]')).not.toBeNull();
    vueApp.unmount();
  });

  it('signs in and shows the home heading, the services (movements still "coming soon") and the profile dates as dd/MM/yyyy', async () => {
    const fetchFn = vi.fn<FetchLike>(async (url) => {
      if (url.endsWith('/auth/login')) return json(200, citizen);
      if (url.endsWith('/auth/me')) return json(200, citizen.user);
      return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no', requestId: 'x' });
    });
    const { vueApp, router, useAuth } = boot(fetchFn);
    const el = document.createElement('div');
    document.body.appendChild(el);
    await router.push('/login');
    vueApp.mount(el);
    await flushPromises();
    await useAuth().signIn('0912000001', 'Demo@12345');
    await router.push('/');
    await flushPromises();
    expect(el.querySelector('[data-testid="home-title"]')?.textContent).toContain('Lê Thị Hoa');
    const soon = el.querySelectorAll('[data-testid="service-soon"]');
    expect(soon).toHaveLength(1); // the movement declaration
    expect(soon[0]!.getAttribute('aria-disabled')).toBe('true');
    expect(soon[0]!.textContent).toContain('Khai báo di chuyển');
    expect(el.querySelector('[data-testid="service-f0"]')?.getAttribute('href')).toBe('/citizen/reports/new');
    expect(el.textContent).toContain('Khai báo nhiễm COVID-19 (F0)');
    expect(el.querySelector('[data-testid="user-role"]')?.textContent).toBe('Công dân');
    await router.push('/profile');
    await flushPromises();
    await flushPromises();
    expect(el.querySelector('[data-testid="profile-dob"]')?.textContent).toBe('05/09/1980');
    vueApp.unmount();
  });

  it('registers: validates as the user goes and shows the API field errors next to the fields', async () => {
    const fetchFn = vi.fn<FetchLike>(async (url) => {
      if (url.endsWith('/auth/register')) {
        return json(409, {
          statusCode: 409,
          code: 'DUPLICATE',
          message: 'exists',
          details: [{ field: 'phone', code: 'DUPLICATE', message: 'Số điện thoại đã được đăng ký.' }],
          requestId: 'req-7',
        });
      }
      return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no', requestId: 'x' });
    });
    const { vueApp, router } = boot(fetchFn);
    const el = document.createElement('div');
    document.body.appendChild(el);
    await router.push('/register');
    vueApp.mount(el);
    await flushPromises();
    const input = (id: string) => el.querySelector<HTMLInputElement>(`#${id}`)!;
    const type = async (id: string, value: string) => {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
      input(id).dispatchEvent(new Event('blur'));
      await flushPromises();
    };
    await type('reg-dateOfBirth', '31/02/1980');
    expect(el.querySelector('#reg-dateOfBirth-error')?.textContent).toContain('Ngày không hợp lệ');
    await type('reg-fullName', 'Lê Thị Hoa');
    await type('reg-idNumber', '008190000001');
    await type('reg-dateOfBirth', '05/09/1980');
    expect(el.querySelector('#reg-dateOfBirth-error')).toBeNull();
    input('reg-gender').click();
    await type('reg-phone', '0912000001');
    await type('reg-password', 'Demo@12345');
    await type('reg-confirm', 'Demo@12345');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/register');
    expect(JSON.parse(String(init!.body))).toEqual({
      fullName: 'Lê Thị Hoa',
      idNumber: '008190000001',
      dateOfBirth: '1980-09-05',
      gender: 'MALE',
      phone: '0912000001',
      password: 'Demo@12345',
    });
    expect(new Headers(init!.headers).get('idempotency-key')).toBeTruthy();
    expect(el.querySelector('#reg-phone-error')?.textContent).toBe('Số điện thoại đã được đăng ký.');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Dữ liệu này đã tồn tại.');
    vueApp.unmount();
  });
});
