import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoginResponse } from '@cordon/web';
import { apiError, byTestId, citizenUser, click, json, mountAt, q, settle, type } from './harness';

/** A citizen given a new activation code at the commune (POST /citizens/reset-activation) activates here. */
const session: LoginResponse = { accessToken: 'a', refreshToken: 'r', expiresIn: 600, user: citizenUser };

let current: { unmount(): void } | null = null;
afterEach(() => {
  current?.unmount();
  current = null;
});

async function fill(el: HTMLElement, values: { username?: string; code?: string; password?: string; confirm?: string }) {
  if (values.username !== undefined) await type(el, '#act-username', values.username);
  await type(el, '#act-code', values.code ?? 'ABCD-EFGH-JKLM');
  await type(el, '#act-new', values.password ?? 'Moi@2022xa');
  await type(el, '#act-confirm', values.confirm ?? values.password ?? 'Moi@2022xa');
}

describe('citizen activation with a code from the commune', () => {
  it('offers "Kích hoạt tài khoản" on the sign-in page, and the form asks for the phone number', async () => {
    const r = await mountAt('/login', () => undefined, { signedIn: false });
    current = r;
    const link = byTestId<HTMLAnchorElement>(r.el, 'activate-link');
    expect(link.textContent?.trim()).toBe('Kích hoạt tài khoản');
    expect(link.getAttribute('href')).toBe('/citizen/activate');
    expect(link.parentElement?.textContent).toContain('Đã được UBND xã cấp mã kích hoạt?');
    await click(r.el, '[data-testid="activate-link"]');
    await vi.waitFor(() => expect(r.el.querySelector('[data-testid="activate-form"]')).not.toBeNull());
    expect(r.router.currentRoute.value.name).toBe('activate');
    expect(q(r.el, 'label[for="act-username"]').textContent?.trim()).toBe('Số điện thoại');
    expect(q(r.el, '#act-username').getAttribute('inputmode')).toBe('tel');
    expect(q(r.el, '#act-username').getAttribute('placeholder')).toBe('Ví dụ: 0912345678');
    expect(r.el.textContent).toContain('mã kích hoạt do UBND xã cấp');
    expect(r.el.textContent).not.toContain('Sở Thông tin và Truyền thông');
  });

  it('posts username (the phone number), activationCode and newPassword, then is signed in on the home page', async () => {
    const r = await mountAt(
      '/activate',
      ({ path, method }) => {
        if (path === '/auth/activate' && method === 'POST') return json(200, session);
        if (path === '/auth/me') return json(200, citizenUser);
        return undefined;
      },
      { signedIn: false },
    );
    current = r;
    await fill(r.el, { username: '0912 000 001' });
    await click(r.el, '[data-testid="activate-submit"]');
    const posts = r.calls.filter((c) => c.path === '/auth/activate');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.method).toBe('POST');
    expect(posts[0]!.body).toEqual({ username: '0912000001', activationCode: 'ABCD-EFGH-JKLM', newPassword: 'Moi@2022xa' });
    expect(r.router.currentRoute.value.name).toBe('home');
    expect(r.useAuth().user?.fullName).toBe('Lê Thị Hoa');
  });

  it('checks the phone number next to the field before sending, and shows a wrong code next to its field', async () => {
    const r = await mountAt('/activate', ({ path }) => (path === '/auth/activate' ? apiError(422, 'ACTIVATION_CODE_INVALID', [{ field: 'activationCode', code: 'invalid', message: 'wrong' }]) : undefined), {
      signedIn: false,
    });
    current = r;
    await fill(r.el, { username: '008090000001' });
    await click(r.el, '[data-testid="activate-submit"]');
    expect(r.calls.some((c) => c.path === '/auth/activate')).toBe(false);
    expect(r.el.textContent).toContain('Số điện thoại gồm 10 chữ số');

    await type(r.el, '#act-username', '0912000001');
    await click(r.el, '[data-testid="activate-submit"]');
    expect(r.calls.filter((c) => c.path === '/auth/activate')).toHaveLength(1);
    expect(r.router.currentRoute.value.name).toBe('activate');
    expect(r.el.textContent).toContain('wrong');
  });

  it('from a sign-in that needs activation, prefills a phone number but not an ID number', async () => {
    const r = await mountAt('/activate?username=0912000001', () => undefined, { signedIn: false });
    current = r;
    expect(q<HTMLInputElement>(r.el, '#act-username').value).toBe('0912000001');
    await r.router.push('/login');
    await settle();
    await r.router.push('/activate?username=008090000001');
    await settle();
    expect(q<HTMLInputElement>(r.el, '#act-username').value).toBe('');
  });
});
