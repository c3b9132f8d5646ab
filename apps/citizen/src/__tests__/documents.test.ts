import { afterEach, describe, expect, it, vi } from 'vitest';
import { byTestId, click, json, mountAt, type Call } from './harness';

function document(over: Record<string, unknown>) {
  return {
    id: 'd1',
    kind: 'ISOLATION_DECISION',
    status: 'ISSUED',
    caseId: 'case-1',
    holderName: 'Lê Thị Hoa',
    startDate: '2026-11-20',
    endDate: '2026-11-26',
    numberText: '12/QĐ-UBND',
    communeName: 'Xã Trung Môn',
    signedAt: '2026-11-21T03:00:00Z',
    revokedAt: null,
    revokeReason: null,
    verifyCode: 'ABC123',
    createdAt: '2026-11-21T02:00:00Z',
    ...over,
  };
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  vi.restoreAllMocks();
});

describe('my documents', () => {
  it('lists decisions and confirmations and downloads the PDF with the bearer token', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:pdf-1';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const pdfCalls: Call[] = [];
    const m = await mountAt('/documents', (call) => {
      if (call.path === '/isolation-decisions') return json(200, { items: [document({})], nextCursor: null });
      if (call.path === '/recovery-confirmations') {
        return json(200, {
          items: [
            document({
              id: 'd2',
              kind: 'RECOVERY_CONFIRMATION',
              status: 'REVOKED',
              numberText: '3/GXN-UBND',
              signedAt: '2026-11-27T03:00:00Z',
              revokedAt: '2026-11-28T03:00:00Z',
              revokeReason: 'Nhầm người',
              verifyCode: 'XYZ789',
            }),
          ],
          nextCursor: null,
        });
      }
      if (call.path === '/isolation-decisions/d1/pdf') {
        pdfCalls.push(call);
        return new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } });
      }
      return undefined;
    });
    cleanup = m.unmount;
    const rows = m.el.querySelectorAll('[data-testid="document-row"]');
    expect(rows).toHaveLength(2);
    // newest first
    expect(rows[0]!.textContent).toContain('Giấy xác nhận khỏi bệnh');
    expect(rows[0]!.textContent).toContain('Đã thu hồi');
    expect(rows[0]!.textContent).toContain('Nhầm người');
    expect(rows[1]!.textContent).toContain('12/QĐ-UBND');
    expect(rows[1]!.textContent).toContain('từ 20/11/2026 đến hết 26/11/2026');
    expect(rows[1]!.querySelector('[data-testid="document-verify"]')?.getAttribute('href')).toBe('/citizen/verify/ABC123');

    await click(rows[1]!, '[data-testid="document-download"]');
    expect(pdfCalls).toHaveLength(1);
    expect(pdfCalls[0]!.method).toBe('GET');
    expect(pdfCalls[0]!.headers.get('authorization')).toBe('Bearer token-1');
    expect(created).toHaveLength(1);
    expect(await created[0]!.text()).toBe('%PDF-1.7');
    expect(clicked).toHaveBeenCalledTimes(1);
    const anchor = clicked.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('12-QD-UBND.pdf');
    expect(anchor.href).toBe('blob:pdf-1');
  });

  it('says so when there is nothing yet', async () => {
    const m = await mountAt('/documents', (call) =>
      call.path === '/isolation-decisions' || call.path === '/recovery-confirmations' ? json(200, { items: [], nextCursor: null }) : undefined,
    );
    cleanup = m.unmount;
    expect(byTestId(m.el, 'documents-empty').textContent).toContain('Chưa có giấy tờ nào');
  });
});
