import { afterEach, describe, expect, it } from 'vitest';
import { apiError, byTestId, json, mountAt, type Call } from './harness';

const doc = {
  kind: 'ISOLATION_DECISION',
  numberText: '12/QĐ-UBND',
  issuer: 'UBND Xã Thượng Giáp',
  signedAt: '2026-11-21T03:00:00Z',
  startDate: '2026-11-20',
  endDate: '2026-11-26',
  status: 'VALID',
  revokedAt: null,
  holderName: 'Nguyễn V** A**',
  pdfSha256: 'a'.repeat(64),
};

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function open(answer: () => Response) {
  const calls: Call[] = [];
  const m = await mountAt(
    '/verify/ABC123',
    (call) => {
      calls.push(call);
      if (call.path === '/public/documents/ABC123') return answer();
      return undefined;
    },
    { signedIn: false },
  );
  cleanup = m.unmount;
  return { ...m, calls };
}

describe('public verification page', () => {
  it('shows a valid document without signing in: status word and icon, masked holder, dates, SHA-256', async () => {
    const { el, router, calls } = await open(() => json(200, doc));
    expect(router.currentRoute.value.name).toBe('verify');
    expect(calls[0]!.headers.get('authorization')).toBeNull();
    const status = byTestId(el, 'verify-status');
    expect(status.textContent).toContain('HỢP LỆ');
    expect(status.textContent).toContain('✔');
    expect(byTestId(el, 'verify-kind').textContent).toBe('Quyết định cách ly y tế');
    expect(byTestId(el, 'verify-holder').textContent).toBe('Nguyễn V** A**');
    expect(el.textContent).toContain('12/QĐ-UBND');
    expect(el.textContent).toContain('UBND Xã Thượng Giáp');
    expect(el.textContent).toContain('20/11/2026');
    expect(byTestId(el, 'verify-hash').textContent).toBe('a'.repeat(64));
    expect(el.textContent).toContain('so sánh với mã trên bản in');
  });

  it('shows a revoked document as ĐÃ THU HỒI', async () => {
    const { el } = await open(() => json(200, { ...doc, status: 'REVOKED', revokedAt: '2026-11-22T03:00:00Z' }));
    const status = byTestId(el, 'verify-status');
    expect(status.textContent).toContain('ĐÃ THU HỒI');
    expect(status.textContent).toContain('✖');
    expect(el.textContent).toContain('22/11/2026');
  });

  it('says "Không tìm thấy văn bản" for an unknown code', async () => {
    const { el } = await open(() => apiError(404, 'NOT_FOUND'));
    expect(byTestId(el, 'verify-not-found').textContent).toContain('Không tìm thấy văn bản');
    expect(el.querySelector('[data-testid="verify-status"]')).toBeNull();
  });
});
