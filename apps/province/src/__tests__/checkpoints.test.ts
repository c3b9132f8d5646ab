import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Account } from '@cordon/web';
import { byTestId, settle } from '@cordon/web/testing';
import type { Checkpoint } from '../movements-types';
import { boot, json, official, type Handler } from './harness';

const CP: Checkpoint = {
  id: 'cp-1',
  code: 'QL2-DT',
  name: 'Chốt Đội Cấn',
  unitCode: '02212',
  unitName: 'Xã Đội Cấn',
  districtCode: '073',
  road: 'Quốc lộ 2',
  directions: ['IN', 'OUT'],
  active: true,
};

function officerAccount(over: Partial<Account> = {}): Account {
  return {
    id: 'acc-7',
    username: 'chot.doican.1',
    fullName: 'Nguyễn Văn Gác',
    role: 'CHECKPOINT_OFFICER',
    agency: 'POLICE',
    jurisdiction: { checkpointId: 'cp-1' },
    status: 'PENDING_ACTIVATION',
    title: null,
    phone: '0912345678',
    email: null,
    lockedUntil: null,
    activationExpiresAt: '2022-03-14T10:00:00Z',
    lastLoginAt: null,
    createdAt: '2022-03-12T00:00:00Z',
    ...over,
  } as Account;
}

let current: { vueApp: { unmount(): void } } | null = null;
afterEach(() => {
  current?.vueApp.unmount();
  current = null;
  document.body.innerHTML = '';
});

async function open(handler: Handler) {
  const r = await boot(official('POLICE_ADMIN', { username: 'ca.tinh', fullName: 'Hà Văn Công' }), '/checkpoints', handler);
  current = r;
  await settle();
  return r;
}

async function set(root: ParentNode, sel: string, value: string, event = 'input') {
  const input = root.querySelector(sel) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event(event));
  await flushPromises();
}

