import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { boot as bootAt, json, type Role } from './harness';

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

/** The home page, with the unit of the account answered by the API. */
function boot(role: Role) {
  return bootAt(role, '/', (url) => {
    if (url.endsWith('/admin-units/02221')) return json(200, unit);
    if (url.endsWith('/auth/logout')) return new Response(null, { status: 204 });
    return undefined;
  });
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
