import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { LoginResponse } from '@cordon/web';
import { mountApp, type Handler } from '@cordon/web/testing';
import { citizenApp, json } from './harness';

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

/** A signed-out visitor on `path`. */
function boot(path: string, handler?: Handler) {
  return mountApp(citizenApp, path, { user: null, handler });
}

describe('citizen app', () => {
  it('sends a signed-out visitor to sign-in with the citizen label and a numeric keyboard', async () => {
    const { el, router, fetchFn, unmount } = await boot('/profile');
    expect(fetchFn).not.toHaveBeenCalled();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/profile');
    expect(el.querySelector('label[for="username"]')?.textContent?.trim()).toBe('Số điện thoại hoặc số CCCD');
    expect(el.querySelector('#username')?.getAttribute('inputmode')).toBe('numeric');
    expect(el.querySelector('[data-testid="register-link"]')).not.toBeNull();
    unmount();
  });

  it('signs in and shows the home heading, the services (movement declarations and the green lane included) and the profile dates as dd/MM/yyyy', async () => {
    const { el, router, useAuth, unmount } = await boot('/login', ({ path }) => {
      if (path === '/auth/login') return json(200, citizen);
      if (path === '/auth/me') return json(200, citizen.user);
      return undefined;
    });
    await useAuth().signIn('0912000001', 'Demo@12345');
    await router.push('/');
    await flushPromises();
    expect(el.querySelector('[data-testid="home-title"]')?.textContent).toContain('Lê Thị Hoa');
    expect(el.querySelector('[data-testid="service-soon"]')).toBeNull();
    expect(el.querySelector('[data-testid="service-declare"]')?.getAttribute('href')).toBe('/citizen/declarations/new');
    expect(el.querySelector('[data-testid="service-declare"]')?.textContent).toContain('Khai báo di chuyển');
    expect(el.querySelector('[data-testid="service-declarations"]')?.getAttribute('href')).toBe('/citizen/declarations');
    expect(el.querySelector('[data-testid="service-green-lane"]')?.textContent).toContain('Đăng ký luồng xanh');
    expect(el.querySelector('[data-testid="service-f0"]')?.getAttribute('href')).toBe('/citizen/reports/new');
    expect(el.textContent).toContain('Khai báo nhiễm COVID-19 (F0)');
    expect(el.querySelector('[data-testid="user-role"]')?.textContent).toBe('Công dân');
    await router.push('/profile');
    await flushPromises();
    await flushPromises();
    expect(el.querySelector('[data-testid="profile-dob"]')?.textContent).toBe('05/09/1980');
    unmount();
  });

  it('registers: validates as the user goes and shows the API field errors next to the fields', async () => {
    const { el, fetchFn, unmount } = await boot('/register', ({ path }) => {
      if (path === '/auth/register') {
        return json(409, {
          statusCode: 409,
          code: 'DUPLICATE',
          message: 'exists',
          details: [{ field: 'phone', code: 'DUPLICATE', message: 'Số điện thoại đã được đăng ký.' }],
          requestId: 'req-7',
        });
      }
      return undefined;
    });
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
    unmount();
  });
});
