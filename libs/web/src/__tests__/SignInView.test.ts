import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { FetchLike } from '../api/client';
import type { LoginResponse } from '../api/types';
import SignInView from '../views/SignInView.vue';
import { jsonResponse, makeHarness } from './helpers';

const ok: LoginResponse = {
  accessToken: 'a1',
  refreshToken: 'r1',
  expiresIn: 600,
  user: { id: '1', username: 'staff.02221', fullName: 'Trần Thị B', role: 'COMMUNE_STAFF', jurisdiction: { unitCode: '02221' } },
};

async function mountSignIn(fetchFn: FetchLike, path = '/login') {
  const h = makeHarness(fetchFn, [
    { path: '/login', name: 'login', component: SignInView, meta: { public: true, guestOnly: true } },
    { path: '/change-password', name: 'change-password', component: { render: () => null } },
  ]);
  await h.router.push(path);
  await h.router.isReady();
  const wrapper = mount(SignInView, { global: { plugins: h.plugins }, attachTo: document.body });
  return { ...h, wrapper };
}

describe('SignInView', () => {
  it('renders labelled inputs and a submit button', async () => {
    const { wrapper } = await mountSignIn(vi.fn<FetchLike>());
    const username = wrapper.get('input#username');
    const password = wrapper.get('input#password');
    expect(wrapper.get('label[for="username"]').text()).toBe('Tên đăng nhập');
    expect(wrapper.get('label[for="password"]').text()).toBe('Mật khẩu');
    expect(username.attributes('autocomplete')).toBe('username');
    expect(password.attributes('type')).toBe('password');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Đăng nhập');
    wrapper.unmount();
  });

  it('does not call the API when fields are empty and says what is missing', async () => {
    const fetchFn = vi.fn<FetchLike>();
    const { wrapper } = await mountSignIn(fetchFn);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fetchFn).not.toHaveBeenCalled();
    expect(wrapper.findAll('.field-error').map((e) => e.text())).toEqual([
      'Vui lòng nhập thông tin này.',
      'Vui lòng nhập thông tin này.',
    ]);
    expect(wrapper.get('input#username').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('input#username').attributes('aria-describedby')).toContain('username-error');
    wrapper.unmount();
  });

  it('signs in through the store and goes to the redirect target', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => jsonResponse(200, ok));
    const { wrapper, router, useAuth } = await mountSignIn(fetchFn, '/login?redirect=/change-password');
    await wrapper.get('input#username').setValue('  staff.02221 ');
    await wrapper.get('input#password').setValue('Demo@12345');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/login');
    expect(JSON.parse(String(init!.body))).toEqual({ username: 'staff.02221', password: 'Demo@12345' });
    expect(useAuth().user?.fullName).toBe('Trần Thị B');
    expect(useAuth().isSignedIn).toBe(true);
    expect(router.currentRoute.value.fullPath).toBe('/change-password');
    wrapper.unmount();
  });

  it('shows the translated INVALID_CREDENTIALS error with the request id', async () => {
    const fetchFn = vi.fn<FetchLike>(async () =>
      jsonResponse(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid credentials', requestId: 'req-42' }),
    );
    const { wrapper, useAuth } = await mountSignIn(fetchFn);
    await wrapper.get('input#username').setValue('staff.02221');
    await wrapper.get('input#password').setValue('wrong');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(alert.text()).not.toContain('Invalid credentials');
    expect(alert.text()).toContain('req-42');
    expect(useAuth().isSignedIn).toBe(false);
    expect((wrapper.get('input#password').element as HTMLInputElement).value).toBe('');
    wrapper.unmount();
  });
});
