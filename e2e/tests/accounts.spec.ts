import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, signIn } from '../support/browser';
import { api, DEMO_PASSWORD, ROOT } from '../support/cordon';
import { withPlatformAndBrowser } from '../support/platform';

/** Screenshots for the user guides (docs/guides), taken by this journey. */
const SHOTS = join(ROOT, 'docs/guides/images');
mkdirSync(SHOTS, { recursive: true });

const HEADER = 'Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị hành chính,Mã chốt,Cơ quan,Chức vụ,Số điện thoại,Email';
const CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){6}/;

const platform = withPlatformAndBrowser();

/** The account administrator's desk: a 1280 px wide window, Vietnamese, Hanoi time. */
async function desktopPage(): Promise<Page> {
  const context = await platform.browser.newContext({ viewport: { width: 1280, height: 960 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  return context.newPage();
}

async function signInAdmin(page: Page): Promise<void> {
  await page.goto(`${platform.cordon.url}/province/`);
  await page.getByTestId('signin-title').waitFor();
  await signIn(page, 'admin', DEMO_PASSWORD);
  await page.getByTestId('home-title').waitFor();
}

function csvFile(name: string, rows: string[]): string {
  const file = join(platform.dataDir, name);
  writeFileSync(file, `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
  return file;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-upload-submit').click();
  await page.locator('[data-testid="import-job"][data-state="PREVIEW"]').waitFor();
}

const count = async (page: Page, key: string) => (await page.getByTestId(`count-${key}`).locator('.imp-count-value').textContent())?.trim();

describe('account administration (Chromium, 1280 px)', () => {
  it('bulk import: a report with reasons, a fixed file, commit with progress, the activation codes once', async () => {
    const page = await desktopPage();
    await signInAdmin(page);
    await page.goto(`${platform.cordon.url}/province/accounts`);
    await page.getByTestId('account-import').click();
    await page.getByTestId('import-upload').waitFor();
    expect(await page.locator('h1').textContent()).toContain('Nhập tài khoản hàng loạt');

    // the demo province is fully provisioned: "provision the whole province" says there is nothing to add
    await page.getByTestId('import-province-start').click();
    await page.getByTestId('confirm-dialog-ok').click();
    await page.getByTestId('import-province-none').waitFor();
    expect(await page.getByTestId('import-province-none').textContent()).toContain('đã có tài khoản');

    // (1) a file with two bad rows: an unknown unit code (row 3) and a bad phone number (row 4)
    const good = [
      'nhap.canbo.02200,Nguyễn Thị Nhập,Cán bộ xã,02200,,,Công chức Văn hóa - Xã hội,0912345601,',
      'nhap.lanhdao.02212,Lê Văn Ba,Lãnh đạo UBND xã,02212,,,Phó Chủ tịch UBND xã,,',
      'nhap.canbo.02221,Hoàng Thị Bốn,Cán bộ xã,02221,,,,0987654321,bon@tuyenquang.gov.vn',
    ];
    const bad = csvFile('tai-khoan-loi.csv', [good[0]!, 'nhap.canbo.02203,Trần Văn Hai,Cán bộ xã,99999,,,,,', 'nhap.lanhdao.02203,Lò Thị Năm,Lãnh đạo UBND xã,02203,,,,12345,', ...good.slice(1)]);
    await upload(page, bad);
    expect(await count(page, 'create')).toBe('3');
    expect(await count(page, 'error')).toBe('2');
    const errorRows = page.getByTestId('import-row-ERROR');
    await errorRows.nth(1).waitFor();
    expect(await errorRows.count()).toBe(2);
    const first = (await errorRows.nth(0).textContent())!;
    expect(first).toContain('nhap.canbo.02203');
    expect(first).toContain('Mã đơn vị hành chính: không có đơn vị hành chính nào mang mã này');
    expect(await errorRows.nth(0).getAttribute('data-row')).toBe('3');
    const second = (await errorRows.nth(1).textContent())!;
    expect(second).toContain('nhap.lanhdao.02203');
    expect(second).toContain('Số điện thoại: phải là số di động 10 số, bắt đầu bằng 0');
    expect(await errorRows.nth(1).getAttribute('data-row')).toBe('4');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-commit-why').textContent()).toContain('Sửa 2 dòng lỗi trong tệp rồi tải lên lại.');
    await page.screenshot({ path: join(SHOTS, 'admin-import-report.png'), fullPage: true });

    // the downloadable report says the same
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report').click()]);
    const reportText = readFileSync((await report.path())!, 'utf8');
    expect(report.suggestedFilename()).toBe('bao-cao-nhap-tai-khoan.csv');
    expect(reportText).toContain('nhap.canbo.02203');
    expect(reportText).toContain('Lỗi');

    // (2) the fixed file: every row is created
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-upload').waitFor();
    const fixed = csvFile('tai-khoan.csv', [good[0]!, 'nhap.canbo.02203,Trần Văn Hai,Cán bộ xã,02203,,,,,', 'nhap.lanhdao.02203,Lò Thị Năm,Lãnh đạo UBND xã,02203,,,,0912345605,', ...good.slice(1)]);
    await upload(page, fixed);
    expect(await count(page, 'create')).toBe('5');
    expect(await count(page, 'error')).toBe('0');
    const commit = page.getByTestId('import-commit');
    expect(await commit.isDisabled()).toBe(false);
    expect(await commit.textContent()).toContain('Nhập 5 tài khoản');
    await commit.click();
    await page.getByTestId('confirm-dialog-ok').click();
    // the answer of the commit shows the bar at once (5 rows are written well before the first poll ends it)
    const bar = await page.waitForSelector('[data-testid="import-progress-bar"]');
    expect(await bar.getAttribute('aria-valuemax')).toBe('5');
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').textContent()).toContain('Đã tạo 5, cập nhật 0 tài khoản.');

    // (3) the activation codes, as CSV, once
    expect(await page.getByTestId('codes-once').textContent()).toContain('MỘT LẦN');
    await page.getByTestId('codes-csv').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('confirm-dialog-ok').click()]);
    expect(download.suggestedFilename()).toBe('ma-kich-hoat.csv');
    const codes = readFileSync((await download.path())!, 'utf8');
    const lines = codes.split(/\r?\n/).filter((l) => l.trim());
    expect(lines[0]).toContain('Mã kích hoạt');
    const codeOf = new Map<string, string>();
    for (const user of ['nhap.canbo.02200', 'nhap.lanhdao.02212', 'nhap.canbo.02221', 'nhap.canbo.02203', 'nhap.lanhdao.02203']) {
      const line = lines.find((l) => l.includes(user));
      expect(line, user).toBeDefined();
      codeOf.set(user, CODE.exec(line!)![0]);
    }
    await page.getByTestId('codes-saved').waitFor();
    expect(await page.getByTestId('codes-csv').isDisabled()).toBe(true);
    expect(await page.getByTestId('codes-csv-state').textContent()).toMatch(/Đã tải lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await page.getByTestId('codes-pdf').isDisabled()).toBe(false);

    // a second take of the same format is refused by the API too
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('cordon.province.session')!).accessToken as string);
    const importId = new URL(page.url()).searchParams.get('id')!;
    const again = await fetch(`${platform.cordon.url}/api/v1/accounts/imports/${importId}/codes.csv`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(409);

    // (4) a new official activates with the code from the file
    const activated = await api<{ accessToken: string; user: { username: string } }>(platform.cordon.url, '/auth/activate', {
      body: { username: 'nhap.canbo.02200', activationCode: codeOf.get('nhap.canbo.02200'), newPassword: 'Nhap@2026pass' },
    });
    expect(activated.status).toBe(200);
    expect(activated.body.user.username).toBe('nhap.canbo.02200');

    // the history lists the three imports (two previews, one committed)
    const history = page.getByTestId('history-row');
    expect(await history.count()).toBeGreaterThanOrEqual(2);
    expect(await history.first().textContent()).toContain('tai-khoan.csv');
    expect(await history.first().getByTestId('history-state').textContent()).toBe('Đã nhập');
    await page.context().close();
  });

  it('lock: the administrator locks an account and its owner is refused at sign-in', async () => {
    const page = await desktopPage();
    await signInAdmin(page);
    await page.goto(`${platform.cordon.url}/province/accounts?q=staff.02230`);
    const row = page.getByTestId('account-row').filter({ hasText: 'staff.02230' });
    await row.waitFor();
    await row.getByTestId('action-lock').click();
    expect(await page.getByTestId('confirm-text').textContent()).toContain('đăng xuất ngay');
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('account-notice').waitFor();
    expect(await page.getByTestId('account-notice').textContent()).toContain('Đã khóa tài khoản staff.02230');
    await row.locator('.badge').filter({ hasText: 'Bị khóa' }).or(row.locator('.badge-LOCKED')).first().waitFor();
    await page.context().close();

    const official = await phonePage(platform.browser);
    await official.goto(`${platform.cordon.url}/commune/`);
    await official.getByTestId('signin-title').waitFor();
    await signIn(official, 'staff.02230', DEMO_PASSWORD);
    const alert = official.getByTestId('alert-message');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tài khoản đang bị khóa');
    expect(official.url()).toContain('/commune/login');
    await official.context().close();
  });
});
