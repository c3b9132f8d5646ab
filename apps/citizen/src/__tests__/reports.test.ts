import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, click, dmy, json, mountAt, q, type, type Call } from './harness';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('my reports', () => {
  it('lists every report with its status in words, the rejection reason and dd/MM/yyyy dates', async () => {
    const m = await mountAt('/reports', (call) =>
      call.path === '/case-reports'
        ? json(200, {
            items: [
              { id: 'r2', kind: 'RECOVERY', status: 'SUBMITTED', fullName: 'Lê Thị Hoa', testDate: '2026-11-27', submittedAt: '2026-11-27T02:00:00Z' },
              {
                id: 'r1',
                kind: 'INFECTION',
                status: 'REJECTED',
                fullName: 'Lê Văn Bố',
                testDate: '2026-11-20',
                submittedAt: '2026-11-20T02:00:00Z',
                rejectionReason: 'Ảnh không rõ',
              },
            ],
            nextCursor: null,
          })
        : undefined,
    );
    cleanup = m.unmount;
    const rows = m.el.querySelectorAll('[data-testid="report-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Khai báo khỏi bệnh');
    expect(rows[0]!.textContent).toContain('Đã gửi');
    expect(rows[1]!.textContent).toContain('Bị từ chối');
    expect(rows[1]!.textContent).toContain('Lý do: Ảnh không rõ');
    expect(rows[1]!.textContent).toContain('20/11/2026');
    expect(rows[1]!.getAttribute('href')).toBe('/citizen/reports/r1');
  });

  it('has a friendly empty state', async () => {
    const m = await mountAt('/reports', (call) => (call.path === '/case-reports' ? json(200, { items: [], nextCursor: null }) : undefined));
    cleanup = m.unmount;
    expect(byTestId(m.el, 'reports-empty').textContent).toContain('Bạn chưa gửi khai báo nào');
  });
});

describe('recovery report', () => {
  it('requires "no more symptoms", sends with an Idempotency-Key and shows a receipt', async () => {
    const posts: Call[] = [];
    const m = await mountAt('/reports/recovery', (call) => {
      if (call.path === '/cases') {
        return json(200, {
          items: [{ id: 'case-1', fullName: 'Lê Thị Hoa', positiveTestDate: '2026-01-01', isolation: { dayNumber: 8 } }],
          nextCursor: null,
        });
      }
      if (call.path === '/case-reports/recovery') {
        posts.push(call);
        return json(201, { id: 'r9', kind: 'RECOVERY', status: 'SUBMITTED', fullName: 'Lê Thị Hoa', submittedAt: '2026-11-27T02:00:00Z' });
      }
      return undefined;
    });
    cleanup = m.unmount;
    const { el } = m;
    await click(el, '#rc-testType');
    await type(el, '#rc-testDate', dmy(0));
    await click(el, '[data-testid="report-submit"]');
    expect(posts).toHaveLength(0);
    expect(q(el, '#rc-noSymptoms').closest('.field')!.textContent).toContain('không còn triệu chứng');
    await click(el, '[data-testid="no-symptoms"]');
    await click(el, '[data-testid="report-submit"]');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ caseId: 'case-1', testType: 'RAPID_SELF', testDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), noSymptoms: true });
    expect(posts[0]!.headers.get('idempotency-key')).toBeTruthy();
    expect(byTestId(el, 'report-receipt').textContent).toContain('Đã gửi khai báo');
  });

  it('explains that it needs an open case', async () => {
    const m = await mountAt('/reports/recovery', (call) => (call.path === '/cases' ? json(200, { items: [], nextCursor: null }) : undefined));
    cleanup = m.unmount;
    expect(byTestId(m.el, 'recovery-no-case').textContent).toContain('Không có ca bệnh đang cách ly');
  });
});
