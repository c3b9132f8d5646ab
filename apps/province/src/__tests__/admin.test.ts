import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { components } from '@cordon/contracts';
import type { Account } from '@cordon/web';
import { click } from '@cordon/web/testing';
import { boot, json, official } from './harness';

type AuditEvent = components['schemas']['AuditEventDto'];

function event(n: number, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: `ev-${n}`,
    action: 'account.lock',
    actorId: 'me',
    actorRole: 'ACCOUNT_ADMIN',
    entityType: 'account',
    entityId: `acc-${n}`,
    before: { status: 'ACTIVE' },
    after: { status: 'LOCKED' },
    communeCode: null,
    districtCode: null,
    provinceCode: '08',
    requestId: 'req-1',
    occurredAt: '2022-03-11T17:30:00Z',
    ...over,
  };
}

let current: { unmount(): void } | null = null;
afterEach(() => {
  current?.unmount();
  current = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('audit log', () => {
  it('lists events with the URL filters, before / after, load more and the CSV export', async () => {
    const r = await boot(official('HEALTH_OFFICER'), '/audit?action=account.&unitCode=073&from=2022-03-01', (url) => {
      if (url.includes('/audit-events/export.csv')) return new Response('a,b\n', { status: 200, headers: { 'content-type': 'text/csv' } });
      if (url.includes('/audit-events?') && url.includes('cursor=c2')) return json(200, { items: [event(3, { actorRole: null, before: null })], nextCursor: null });
      if (url.includes('/audit-events?')) return json(200, { items: [event(1), event(2)], nextCursor: 'c2' });
      return undefined;
    });
    current = r;
    const list = r.calls.find((c) => c.path === '/audit-events')!;
    expect(list.query.get('action')).toBe('account.');
    expect(list.query.get('unitCode')).toBe('073');
    expect(list.query.get('from')).toBe('2022-03-01');
    expect(list.query.get('limit')).toBe('50');
    const rows = r.el.querySelectorAll('[data-testid="audit-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('12/03/2022 00:30');
    expect(rows[0]!.textContent).toContain('Sở Thông tin và Truyền thông');
    expect(rows[0]!.textContent).toContain('account.lock');
    expect(rows[0]!.querySelector('[data-testid="audit-after"]')!.textContent).toContain('"status": "LOCKED"');
    expect(r.el.querySelector('a[href="/province/audit"]')!.textContent).toContain('Nhật ký');

    await click(r.el, '[data-testid="load-more"]');
    expect(r.el.querySelectorAll('[data-testid="audit-row"]')).toHaveLength(3);
    expect(r.el.querySelectorAll('[data-testid="audit-row"]')[2]!.textContent).toContain('Hệ thống');

    await click(r.el, '[data-testid="audit-export"]');
    const exp = r.calls.find((c) => c.path === '/audit-events/export.csv')!;
    expect(exp.query.get('action')).toBe('account.');
    expect(exp.query.get('unitCode')).toBe('073');
  });

  it('is open to ACCOUNT_ADMIN too, not to other roles', async () => {
    const r = await boot(official('POLICE_ADMIN'), '/audit', () => undefined);
    current = r;
    expect(r.router.currentRoute.value.name).toBe('no-access');
  });
});

describe('deployment report', () => {
  it('shows the tables, marks idle communes, and opens the PDF', async () => {
    const r = await boot(official('ACCOUNT_ADMIN'), '/deployment', (url) => {
      if (url.includes('/reports/deployment/pdf')) return new Response('%PDF', { status: 200, headers: { 'content-type': 'application/pdf' } });
      if (url.includes('/reports/deployment'))
        return json(200, {
          generatedAt: '2022-03-11T17:30:00Z',
          districts: [{ code: '073', name: 'Huyện Yên Sơn', accounts: 20, activated: 15, active7d: 12, reports: 40, passages: 100 }],
          communes: [
            { code: '02221', name: 'Xã Trung Môn', accounts: 3, activated: 3, active7d: 3, reports: 10, passages: 0 },
            { code: '02222', name: 'Xã Lang Quán', accounts: 2, activated: 0, active7d: 0, reports: 0, passages: 0 },
          ],
          checkpoints: [{ id: 'cp-1', code: 'CP01', name: 'Chốt Km 12', accounts: 4, active7d: 4, passages: 100, paper: 25, electronic: 75 }],
          paperShare: 25,
          inactiveCommunes: ['02222'],
          inactiveCheckpoints: [],
        });
      return undefined;
    });
    current = r;
    const page = r.el.querySelector('[data-testid="deployment-report"]')!;
    expect(page.textContent).toContain('Huyện Yên Sơn');
    expect(page.textContent).toContain('25% lượt qua chốt');
    const communes = r.el.querySelectorAll('[data-testid="deployment-commune"]');
    expect(communes[0]!.textContent).not.toContain('Chưa hoạt động');
    expect(communes[1]!.textContent).toContain('Chưa hoạt động');
    expect(r.el.querySelector('[data-testid="deployment-checkpoint"]')!.textContent).toContain('75');
    expect(r.el.querySelector('a[href="/province/deployment"]')!.textContent).toContain('Báo cáo triển khai');

    const win = { location: { href: '' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = vi.fn(() => 'blob:pdf');
    URL.revokeObjectURL = vi.fn();
    onTestFinished(() => {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    });
    await click(r.el, '[data-testid="deployment-pdf"]');
    expect(r.calls.some((c) => c.path === '/reports/deployment/pdf')).toBe(true);
    expect(win.location.href).toBe('blob:pdf');
  });
});

describe('accounts filters', () => {
  it('sends neverSignedIn / locked from the URL and shows failed sign-ins', async () => {
    const acc = {
      id: 'acc-1',
      username: 'staff.1',
      fullName: 'Cán bộ 1',
      role: 'COMMUNE_STAFF',
      jurisdiction: { unitCode: '02221', level: 'COMMUNE', unitName: 'Xã Trung Môn' },
      status: 'LOCKED',
      title: null,
      phone: null,
      email: null,
      lockedUntil: null,
      activationExpiresAt: null,
      lastLoginAt: null,
      failedLogins: 5,
      createdAt: '2022-01-01T00:00:00Z',
    } as Account;
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts?locked=true', (url) =>
      url.includes('/accounts?') ? json(200, { items: [acc], nextCursor: null, total: 1 }) : undefined,
    );
    current = r;
    const first = r.calls.find((c) => c.path === '/accounts')!;
    expect(first.query.get('locked')).toBe('true');
    expect(first.query.get('neverSignedIn')).toBeNull();
    expect((r.el.querySelector('[data-testid="f-locked"]') as HTMLInputElement).checked).toBe(true);
    expect(r.el.querySelector('[data-testid="account-failed-logins"]')!.textContent).toContain('5 lần đăng nhập sai');

    await click(r.el, '[data-testid="f-never-signed-in"]');
    expect(r.router.currentRoute.value.query).toEqual({ locked: 'true', neverSignedIn: 'true' });
    const last = r.calls.filter((c) => c.path === '/accounts').at(-1)!;
    expect(last.query.get('neverSignedIn')).toBe('true');
  });
});