describe('checkpoints of the provincial police', () => {
  it('shows Chốt kiểm soát in the menu of POLICE_ADMIN only', async () => {
    const r = await open(() => undefined);
    expect(Array.from(r.el.querySelectorAll('.shell-nav a')).map((a) => a.textContent)).toContain('Chốt kiểm soát');
    r.vueApp.unmount();
    const officer = await boot(official('CHECKPOINT_OFFICER', { jurisdiction: { checkpointId: 'cp-1' } }), '/checkpoints', () => undefined);
    current = officer;
    expect(officer.router.currentRoute.value.name).toBe('no-access');
  });

  it('lists checkpoints and officers; the statistics fall back to the empty state when missing', async () => {
    const r = await open((url) => {
      if (url.endsWith('/checkpoints')) return json(200, { items: [CP] });
      if (url.includes('/accounts?')) return json(200, { items: [officerAccount({ status: 'ACTIVE' })], nextCursor: null, total: 1 });
      return undefined; // /checkpoints/stats: 404
    });
    const rows = r.el.querySelectorAll('[data-testid="checkpoint-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Chốt Đội Cấn');
    expect(rows[0]!.textContent).toContain('Vào tỉnh, Ra khỏi tỉnh');
    expect(rows[0]!.textContent).toContain('Đang hoạt động');
    const accountsCall = r.calls.find((c) => c.path === '/accounts')!;
    expect(accountsCall.query.get('role')).toBe('CHECKPOINT_OFFICER');
    const officer = byTestId(r.el, 'officer-row');
    expect(officer.textContent).toContain('Nguyễn Văn Gác');
    expect(officer.textContent).toContain('Công an');
    expect(officer.textContent).toContain('Chốt Đội Cấn');
    expect(r.calls.some((c) => c.path === '/checkpoints/stats' && c.query.get('from') && c.query.get('to'))).toBe(true);
    expect(byTestId(r.el, 'stats-empty').textContent).toContain('Chưa có số liệu');
  });

  it('creates a checkpoint in a commune of the province, then provisions an officer and shows the activation code once', async () => {
    const r = await open((url, init) => {
      if (url.endsWith('/checkpoints') && init?.method === 'POST') return json(201, { ...CP, ...JSON.parse(String(init.body)), id: 'cp-2', unitName: 'Xã Đội Cấn' });
      if (url.endsWith('/checkpoints')) return json(200, { items: [] });
      if (url.includes('/accounts?')) return json(200, { items: [], nextCursor: null, total: 0 });
      if (url.includes('/admin-units?')) {
        return json(200, { items: [{ code: '02212', name: 'Đội Cấn', nameWithType: 'Xã Đội Cấn', level: 'COMMUNE', type: 'xa', parentCode: '073' }], nextCursor: null });
      }
      if (url.endsWith('/accounts') && init?.method === 'POST') {
        return json(201, { account: officerAccount({ id: 'acc-8', jurisdiction: { checkpointId: 'cp-2' } }), activationCode: 'K7Q2-M9XD', activationExpiresAt: '2022-03-14T10:00:00Z' });
      }
      return undefined;
    });
    expect(r.el.textContent).toContain('Chưa có chốt kiểm soát nào');
    byTestId(r.el, 'checkpoint-create').click();
    await settle();
    const dialog = () => document.querySelector('[role="dialog"]')!;
    // empty: errors next to the fields, no request
    dialog().querySelector('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(dialog().querySelector('#cp-code-error')!.textContent).toBe('Vui lòng nhập thông tin này.');
    await set(dialog(), '#cp-code', 'ql2 - dc');
    expect((dialog().querySelector('#cp-code') as HTMLInputElement).value).toBe('QL2-DC');
    await set(dialog(), '#cp-name', 'Chốt Đội Cấn 2');
    await set(dialog(), '#cp-road', 'Quốc lộ 2');
    (dialog().querySelector('[data-testid="cp-direction-OUT"]') as HTMLInputElement).click();
    await set(dialog(), '#cp-unit', 'doi can');
    await vi.waitFor(() => expect(dialog().querySelector('#cp-unit-list [role="option"]')).not.toBeNull(), { timeout: 2000 });
    dialog().querySelector('#cp-unit-list [role="option"]')!.dispatchEvent(new MouseEvent('mousedown'));
    await flushPromises();
    byTestId(document, 'checkpoint-save').click();
    await settle();
    const unitSearch = r.calls.find((c) => c.path === '/admin-units')!;
    expect(unitSearch.query.get('level')).toBe('COMMUNE');
    expect(unitSearch.query.get('within')).toBe('08');
    const post = r.calls.find((c) => c.path === '/checkpoints' && c.method === 'POST')!;
    expect(post.body).toEqual({ code: 'QL2-DC', name: 'Chốt Đội Cấn 2', unitCode: '02212', road: 'Quốc lộ 2', directions: ['IN'] });
    expect(post.headers.get('idempotency-key')).toBeTruthy();
    expect(byTestId(r.el, 'checkpoint-notice').textContent).toContain('Đã thêm chốt Chốt Đội Cấn 2.');
    expect(r.el.querySelectorAll('[data-testid="checkpoint-row"]')).toHaveLength(1);

    // provision an officer
    byTestId(r.el, 'officer-create').click();
    await settle();
    expect(dialog().textContent).toContain('Cấp tài khoản cán bộ chốt Chốt Đội Cấn 2');
    const agencies = Array.from(dialog().querySelectorAll('#of-agency option')).map((o) => o.textContent);
    expect(agencies).toEqual(expect.arrayContaining(['Công an', 'Y tế', 'Quân đội', 'Giáo dục', 'Khác']));
    await set(dialog(), '#of-username', 'chot.doican.1');
    await set(dialog(), '#of-fullName', 'Nguyễn Văn Gác');
    await set(dialog(), '#of-agency', 'POLICE', 'change');
    await set(dialog(), '#of-phone', '0912 345 678');
    byTestId(document, 'officer-save').click();
    await settle();
    const acc = r.calls.find((c) => c.path === '/accounts' && c.method === 'POST')!;
    expect(acc.body).toEqual({
      username: 'chot.doican.1',
      fullName: 'Nguyễn Văn Gác',
      role: 'CHECKPOINT_OFFICER',
      checkpointId: 'cp-2',
      agency: 'POLICE',
      phone: '0912345678',
    });
    expect(acc.headers.get('idempotency-key')).toBeTruthy();
    expect(byTestId(document, 'activation-code').textContent).toBe('K7Q2-M9XD');
    byTestId(document, 'close-activation').click();
    await settle();
    expect(document.querySelector('[data-testid="activation-code"]')).toBeNull();
    expect(byTestId(r.el, 'officer-row').textContent).toContain('chot.doican.1');
  });

  it('deactivates a checkpoint only after a confirmation', async () => {
    const r = await open((url, init) => {
      if (url.endsWith('/checkpoints/cp-1') && init?.method === 'PATCH') return json(200, { ...CP, active: false });
      if (url.endsWith('/checkpoints')) return json(200, { items: [CP] });
      if (url.includes('/accounts?')) return json(200, { items: [], nextCursor: null, total: 0 });
      return undefined;
    });
    byTestId(r.el, 'checkpoint-deactivate').click();
    await settle();
    expect(document.querySelector('[role="dialog"]')!.textContent).toContain('Ngừng hoạt động chốt Chốt Đội Cấn?');
    expect(r.calls.some((c) => c.method === 'PATCH')).toBe(false);
    byTestId(document, 'confirm-deactivate').click();
    await settle();
    const patch = r.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ active: false });
    expect(byTestId(r.el, 'checkpoint-row').textContent).toContain('Ngừng hoạt động');
    expect(r.el.querySelector('[data-testid="officer-create"]')).toBeNull();
  });
});
