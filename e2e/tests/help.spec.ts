import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fitsWidth, phonePage, signIn } from '../support/browser';
import { api, DEMO_PASSWORD, ROOT } from '../support/cordon';
import { withPlatformAndBrowser } from '../support/platform';

/** The in-app help (docs/guides rendered at /<app>/help), and the screenshots of the guides that lacked one. */
const GUIDES = join(ROOT, 'docs/guides');
const SHOTS = join(GUIDES, 'images');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
/** The title (first `# ` heading) of a guide file, as the help page must show it. */
const titleOf = (slug: string, lang: 'vi' | 'en' = 'vi') =>
  readFileSync(join(GUIDES, lang === 'en' ? `${slug}.en.md` : `${slug}.md`), 'utf8').match(/^#\s+(.*?)\s*$/m)![1];

const platform = withPlatformAndBrowser();

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const inDays = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + n * 86_400_000));

async function token(username: string): Promise<string> {
  const res = await api<{ accessToken: string }>(platform.cordon.url, '/auth/login', { body: { username, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

async function desktopPage(): Promise<Page> {
  const context = await platform.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  return context.newPage();
}

async function signedIn(page: Page, app: string, username: string): Promise<Page> {
  await page.goto(`${platform.cordon.url}/${app}/login`);
  await page.getByTestId('signin-title').waitFor();
  await signIn(page, username, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return page;
}

/** Opens Help from the header and returns the title of the guide shown. */
async function openHelp(page: Page): Promise<string> {
  await page.getByTestId('help-link').click();
  const title = page.getByTestId('help-guide').locator('h1');
  await title.waitFor();
  return (await title.textContent())!.trim();
}

/** Every image of the guide is served by the built app. */
async function imagesServed(page: Page): Promise<number> {
  const results = await page.evaluate(async () =>
    Promise.all(
      [...document.querySelectorAll<HTMLImageElement>('[data-testid="help-guide"] img')].map(async (img) => {
        const res = await fetch(img.src);
        return res.ok && (res.headers.get('content-type') ?? '').startsWith('image/');
      }),
    ),
  );
  expect(results.every(Boolean)).toBe(true);
  return results.length;
}

describe('help: the guide of each role, from the header of each app', () => {
  it('citizen: Help works signed out (sign-in page) and signed in, in Vietnamese and English', async () => {
    const page = await phonePage(platform.browser);
    await page.goto(`${platform.cordon.url}/citizen/`);
    await page.getByTestId('signin-title').waitFor();
    expect(await openHelp(page)).toBe(titleOf('nguoi-dan'));
    expect(page.url()).toContain('/citizen/help');
    expect(await imagesServed(page)).toBeGreaterThan(3);
    expect(await fitsWidth(page)).toBe(true);
    await page.getByTestId('help-print').waitFor();

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('help-guide').locator('h1', { hasText: titleOf('nguoi-dan', 'en') }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('help-guide').locator('h1', { hasText: titleOf('nguoi-dan') }).waitFor();

    await signedIn(page, 'citizen', '0912000001');
    await page.getByTestId('home-title').waitFor();
    expect(await openHelp(page)).toBe(titleOf('nguoi-dan'));
    await page.context().close();
  });

  it('commune: the list from the sign-in page; the district officer, leader and staff each get their guide', async () => {
    // A waiting report and an open case in Xã 02212, so the district officer's lists are not empty.
    const citizen = await token('0912000001');
    const report = await api<{ id: string }>(platform.cordon.url, '/case-reports/infection', {
      token: citizen,
      body: { forSelf: true, communeCode: '02212', address: 'Tổ 7, đường Tân Trào', testType: 'RAPID_SELF', testDate: today(), symptoms: ['COUGH'], vaccineDoses: 2 },
    });
    expect(report.status).toBe(201);
    const other = await api(platform.cordon.url, '/case-reports/infection', {
      token: await token('0912000003'),
      body: { forSelf: true, communeCode: '02212', address: 'Thôn 3', testType: 'PCR', testDate: today(), symptoms: [], vaccineDoses: 1 },
    });
    expect(other.status).toBe(201);
    const staff = await token('staff.02212');
    expect((await api(platform.cordon.url, `/case-reports/${report.body.id}/accept`, { method: 'POST', token: staff })).status).toBe(200);
    const unit = await api<{ ancestors: { code: string; level: string }[] }>(platform.cordon.url, '/admin-units/02212', { token: staff });
    const district = unit.body.ancestors.find((u) => u.level === 'DISTRICT')!.code;

    const page = await desktopPage();
    await page.goto(`${platform.cordon.url}/commune/login`);
    await page.getByTestId('help-link').click();
    await page.getByTestId('help-title').waitFor();
    expect((await page.getByTestId('help-list').locator('a').allTextContents()).map((s) => s.trim())).toEqual(['Cán bộ xã', 'Lãnh đạo UBND xã', 'Cán bộ huyện']);
    await page.getByTestId('help-guide-can-bo-huyen').click();
    await page.getByTestId('help-guide').locator('h1', { hasText: titleOf('can-bo-huyen') }).waitFor();

    await signedIn(page, 'commune', `district.${district}`);
    await page.goto(`${platform.cordon.url}/commune/cases`);
    await page.getByText('Nguyễn Văn An').first().waitFor();
    await shot(page, 'district-cases');
    expect(await openHelp(page)).toBe(titleOf('can-bo-huyen'));
    await imagesServed(page); // 0 on the very first run: the build bundles the screenshots taken before it
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-title').waitFor();

    await signedIn(page, 'commune', 'leader.02212');
    expect(await openHelp(page)).toBe(titleOf('lanh-dao-xa'));
    // The link to the staff guide stays in the app.
    await page.getByTestId('help-guide').getByRole('link', { name: /cán bộ xã/i }).first().click();
    await page.getByTestId('help-guide').locator('h1', { hasText: titleOf('can-bo-xa') }).waitFor();
    expect(page.url()).toContain('/commune/help?guide=can-bo-xa');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-title').waitFor();

    await signedIn(page, 'commune', 'staff.02212');
    expect(await openHelp(page)).toBe(titleOf('can-bo-xa'));
    await page.context().close();
  });

  it('province: account admin, police, transport, health and checkpoint officer each get their guide', async () => {
    // Two green-lane registrations (one approved) for the Department of Transport's screen.
    const driver = await token('0912000002');
    const vehicle = (plate: string, cargo: string) => ({
      plate,
      vehicleType: 'TRUCK',
      owner: 'Công ty TNHH Vận tải Tân Trào',
      ownerPhone: '0912345678',
      drivers: [{ fullName: 'Nông Văn Lái', idNumber: '008090123456', phone: '0987000111' }],
      originUnitCode: '01',
      destinationUnitCode: '070',
      cargo,
      validFrom: today(),
      validTo: inDays(14),
    });
    const first = await api<{ id: string }>(platform.cordon.url, '/green-lane', { token: driver, body: vehicle('22C-123.45', 'Rau quả tươi') });
    expect(first.status).toBe(201);
    expect((await api(platform.cordon.url, '/green-lane', { token: driver, body: vehicle('22C-678.90', 'Vật liệu xây dựng') })).status).toBe(201);

    const admin = await signedIn(await desktopPage(), 'province', 'admin');
    await admin.goto(`${platform.cordon.url}/province/accounts`);
    await admin.getByTestId('account-row').first().waitFor();
    await shot(admin, 'admin-accounts');
    expect(await openHelp(admin)).toBe(titleOf('quan-tri-tai-khoan'));
    await admin.context().close();

    const police = await signedIn(await desktopPage(), 'province', 'police');
    await police.goto(`${platform.cordon.url}/province/checkpoints`);
    await police.getByTestId('checkpoint-row').first().waitFor();
    await police.getByTestId('officer-row').first().waitFor();
    await shot(police, 'police-checkpoints');
    expect(await openHelp(police)).toBe(titleOf('cong-an-tinh'));
    await imagesServed(police);
    await police.context().close();

    const transport = await signedIn(await desktopPage(), 'province', 'transport');
    await transport.goto(`${platform.cordon.url}/province/green-lane`);
    // The two waiting registrations, never an error (the screenshot goes into the guide).
    await transport.getByTestId('greenlane-row').nth(1).or(transport.getByTestId('alert')).first().waitFor();
    expect(await transport.getByTestId('alert').allTextContents()).toEqual([]);
    expect(await transport.getByTestId('greenlane-row').count()).toBe(2);
    expect(await transport.getByTestId('greenlane-total').textContent()).toMatch(/2\D+2/);
    await shot(transport, 'transport-green-lane');
    expect(await openHelp(transport)).toBe(titleOf('van-tai'));
    await transport.context().close();

    const health = await signedIn(await desktopPage(), 'province', 'health');
    expect(await openHelp(health)).toBe(titleOf('so-y-te'));
    await health.getByTestId('lang-switch').click();
    await health.getByTestId('help-guide').locator('h1', { hasText: titleOf('so-y-te', 'en') }).waitFor();
    await health.context().close();

    const officer = await signedIn(await phonePage(platform.browser), 'province', 'officer.ql2-pt');
    expect(await openHelp(officer)).toBe(titleOf('can-bo-chot'));
    expect(await fitsWidth(officer)).toBe(true);
    await officer.context().close();
  });
});
