import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Account } from '@cordon/web';
import { boot as bootAs, json, official, type Handler, type Role } from './harness';

function account(n: number, over: Partial<Account> = {}): Account {
  return {
    id: `acc-${n}`,
    username: `staff.${n}`,
    fullName: `Cán bộ ${n}`,
    role: 'COMMUNE_STAFF',
    jurisdiction: { unitCode: '02221', level: 'COMMUNE', unitName: 'Xã Trung Môn' },
    status: 'ACTIVE',
    title: null,
    phone: null,
    email: null,
    lockedUntil: null,
    activationExpiresAt: null,
    lastLoginAt: '2022-03-11T17:30:00Z',
    createdAt: '2022-01-01T00:00:00Z',
    ...over,
  } as Account;
}

function boot(role: Role, path: string, handler: Handler) {
  return bootAs(official(role), path, handler);
}

let current: { vueApp: { unmount(): void } } | null = null;
afterEach(() => {
  current?.vueApp.unmount();
  current = null;
  document.body.innerHTML = '';
});

const click = async (el: Element | null) => {
  (el as HTMLElement).click();
  await flushPromises();
};

describe('province app', () => {
  it('home: real links to bulk import (and the audit log), nothing announced as coming soon', async () => {
    const admin = await boot('ACCOUNT_ADMIN', '/', () => undefined);
    current = admin;
    expect(admin.el.querySelector('[data-testid="import-card"]')?.getAttribute('href')).toBe('/province/accounts/import');
    expect(admin.el.querySelector('[data-testid="import-card"]')?.textContent).toContain('Nhập tài khoản hàng loạt');
    expect(admin.el.querySelector('[data-testid="audit-card"]')?.getAttribute('href')).toBe('/province/audit');
    expect(admin.el.textContent).not.toMatch(/Sắp có/);
    admin.vueApp.unmount();
    document.body.innerHTML = '';

    const police = await boot('POLICE_ADMIN', '/', () => undefined);
    current = police;
    expect(police.el.querySelector('[data-testid="import-card"]')?.getAttribute('href')).toBe('/province/accounts/import');
    expect(police.el.querySelector('[data-testid="import-card"]')?.textContent).toContain('cán bộ chốt kiểm soát');
    expect(police.el.querySelector('[data-testid="checkpoints-card"]')).not.toBeNull();
    expect(police.el.querySelector('[data-testid="audit-card"]')).toBeNull();
    expect(police.el.textContent).not.toMatch(/Sắp có/);
  });

  it('keeps the accounts page for ACCOUNT_ADMIN only', async () => {
    const r = await boot('HEALTH_OFFICER', '/accounts', () => undefined);
    current = r;
    expect(r.router.currentRoute.value.name).toBe('no-access');
    expect(r.el.querySelector('a[href="/province/accounts"]')).toBeNull(); // no nav entry either
  });

  it('lists accounts with the URL filters, labels, dates and load more', async () => {
    const r = await boot('ACCOUNT_ADMIN', '/accounts?status=ACTIVE&q=can', (url) => {
      if (url.includes('/accounts?') && url.includes('cursor=c2')) return json(200, { items: [account(3)], nextCursor: null, total: 3 });
      if (url.includes('/accounts?')) return json(200, { items: [account(1), account(2, { status: 'LOCKED', lastLoginAt: null })], nextCursor: 'c2', total: 3 });
      return undefined;
    });
    current = r;
    const listCall = r.fetchFn.mock.calls.map(([u]) => u).find((u) => u.includes('/accounts?'))!;
    const params = new URL(listCall, 'http://x').searchParams;
    expect(params.get('status')).toBe('ACTIVE');
    expect(params.get('q')).toBe('can');
    expect(params.get('limit')).toBe('50');
    expect(r.el.querySelectorAll('[data-testid="account-row"]')).toHaveLength(2);
    const text = r.el.querySelector('[data-testid="account-table"]')!.textContent!;
    expect(text).toContain('Cán bộ xã');
    expect(text).toContain('Đã khóa');
    expect(text).toContain('12/03/2022 00:30');
    expect(text).toContain('Chưa đăng nhập');
    expect(r.el.querySelector('[data-testid="account-total"]')!.textContent).toContain('Tổng số: 3 tài khoản');
    expect((r.el.querySelector('#f-status') as HTMLSelectElement).value).toBe('ACTIVE');
    await click(r.el.querySelector('[data-testid="load-more"]'));
    expect(r.el.querySelectorAll('[data-testid="account-row"]')).toHaveLength(3);
    expect(r.el.querySelector('[data-testid="load-more"]')).toBeNull();
  });

  it('locks an account after a confirmation that says what will happen', async () => {
    const r = await boot('ACCOUNT_ADMIN', '/accounts', (url, init) => {
      if (url.endsWith('/accounts/acc-1/lock') && init?.method === 'POST') return json(200, account(1, { status: 'LOCKED' }));
      if (url.includes('/accounts?')) return json(200, { items: [account(1)], nextCursor: null, total: 1 });
      return undefined;
    });
    current = r;
    await click(r.el.querySelector('[data-testid="action-lock"]'));
    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toContain('Khóa tài khoản staff.1 (Cán bộ 1)?');
    expect(dialog.textContent).toContain('đăng xuất ngay');
    expect(r.fetchFn.mock.calls.some(([u]) => u.endsWith('/lock'))).toBe(false);
    await click(document.querySelector('[data-testid="confirm-action"]'));
    expect(r.fetchFn.mock.calls.some(([u]) => u.endsWith('/accounts/acc-1/lock'))).toBe(true);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(r.el.querySelector('[data-testid="account-table"]')!.textContent).toContain('Đã khóa');
    expect(r.el.querySelector('[data-testid="account-notice"]')!.textContent).toContain('Đã khóa tài khoản staff.1.');
  });

  it('creates an account and shows the activation code once', async () => {
    const r = await boot('ACCOUNT_ADMIN', '/accounts/new', (url, init) => {
      if (url.endsWith('/accounts') && init?.method === 'POST') {
        return json(201, {
          account: account(9, { username: 'le.van.c', fullName: 'Lê Văn C', role: 'HEALTH_OFFICER', status: 'PENDING_ACTIVATION' }),
          activationCode: 'K7Q2-M9XD',
          activationExpiresAt: '2022-03-14T10:00:00Z',
        });
      }
      if (url.includes('/admin-units?')) {
        return json(200, {
          items: [{ code: '08', name: 'Tuyên Quang', nameWithType: 'Tỉnh Tuyên Quang', level: 'PROVINCE', type: 'tinh', parentCode: null }],
          nextCursor: null,
        });
      }
      return undefined;
    });
    current = r;
    const set = async (sel: string, value: string, event = 'input') => {
      const input = r.el.querySelector(sel) as HTMLInputElement | HTMLSelectElement;
      input.value = value;
      input.dispatchEvent(new Event(event));
      await flushPromises();
    };
    // empty submit: errors next to the fields, no request
    r.el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(r.el.querySelector('#acc-username-error')!.textContent).toBe('Vui lòng nhập thông tin này.');
    await set('#acc-username', 'le.van.c');
    await set('#acc-fullName', 'Lê Văn C');
    await set('#acc-role', 'HEALTH_OFFICER', 'change');
    await set('#acc-unit', 'tuyen');
    await vi.waitFor(() => expect(r.el.querySelector('#acc-unit-list [role="option"]')).not.toBeNull(), { timeout: 2000 });
    r.el.querySelector('#acc-unit-list [role="option"]')!.dispatchEvent(new MouseEvent('mousedown'));
    await flushPromises();
    r.el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    const post = r.fetchFn.mock.calls.find(([u, i]) => u.endsWith('/accounts') && i?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ username: 'le.van.c', fullName: 'Lê Văn C', role: 'HEALTH_OFFICER', unitCode: '08' });
    expect(new Headers(post[1]!.headers).get('idempotency-key')).toBeTruthy();
    expect(r.el.querySelector('[data-testid="activation-code"]')!.textContent).toBe('K7Q2-M9XD');
    expect(r.el.querySelector('[data-testid="activation-expires"]')!.textContent).toContain('14/03/2022 17:00');
    expect(r.el.querySelector('[data-testid="copy"]')).not.toBeNull();
  });
});
