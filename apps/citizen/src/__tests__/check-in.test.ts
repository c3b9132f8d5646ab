import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, click, json, mountAt, q, type, type Call } from './harness';

const theCase = {
  id: 'case-1',
  status: 'ISOLATING',
  fullName: 'Lê Thị Hoa',
  positiveTestDate: '2026-11-20',
  isolation: { plannedEndDate: '2026-11-26', extendedEndDate: null, eligible: false, eligibleFrom: null, dayNumber: 4 },
};

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function mountCheckIn(dangerSigns: boolean) {
  const posts: Call[] = [];
  const m = await mountAt('/cases/case-1/check-in', (call) => {
    if (call.path === '/cases/case-1' && call.method === 'GET') return json(200, theCase);
    if (call.path === '/cases/case-1/check-ins' && call.method === 'POST') {
      posts.push(call);
      const body = call.body as { symptoms: string[] };
      return json(201, {
        checkIn: { id: 'ci-1', caseId: 'case-1', symptoms: body.symptoms, temperature: null, spo2: null, dangerSigns, createdAt: '2026-11-23T01:00:00Z' },
        dangerSigns,
        advice: dangerSigns ? 'CALL_NOW' : 'CONTINUE',
      });
    }
    return undefined;
  });
  cleanup = m.unmount;
  return { ...m, posts };
}

describe('daily check-in', () => {
  it('puts the danger-sign alert first on screen, in words with an icon and a tel: link to 115', async () => {
    const { el, posts } = await mountCheckIn(true);
    expect(byTestId(el, 'checkin-case').textContent).toContain('Ngày cách ly thứ 4');
    await click(el, '[data-symptom="BREATHLESSNESS"] input');
    await type(el, '#ci-temperature', '38,2');
    await type(el, '#ci-spo2', '93');
    await click(el, '[data-testid="checkin-submit"]');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ symptoms: ['BREATHLESSNESS'], temperature: 38.2, spo2: 93 });
    expect(posts[0]!.headers.get('idempotency-key')).toBeTruthy();

    const alert = byTestId(el, 'danger-alert');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Dấu hiệu nguy hiểm! Hãy gọi ngay Trạm y tế xã hoặc 115');
    expect(alert.textContent).toContain('⚠');
    expect(q<HTMLAnchorElement>(alert, 'a[href="tel:115"]')).toBeTruthy();
    // the first thing in the page's content
    const main = q(el, 'main');
    expect(main.querySelector('section')!.firstElementChild).toBe(alert);
    expect(el.querySelector('[data-testid="checkin-receipt"]')).toBeNull();
  });

  it('shows a calm receipt with the day of isolation when there are no danger signs', async () => {
    const { el, posts } = await mountCheckIn(false);
    await click(el, '[data-symptom="COUGH"] input');
    await click(el, '[data-testid="checkin-submit"]');
    expect(posts[0]!.body).toEqual({ symptoms: ['COUGH'] });
    expect(el.querySelector('[data-testid="danger-alert"]')).toBeNull();
    expect(byTestId(el, 'checkin-receipt').textContent).toContain('Đã ghi nhận khai báo sức khỏe');
    expect(byTestId(el, 'checkin-day').textContent).toContain('Ngày cách ly thứ 4');
  });

  it('checks the temperature and SpO2 ranges next to the fields', async () => {
    const { el, posts } = await mountCheckIn(false);
    await type(el, '#ci-temperature', '45');
    expect(q(el, '#ci-temperature-error').textContent).toContain('34');
    await type(el, '#ci-spo2', '120');
    expect(q(el, '#ci-spo2-error').textContent).toContain('50');
    expect(q(el, '#ci-spo2').getAttribute('inputmode')).toBe('numeric');
    expect(q(el, '#ci-temperature').getAttribute('inputmode')).toBe('decimal');
    await click(el, '[data-testid="checkin-submit"]');
    expect(posts).toHaveLength(0);
  });

  it('still shows the danger alert when the answer is lost but a danger sign was ticked', async () => {
    const m = await mountAt('/cases/case-1/check-in', (call) => {
      if (call.path === '/cases/case-1') return json(200, theCase);
      if (call.path === '/cases/case-1/check-ins') throw new TypeError('Failed to fetch');
      return undefined;
    });
    cleanup = m.unmount;
    await click(m.el, '[data-symptom="CHEST_PAIN"] input');
    await click(m.el, '[data-testid="checkin-submit"]');
    expect(byTestId(m.el, 'danger-alert').textContent).toContain('115');
  });
});
