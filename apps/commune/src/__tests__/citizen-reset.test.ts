import { afterEach, describe, expect, it } from 'vitest';
import { apiError, click, type } from '@cordon/web/testing';
import { boot, json } from './harness';

let current: { unmount(): void } | null = null;
afterEach(() => {
  current?.unmount();
  current = null;
  document.body.innerHTML = '';
});

describe('citizen activation reset', () => {
  it('confirms, posts the ID number and shows the one-time code once', async () => {
    const r = await boot('COMMUNE_STAFF', '/citizen-reset', (url, init) => {
      if (url.endsWith('/citizens/reset-activation') && init?.method === 'POST')
        return json(200, { fullName: 'Nguyễn Văn An', username: '0912345678', activationCode: '123456', activationExpiresAt: '2022-03-12T17:30:00Z' });
      return undefined;
    });
    current = r;
    expect(r.el.querySelector('a[href="/commune/citizen-reset"]')!.textContent).toContain('Cấp lại mã kích hoạt');
    await type(r.el, '[data-testid="citizen-reset-id"]', '12345');
    await click(r.el, '[data-testid="citizen-reset-submit"]');
    expect(r.el.textContent).toContain('12 chữ số');
    expect(document.querySelector('[data-testid="confirm-dialog-ok"]')).toBeNull();

    await type(r.el, '[data-testid="citizen-reset-id"]', '001089000001');
    await click(r.el, '[data-testid="citizen-reset-submit"]');
    expect(r.calls.some((c) => c.path === '/citizens/reset-activation')).toBe(false);
    expect(document.querySelector('[data-testid="confirm-dialog-text"]')!.textContent).toContain('001089000001');
    await click(document, '[data-testid="confirm-dialog-ok"]');
    const post = r.calls.find((c) => c.path === '/citizens/reset-activation')!;
    expect(post.body).toEqual({ idNumber: '001089000001' });
    expect(r.el.querySelector('[data-testid="citizen-reset-code"]')!.textContent).toBe('123456');
    const result = r.el.querySelector('[data-testid="citizen-reset-result"]')!.textContent!;
    expect(result).toContain('Nguyễn Văn An');
    expect(result).toContain('0912345678');
    expect(result).toContain('13/03/2022 00:30');
    await click(r.el, '[data-testid="citizen-reset-done"]');
    expect(r.el.querySelector('[data-testid="citizen-reset-code"]')).toBeNull();
  });

  it('says so when no citizen of the commune has the number', async () => {
    const r = await boot('COMMUNE_LEADER', '/citizen-reset', (url) =>
      url.endsWith('/citizens/reset-activation') ? apiError(404, 'NOT_FOUND') : undefined,
    );
    current = r;
    await type(r.el, '[data-testid="citizen-reset-id"]', 'B1234567');
    await click(r.el, '[data-testid="citizen-reset-submit"]');
    await click(document, '[data-testid="confirm-dialog-ok"]');
    expect(r.el.textContent).toContain('Không tìm thấy người dân thuộc xã với số này');
    expect(r.el.querySelector('[data-testid="citizen-reset-code"]')).toBeNull();
  });

  it('is not offered to a district officer', async () => {
    const r = await boot('DISTRICT_OFFICER', '/citizen-reset');
    current = r;
    expect(r.router.currentRoute.value.name).toBe('no-access');
    expect(r.el.querySelector('a[href="/commune/citizen-reset"]')).toBeNull();
  });
});
