import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fitsWidth, phonePage, signIn } from '../support/browser';
import { DEMO_PASSWORD } from '../support/cordon';
import { withPlatformAndBrowser } from '../support/platform';

const platform = withPlatformAndBrowser();

/** Sign in, see the role's home page, switch language, reload (session kept), sign out. */
async function journey(page: Page, app: string, username: string, expectRole: RegExp): Promise<void> {
  await page.goto(`${platform.cordon.url}/${app}/`);
  await page.getByTestId('signin-title').waitFor();
  expect(page.url()).toContain(`/${app}/login`);
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  expect(await page.getByTestId('signin-title').textContent()).toBe('Đăng nhập');

  await signIn(page, username, DEMO_PASSWORD);
  await page.getByTestId('home-title').waitFor();
  expect(await page.getByTestId('home-title').textContent()).toContain('Xin chào');
  expect(await page.getByTestId('user-role').textContent()).toMatch(expectRole);
  expect(await fitsWidth(page)).toBe(true);

  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  expect(await page.getByTestId('home-title').textContent()).toContain('Hello');

  await page.reload();
  await page.getByTestId('home-title').waitFor();
  expect(await page.getByTestId('home-title').textContent()).toContain('Hello');

  await page.getByTestId('sign-out').click();
  await page.getByTestId('signin-title').waitFor();
  expect(await page.getByTestId('signin-title').textContent()).toBe('Sign in');
  const session = await page.evaluate((key) => localStorage.getItem(key), `cordon.${app}.session`);
  expect(session).toBeNull();
}

describe('browser journeys (Chromium, 360 px)', () => {
  it('citizen: a demo citizen signs in with a phone number', async () => {
    const page = await phonePage(platform.browser);
    await journey(page, 'citizen', '0912000001', /Công dân/);
    await page.context().close();
  });

  it('commune: a commune official sees their commune', async () => {
    const page = await phonePage(platform.browser);
    await page.goto(`${platform.cordon.url}/commune/`);
    await page.getByTestId('signin-title').waitFor();
    await signIn(page, 'staff.02200', DEMO_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await page.getByText('Tỉnh Tuyên Quang').first().waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-title').waitFor();
    await journey(page, 'commune', 'leader.02200', /Lãnh đạo UBND xã/);
    await page.context().close();
  });

  it('province: the Department of Health signs in', async () => {
    const page = await phonePage(platform.browser);
    await journey(page, 'province', 'health', /Sở Y tế/);
    await page.context().close();
  });

  it('a role of another app sees "no access", not the app', async () => {
    const page = await phonePage(platform.browser);
    await page.goto(`${platform.cordon.url}/province/`);
    await page.getByTestId('signin-title').waitFor();
    await signIn(page, '0912000002', DEMO_PASSWORD);
    await page.getByText(/Không có quyền truy cập/).first().waitFor();
    await page.context().close();
  });

  it('province: the account admin provisions an official who activates with the one-time code', async () => {
    const page = await phonePage(platform.browser);
    await page.goto(`${platform.cordon.url}/province/`);
    await page.getByTestId('signin-title').waitFor();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await page.goto(`${platform.cordon.url}/province/accounts/new`);
    await page.locator('#acc-username').fill('can.bo.moi');
    await page.locator('#acc-fullName').fill('Nông Thị Mới');
    await page.locator('#acc-role').selectOption('COMMUNE_STAFF');
    await page.locator('#acc-unit').fill('thuong giap');
    await page.getByRole('option', { name: /Thượng Giáp/ }).first().click();
    await page.getByTestId('account-submit').click();
    const code = (await page.getByTestId('activation-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);

    const official = await phonePage(platform.browser);
    await official.goto(`${platform.cordon.url}/commune/activate`);
    await official.locator('#act-username').fill('can.bo.moi');
    await official.locator('#act-code').fill(code);
    await official.locator('#act-new').fill('Moi@2026pass');
    await official.locator('#act-confirm').fill('Moi@2026pass');
    await official.getByTestId('activate-submit').click();
    await official.getByTestId('home-title').waitFor();
    expect(await official.getByTestId('home-title').textContent()).toContain('Nông Thị Mới');
    await official.getByText('Xã Thượng Giáp').first().waitFor();
    await official.context().close();

    await page.goto(`${platform.cordon.url}/province/accounts?q=nong%20thi%20moi`);
    await page.getByText('can.bo.moi').first().waitFor();
    await page.locator('.badge').filter({ hasText: 'Đang hoạt động' }).first().waitFor();
    await page.context().close();
  });
});
