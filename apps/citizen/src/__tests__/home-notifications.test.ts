import { afterEach, describe, expect, it, vi } from 'vitest';
import { byTestId, click, json, mountAt, type Call } from './harness';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const notifications = [
  { id: 'n1', kind: 'REPORT_REJECTED', params: { kind: 'INFECTION', reason: 'Ảnh không rõ' }, entityType: 'case_report', entityId: 'rep-1', readAt: null, createdAt: '2026-11-23T01:00:00Z' },
  {
    id: 'n2',
    kind: 'DOCUMENT_ISSUED',
    params: { kind: 'ISOLATION_DECISION', numberText: '12/QĐ-UBND' },
    entityType: 'document',
    entityId: 'd1',
    readAt: null,
    createdAt: '2026-11-22T01:00:00Z',
  },
  { id: 'n3', kind: 'REPORT_ACCEPTED', params: {}, entityType: 'case_report', entityId: 'rep-0', readAt: '2026-11-21T02:00:00Z', createdAt: '2026-11-21T01:00:00Z' },
];

describe('home', () => {
  it('offers the daily check-in for an isolating case and shows the unread count on the bell', async () => {
    const m = await mountAt('/', (call) => {
      if (call.path === '/cases' && call.query.get('view') === 'ISOLATING') {
        return json(200, { items: [{ id: 'case-1', fullName: 'Lê Thị Hoa', isolation: { dayNumber: 3 } }], nextCursor: null });
      }
      if (call.path === '/notifications') return json(200, { items: [], nextCursor: null, unread: 2 });
      return undefined;
    });
    cleanup = m.unmount;
    const checkIn = byTestId<HTMLAnchorElement>(m.el, 'service-checkin');
    expect(checkIn.getAttribute('href')).toBe('/citizen/cases/case-1/check-in');
    expect(checkIn.textContent).toContain('Khai báo sức khỏe hằng ngày');
    expect(checkIn.textContent).toContain('ngày cách ly thứ 3');
    expect(byTestId(m.el, 'bell-count').textContent).toBe('2');
    expect(byTestId(m.el, 'notifications-bell').getAttribute('aria-label')).toContain('2 chưa đọc');
    expect(byTestId(m.el, 'service-recovery').getAttribute('href')).toBe('/citizen/reports/recovery');
    expect(byTestId(m.el, 'service-reports').getAttribute('href')).toBe('/citizen/reports');
    expect(byTestId(m.el, 'service-documents').getAttribute('href')).toBe('/citizen/documents');
  });

  it('says the recovery report needs an open case when there is none', async () => {
    const m = await mountAt('/', (call) => (call.path === '/cases' ? json(200, { items: [], nextCursor: null }) : undefined));
    cleanup = m.unmount;
    expect(m.el.querySelector('[data-testid="service-checkin"]')).toBeNull();
    expect(byTestId(m.el, 'service-recovery').textContent).toContain('không có ca bệnh nào đang cách ly');
  });
});

describe('notifications', () => {
  it('lists them translated, marks one as read when opened, and all at once', async () => {
    const posts: Call[] = [];
    const m = await mountAt('/notifications', (call) => {
      if (call.path === '/notifications' && call.method === 'GET') return json(200, { items: notifications, nextCursor: null, unread: 2 });
      if (call.method === 'POST' && call.path.startsWith('/notifications/')) {
        posts.push(call);
        return new Response(null, { status: 204 });
      }
      if (call.path === '/case-reports/rep-1') return json(200, null);
      return undefined;
    });
    cleanup = m.unmount;
    const rows = m.el.querySelectorAll<HTMLButtonElement>('[data-testid="notification-row"]');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Khai báo nhiễm COVID-19 (F0) của bạn bị từ chối. Lý do: Ảnh không rõ');
    expect(rows[0]!.textContent).toContain('Mới');
    expect(rows[1]!.textContent).toContain('Đã ban hành Quyết định cách ly y tế số 12/QĐ-UBND');
    expect(rows[2]!.textContent).toContain('đã được UBND xã tiếp nhận');
    expect(rows[2]!.textContent).not.toContain('Mới');
    expect(byTestId(m.el, 'unread-count').textContent).toContain('2');

    await click(m.el, '[data-testid="read-all"]');
    expect(posts.map((p) => p.path)).toEqual(['/notifications/read-all']);
    expect(byTestId(m.el, 'unread-count').textContent).toContain('0');
    expect(m.el.textContent).not.toContain('Mới');
  });

  it('opening an unread notification marks it read and goes to the report', async () => {
    const posts: Call[] = [];
    const m = await mountAt('/notifications', (call) => {
      if (call.path === '/notifications' && call.method === 'GET') return json(200, { items: notifications, nextCursor: null, unread: 2 });
      if (call.method === 'POST') {
        posts.push(call);
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    cleanup = m.unmount;
    await click(m.el, '[data-testid="notification-row"]');
    expect(posts.map((p) => p.path)).toEqual(['/notifications/n1/read']);
    await vi.waitFor(() => expect(m.router.currentRoute.value.fullPath).toBe('/reports/rep-1'));
  });
});
