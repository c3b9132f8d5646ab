import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, signIn } from '../support/browser';
import { DEMO_PASSWORD, ROOT } from '../support/cordon';
import { withPlatformAndBrowser } from '../support/platform';

/** Screenshots for the user guides (docs/guides), taken by this journey. */
const SHOTS = join(ROOT, 'docs/guides/images');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

const platform = withPlatformAndBrowser();

const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

async function signedIn(app: string, username: string, desktop = false): Promise<Page> {
  const page = desktop ? await (await platform.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage() : await phonePage(platform.browser);
  await page.goto(`${platform.cordon.url}/${app}/login`);
  await page.getByTestId('signin-title').waitFor();
  await signIn(page, username, DEMO_PASSWORD);
  await page.getByTestId('home-title').waitFor();
  return page;
}

describe('F0: report -> accept -> draft -> sign -> download and verify -> revoke', () => {
  let verifyUrl = '';

  it('a citizen reports an infection from a phone and gets a receipt', async () => {
    const page = await signedIn('citizen', '0912000001');
    await shot(page, 'citizen-home');
    await page.goto(`${platform.cordon.url}/citizen/reports/new?commune=02212`);
    await page.getByTestId('for-self').check();
    await page.getByTestId('step-next').click();
    await page.locator('#r-address').fill('Tổ 7, đường Tân Trào');
    await page.getByTestId('step-next').click();
    await page.locator('#r-testType').check();
    await page.locator('#r-testDate').fill(today());
    await page.getByTestId('step-next').click();
    await page.getByTestId('step-next').click(); // symptoms: none
    await page.locator('#r-vaccineDoses').check(); // risk: first choice
    await page.getByTestId('step-next').click();
    await page.getByTestId('step-next').click(); // contacts: none
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-receipt').waitFor();
    await shot(page, 'citizen-report-receipt');
    await page.context().close();
  });

  it('commune staff accept the report and draft the isolation decision', async () => {
    const page = await signedIn('commune', 'staff.02212', true);
    await page.goto(`${platform.cordon.url}/commune/reports`);
    await page.getByTestId('report-row').filter({ hasText: 'Nguyễn Văn An' }).first().waitFor();
    await shot(page, 'commune-inbox');
    await page.getByTestId('report-row').filter({ hasText: 'Nguyễn Văn An' }).getByTestId('report-link').click();
    await page.getByTestId('accept-report').click();
    await page.getByTestId('accept-notice').waitFor();
    await page.goto(`${platform.cordon.url}/commune/reports?status=ACCEPTED`);
    await page.getByTestId('report-row').filter({ hasText: 'Nguyễn Văn An' }).getByTestId('select-row').check();
    await page.getByTestId('draft-decisions').click();
    await page.getByTestId('draft-notice').waitFor();
    await page.context().close();
  });

  it('the commune leader signs it: it gets a number', async () => {
    const page = await signedIn('commune', 'leader.02212', true);
    await page.goto(`${platform.cordon.url}/commune/decisions?status=DRAFT`);
    const row = page.getByTestId('document-row').filter({ hasText: 'Nguyễn Văn An' });
    await row.getByTestId('select-row').check();
    await page.getByTestId('sign-selected').click();
    await page.getByTestId('confirm-dialog-ok').waitFor();
    await shot(page, 'commune-sign');
    await page.getByTestId('confirm-dialog-ok').click();
    const number = (await page.getByTestId('signed-number').first().textContent())!.trim();
    expect(number).toMatch(/^1\/QĐ-UBND$/);
    await page.context().close();
  });

  it('the citizen is notified, downloads the PDF, and the verification page shows it valid', async () => {
    const page = await signedIn('citizen', '0912000001');
    await page.goto(`${platform.cordon.url}/citizen/documents`);
    const row = page.getByTestId('document-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('1/QĐ-UBND');
    await shot(page, 'citizen-documents');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('document-download').click()]);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    await row.getByTestId('document-verify').click();
    await page.getByTestId('verify-status').waitFor();
    verifyUrl = page.url();
    expect(await page.getByTestId('verify-status').textContent()).toMatch(/HỢP LỆ/i);
    expect(await page.getByTestId('verify-holder').textContent()).toBe('Nguyễn V** A**');
    await shot(page, 'citizen-verify');
    await page.context().close();
  });

  it('after the leader revokes it, the public page shows it revoked', async () => {
    const page = await signedIn('commune', 'leader.02212', true);
    await page.goto(`${platform.cordon.url}/commune/decisions?status=ISSUED`);
    await page.getByTestId('document-row').filter({ hasText: 'Nguyễn Văn An' }).getByTestId('revoke-document').click();
    await page.getByTestId('revoke-reason').fill('Nhập sai địa chỉ nơi cách ly');
    await page.getByTestId('confirm-dialog-ok').click();
    await page.getByTestId('docs-notice').waitFor();
    await page.context().close();

    const anonymous = await phonePage(platform.browser);
    await anonymous.goto(verifyUrl);
    await anonymous.getByTestId('verify-status').waitFor();
    expect(await anonymous.getByTestId('verify-status').textContent()).toMatch(/ĐÃ THU HỒI/i);
    await anonymous.context().close();
  });
});
