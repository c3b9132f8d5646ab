import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fitsWidth, phonePage, signIn } from '../support/browser';
import { DEMO_PASSWORD } from '../support/cordon';
import { withPlatformAndBrowser } from '../support/platform';

/**
 * A citizen who forgot their password: the commune staff give a new activation code in person (commune app,
 * "Cấp lại mã kích hoạt"), the citizen activates with it in the citizen app and is signed in.
 */
const platform = withPlatformAndBrowser();

// A demo citizen of Xã 02212 (apps/api/src/seed/demo-seed.ts) and that commune's staff.
const CITIZEN = { phone: '0912000001', idNumber: '008090000001', fullName: 'Nguyễn Văn An' };
const NEW_PASSWORD = 'Moi@2026matkhau';

async function desktopPage(): Promise<Page> {
  const context = await platform.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  return context.newPage();
}

describe('citizen activation with a code given at the commune', () => {
  it('staff give a code, the citizen activates in the citizen app, sets a new password and is signed in', async () => {
    // (1) the commune staff check the ID card and give a new code
    const staff = await desktopPage();
    await staff.goto(`${platform.cordon.url}/commune/login`);
    await staff.getByTestId('signin-title').waitFor();
    await signIn(staff, 'staff.02212', DEMO_PASSWORD);
    await staff.getByTestId('home-title').waitFor();
    await staff.getByRole('link', { name: 'Cấp lại mã kích hoạt' }).first().click();
    await staff.getByTestId('citizen-reset-form').waitFor();
    await staff.getByTestId('citizen-reset-id').fill(CITIZEN.idNumber);
    await staff.getByTestId('citizen-reset-submit').click();
    await staff.getByTestId('confirm-dialog-ok').click();
    await staff.getByTestId('citizen-reset-result').waitFor();
    expect(await staff.getByTestId('citizen-reset-name').textContent()).toBe(CITIZEN.fullName);
    expect(await staff.getByTestId('citizen-reset-username').textContent()).toBe(CITIZEN.phone);
    const code = (await staff.getByTestId('citizen-reset-code').textContent())!.trim();
    expect(code.length).toBeGreaterThanOrEqual(10);
    // the words handed over name the real link and button of the citizen app
    const how = (await staff.getByTestId('citizen-reset-result').textContent())!;
    expect(how).toContain('"Kích hoạt tài khoản"');
    expect(how).toContain(`số điện thoại ${CITIZEN.phone}`);
    expect(how).toContain('"Kích hoạt và đăng nhập"');
    await staff.context().close();

    // (2) the old password no longer works: the sign-in page says to activate, with the link
    const page = await phonePage(platform.browser);
    await page.goto(`${platform.cordon.url}/citizen/`);
    await page.getByTestId('signin-title').waitFor();
    expect(await page.getByTestId('activate-link').textContent()).toBe('Kích hoạt tài khoản');
    await signIn(page, CITIZEN.phone, DEMO_PASSWORD);
    const alert = page.getByTestId('alert');
    await alert.waitFor();
    expect(await alert.getByTestId('alert-message').textContent()).toContain('chưa được kích hoạt');

    // (3) activation: the phone number comes prefilled from the sign-in page
    await alert.getByRole('link', { name: 'Kích hoạt tài khoản' }).click();
    await page.getByTestId('activate-form').waitFor();
    expect(page.url()).toContain('/citizen/activate');
    expect((await page.locator('label[for="act-username"]').textContent())?.trim()).toBe('Số điện thoại');
    expect(await page.locator('#act-username').inputValue()).toBe(CITIZEN.phone);
    expect(await page.locator('#act-username').getAttribute('inputmode')).toBe('tel');
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('#act-code').fill(code);
    await page.locator('#act-new').fill(NEW_PASSWORD);
    await page.locator('#act-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('activate-submit').click();
    await page.getByTestId('home-title').waitFor();
    expect(await page.getByTestId('home-title').textContent()).toContain(CITIZEN.fullName);
    expect(new URL(page.url()).pathname).toBe('/citizen/');

    // (4) from now on: the new password, with the phone or the ID number; the code is used up
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-title').waitFor();
    await signIn(page, CITIZEN.idNumber, NEW_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-title').waitFor();
    await signIn(page, CITIZEN.phone, NEW_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('sign-out').click();

    await page.getByTestId('signin-title').waitFor();
    await page.getByTestId('activate-link').click();
    await page.getByTestId('activate-form').waitFor();
    await page.locator('#act-username').fill(CITIZEN.phone);
    await page.locator('#act-code').fill(code);
    await page.locator('#act-new').fill('Lan@2026khac');
    await page.locator('#act-confirm').fill('Lan@2026khac');
    await page.getByTestId('activate-submit').click();
    await page.getByTestId('alert').waitFor();
    expect(await page.getByTestId('alert').textContent()).toMatch(/mã kích hoạt/i);
    expect(page.url()).toContain('/citizen/activate');
    await page.context().close();
  });
});
