import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, signIn } from '../support/browser';
import { DEMO_PASSWORD, ROOT } from '../support/cordon';
import { withPlatformAndBrowser } from '../support/platform';

const SHOTS = join(ROOT, 'docs/guides/images');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

const platform = withPlatformAndBrowser();

async function signedIn(app: string, username: string, desktop = false): Promise<Page> {
  const page = desktop ? await (await platform.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage() : await phonePage(platform.browser);
  await page.goto(`${platform.cordon.url}/${app}/login`);
  await page.getByTestId('signin-title').waitFor();
  await signIn(page, username, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return page;
}

describe('movements: declare -> scan at the checkpoint -> arrivals board and commune follow-up', () => {
  let shortCode = '';
  let travellerName = '';

  it('a citizen declares a trip and sees the QR, the short code and the risk', async () => {
    const page = await signedIn('citizen', '0912000002');
    await page.goto(`${platform.cordon.url}/citizen/declarations/new`);
    await declareTrip(page);
    const code = (await page.getByTestId('declaration-code').textContent())!.replace(/\s/g, '');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(await page.getByTestId('declaration-qr').locator('svg').count()).toBe(1);
    expect(await page.getByTestId('declaration-risk').textContent()).toMatch(/THẤP|TRUNG BÌNH|CAO/);
    await shot(page, 'citizen-declaration-qr');
    shortCode = code;
    travellerName = 'Trần Thị Bình';
    await page.context().close();
  });

  it('the checkpoint officer types the short code, sees the risk and records the passage; a scan made offline is queued and sent on reconnecting', async () => {
    const page = await signedIn('province', 'officer.ql2-pt');
    await page.goto(`${platform.cordon.url}/province/scan`);
    await page.getByTestId('scan-code-input').fill(shortCode);
    await page.getByTestId('scan-lookup').click();
    await page.getByTestId('scan-result').waitFor();
    expect(await page.getByTestId('scan-name').textContent()).toContain(travellerName);
    expect(await page.getByTestId('scan-risk').textContent()).toMatch(/THẤP|TRUNG BÌNH|CAO/i);
    await shot(page, 'officer-scan-result');
    await page.getByTestId('outcome-ALLOWED').click();
    await page.locator('[data-testid="passage-recorded"][data-status="sent"]').waitFor();

    // Offline: look up again (online), lose the connection, record: it is queued, then sent.
    await page.getByTestId('scan-next').click();
    await page.getByTestId('scan-code-input').fill(shortCode);
    await page.getByTestId('scan-lookup').click();
    await page.getByTestId('scan-result').waitFor();
    await page.context().setOffline(true);
    await page.getByTestId('direction-OUT').click();
    await page.getByTestId('outcome-ALLOWED').click();
    await page.locator('[data-testid="passage-recorded"][data-status="queued"]').waitFor();
    await page.locator('[data-testid="queue-count"][data-count="1"]').waitFor();
    await page.context().setOffline(false);
    await page.getByTestId('queue-flush').click().catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector('[data-testid="queue-count"]') || document.querySelector('[data-testid="queue-count"]')?.getAttribute('data-count') === '0');
    // Both passages reached the server, the queued one exactly once.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('cordon.province.session')!).accessToken as string);
    const res = await fetch(`${platform.cordon.url}/api/v1/movement-declarations/lookup/${shortCode}`, { headers: { authorization: `Bearer ${token}` } });
    const scanned = (await res.json()) as { passages: { direction: string }[] };
    expect(scanned.passages.map((p) => p.direction).sort()).toEqual(['IN', 'OUT']);
    await page.context().close();
  });

  it('the Department of Health sees the arrival on the board; the destination commune sees it to follow up', async () => {
    const health = await signedIn('province', 'health', true);
    await health.goto(`${platform.cordon.url}/province/arrivals`);
    await health.getByTestId('arrival-row').filter({ hasText: travellerName }).first().waitFor();
    await shot(health, 'health-arrivals');
    await health.context().close();

    const staff = await signedIn('commune', 'staff.02230', true);
    await staff.goto(`${platform.cordon.url}/commune/arrivals`);
    const row = staff.getByTestId('arrival-row').filter({ hasText: travellerName }).first();
    await row.waitFor();
    await row.getByTestId('followup-open').click();
    await staff.getByTestId('followup-status').selectOption('MONITORING');
    await staff.getByTestId('followup-save').click();
    await row.getByTestId('followup-badge').filter({ hasText: /Theo dõi/ }).waitFor();
    await staff.context().close();
  });
});

/** Fills the declaration form for oneself, from Hanoi to Xã Thượng Giáp, and submits it. */
async function declareTrip(page: Page): Promise<void> {
  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
  await page.getByTestId('for-self').check();
  await page.getByTestId('declare-step-next').click();
  await page.locator('#d-origin').fill('ba dinh');
  await page.getByRole('option', { name: /Ba Đình/ }).first().click();
  await page.locator('#d-originAddress').fill('Số 1 Tràng Tiền');
  await page.locator('#d-destination').fill('thuong giap');
  await page.getByRole('option', { name: /Thượng Giáp/ }).first().click();
  await page.locator('#d-destinationAddress').fill('Thôn Nà Mèo');
  await page.getByTestId('declare-step-next').click();
  await page.locator('#d-travelDate').fill(today);
  await page.getByTestId('transport-CAR').check();
  await page.locator('#d-vehiclePlate').fill('29A-123.45');
  await page.locator('#d-purpose').fill('Thăm gia đình');
  await page.getByTestId('declare-step-next').click();
  await page.getByTestId('contact-no').check();
  await page.getByTestId('zone-no').check();
  await page.getByTestId('declare-step-next').click();
  await page.getByTestId('doses-2').check();
  await page.getByTestId('declare-step-next').click();
  await page.getByTestId('test-none').check();
  await page.getByTestId('declare-step-next').click();
  await page.getByTestId('declare-submit').click();
  await page.getByTestId('declaration-qr').waitFor();
}
