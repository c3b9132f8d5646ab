import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { apiError, click, settle } from '@cordon/web/testing';
import type { AccountImport, ImportRow } from '../components/import/imports';
import { boot, json, official } from './harness';

function importJob(over: Partial<AccountImport> = {}): AccountImport {
  return {
    id: 'imp-1',
    source: 'FILE',
    fileName: 'can-bo.csv',
    state: 'PREVIEW',
    totalRows: 10,
    counts: { create: 8, update: 2, skip: 0, error: 0 },
    processed: 0,
    failure: null,
    ignoredColumns: [],
    expiresAt: '2999-01-01T00:00:00Z',
    committedAt: null,
    codes: { available: false, csvExportedAt: null, pdfExportedAt: null, expiresAt: null },
    createdAt: '2022-03-11T17:30:00Z',
    ...over,
  };
}

function row(rowNo: number, over: Partial<ImportRow> = {}): ImportRow {
  return {
    rowNo,
    action: 'CREATE',
    username: `canbo.${rowNo}`,
    input: { username: `canbo.${rowNo}`, fullName: `Cán bộ ${rowNo}`, role: 'COMMUNE_STAFF', unitCode: '02200' },
    errors: [],
    changes: [],
    userId: null,
    ...over,
  };
}

const errorRows: ImportRow[] = [
  row(3, {
    action: 'ERROR',
    input: { username: 'canbo.3', fullName: 'Cán bộ 3', role: 'COMMUNE_STAFF', unitCode: '99999' },
    errors: [{ field: 'unitCode', code: 'unknown', message: 'unitCode is not a known administrative unit' }],
  }),
  row(5, {
    action: 'ERROR',
    input: { username: 'canbo.5', role: 'COMMUNE_STAFF', unitCode: '02200', phone: '12345' },
    errors: [
      { field: 'fullName', code: 'isString', message: 'fullName must be a string' },
      { field: 'fullName', code: 'minLength', message: 'fullName must be longer than or equal to 2 characters' },
      { field: 'phone', code: 'matches', message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' },
    ],
  }),
];

/** Mocks the object URLs saveBlob uses; returns the saved blobs. */
function catchDownloads(): Blob[] {
  const saved: Blob[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  URL.createObjectURL = vi.fn((b: Blob) => {
    saved.push(b);
    return 'blob:x';
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  onTestFinished(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });
  return saved;
}

async function pickFile(root: ParentNode, file: File): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await settle();
}

let current: { unmount(): void } | null = null;
afterEach(() => {
  current?.unmount();
  current = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('bulk account import', () => {
  it('uploads a file, shows the counts and every error row with its reasons, and refuses to commit', async () => {
    const preview = importJob({ totalRows: 12, counts: { create: 8, update: 1, skip: 1, error: 2 }, ignoredColumns: ['Ghi chú'] });
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts/import', (url, init) => {
      if (url.includes('/accounts/imports/imp-1/rows')) return json(200, { items: errorRows, nextCursor: null, total: 2 });
      if (url.includes('/accounts/imports?fileName=') && init?.method === 'POST') return json(201, preview);
      if (url.endsWith('/accounts/imports')) return json(200, { items: [] });
      return undefined;
    });
    current = r;
    expect(r.el.querySelector('h1')!.textContent).toContain('Nhập tài khoản hàng loạt');
    expect(r.el.querySelector('[data-testid="history-empty"]')).not.toBeNull();
    expect(r.el.querySelector('[data-testid="import-province"]')).not.toBeNull();

    // a file of another kind is refused before any upload
    await pickFile(r.el, new File(['x'], 'danh-sach.txt', { type: 'text/plain' }));
    expect(r.el.querySelector('[data-testid="import-file-error"]')!.textContent).toContain('Chỉ nhận tệp .csv hoặc .xlsx');

    // Windows reports a CSV as application/vnd.ms-excel: the extension decides the type sent
    await pickFile(r.el, new File(['Tên đăng nhập,Họ và tên\n'], 'can-bo.csv', { type: 'application/vnd.ms-excel' }));
    expect(r.el.querySelector('[data-testid="import-file-error"]')).toBeNull();
    await click(r.el, '[data-testid="import-upload-submit"]');

    const up = r.calls.find((c) => c.method === 'POST' && c.path === '/accounts/imports')!;
    expect(up.query.get('fileName')).toBe('can-bo.csv');
    expect(up.headers.get('content-type')).toBe('text/csv');
    expect(up.body).toBeInstanceOf(Blob);
    expect(r.router.currentRoute.value.query).toEqual({ id: 'imp-1' });

    const counts = r.el.querySelector('[data-testid="import-counts"]')!;
    expect(counts.querySelector('[data-testid="count-create"]')!.textContent).toContain('8');
    expect(counts.querySelector('[data-testid="count-create"]')!.textContent).toContain('Tạo mới');
    expect(counts.querySelector('[data-testid="count-update"]')!.textContent).toContain('Cập nhật');
    expect(counts.querySelector('[data-testid="count-skip"]')!.textContent).toContain('Không đổi');
    expect(counts.querySelector('[data-testid="count-error"]')!.textContent).toContain('2');
    expect(r.el.querySelector('[data-testid="import-ignored"]')!.textContent).toContain('Ghi chú');

    // errors first: the rows of the ERROR tab
    const rowsCall = r.calls.find((c) => c.path === '/accounts/imports/imp-1/rows')!;
    expect(rowsCall.query.get('action')).toBe('ERROR');
    expect(r.el.querySelector('[data-testid="rows-tab-ERROR"]')!.getAttribute('aria-pressed')).toBe('true');
    const rows = r.el.querySelectorAll('[data-testid="import-row-ERROR"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('3');
    expect(rows[0]!.textContent).toContain('canbo.3');
    expect(rows[0]!.textContent).toContain('Mã đơn vị hành chính: không có đơn vị hành chính nào mang mã này');
    const reasons = [...rows[1]!.querySelectorAll('[data-testid="row-reasons"] li')].map((li) => li.textContent);
    expect(reasons).toEqual(['Họ và tên: chưa điền', 'Số điện thoại: phải là số di động 10 số, bắt đầu bằng 0']);

    const commit = r.el.querySelector<HTMLButtonElement>('[data-testid="import-commit"]')!;
    expect(commit.disabled).toBe(true);
    expect(commit.textContent).toContain('Nhập 9 tài khoản');
    expect(commit.getAttribute('aria-describedby')).toBe('imp-commit-why');
    expect(r.el.querySelector('#imp-commit-why')!.textContent).toContain('Sửa 2 dòng lỗi trong tệp rồi tải lên lại.');
  });

  it('explains a file refused as a whole (missing columns)', async () => {
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts/import', (url, init) => {
      if (url.includes('/accounts/imports?fileName=') && init?.method === 'POST')
        return apiError(400, 'VALIDATION_FAILED', [
          { field: 'file', code: 'columns', message: 'Missing columns: Họ và tên, Vai trò (use the template)' },
        ]);
      if (url.endsWith('/accounts/imports')) return json(200, { items: [] });
      return undefined;
    });
    current = r;
    await pickFile(r.el, new File(['a'], 'tk.xlsx'));
    await click(r.el, '[data-testid="import-upload-submit"]');
    const up = r.calls.find((c) => c.method === 'POST' && c.path === '/accounts/imports')!;
    expect(up.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const alert = r.el.querySelector('[data-testid="import-upload-error"]')!;
    expect(alert.textContent).toContain('Tệp chưa được nhận, chưa có gì được ghi');
    expect(alert.textContent).toContain('Tệp thiếu cột bắt buộc: Họ và tên, Vai trò.');
    expect(alert.textContent).toContain('req-1');
    expect(r.router.currentRoute.value.query).toEqual({});
  });

  it('commits after confirmation, shows the progress bar while polling, then the result', async () => {
    let polls = 0;
    let started = false;
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts/import?id=imp-1', (url, init) => {
      if (url.endsWith('/accounts/imports/imp-1/commit') && init?.method === 'POST') {
        started = true;
        return json(202, importJob({ state: 'COMMITTING' }));
      }
      if (url.endsWith('/accounts/imports/imp-1')) {
        if (!started) return json(200, importJob());
        polls++;
        if (polls === 1) return json(200, importJob({ state: 'COMMITTING', processed: 5 }));
        return json(200, importJob({ state: 'COMMITTED', processed: 10, committedAt: '2022-03-11T17:35:00Z', codes: { available: true, csvExportedAt: null, pdfExportedAt: null, expiresAt: '2022-03-18T17:35:00Z' } }));
      }
      if (url.includes('/accounts/imports/imp-1/rows')) return json(200, { items: [row(2), row(3, { action: 'UPDATE', changes: ['phone', 'jurisdiction'] })], nextCursor: null, total: 2 });
      if (url.endsWith('/accounts/imports')) return json(200, { items: [importJob()] });
      return undefined;
    });
    current = r;
    expect(r.el.querySelector('[data-testid="import-job"]')!.getAttribute('data-state')).toBe('PREVIEW');
    expect(r.el.querySelector('[data-testid="rows-tab-ALL"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(r.el.querySelector('[data-testid="row-changes"]')!.textContent).toContain('Thay đổi: Số điện thoại, Địa bàn / chốt');
    expect(r.el.querySelector('[data-testid="history-row"]')!.textContent).toContain('Đang xem');

    const commit = r.el.querySelector<HTMLButtonElement>('[data-testid="import-commit"]')!;
    expect(commit.disabled).toBe(false);
    await click(r.el, '[data-testid="import-commit"]');
    expect(document.body.querySelector('[data-testid="commit-confirm-text"]')!.textContent).toContain('Tạo mới 8 và cập nhật 2 tài khoản');
    expect(r.calls.some((c) => c.path.endsWith('/commit'))).toBe(false);
    await click(document.body, '[data-testid="confirm-dialog-ok"]');
    expect(r.calls.filter((c) => c.path.endsWith('/commit'))).toHaveLength(1);

    expect(r.el.querySelector('[data-testid="import-job"]')!.getAttribute('data-state')).toBe('COMMITTING');
    expect(r.el.querySelector('[data-testid="import-rows"]')).toBeNull();
    await vi.waitFor(
      () => {
        const bar = r.el.querySelector<HTMLProgressElement>('[data-testid="import-progress-bar"]')!;
        expect(bar.value).toBe(5);
        expect(bar.max).toBe(10);
        expect(bar.getAttribute('aria-valuenow')).toBe('5');
        expect(r.el.querySelector('[data-testid="import-progress-text"]')!.textContent).toContain('50% · 5/10 dòng');
      },
      { timeout: 10_000, interval: 50 },
    );
    await vi.waitFor(() => expect(r.el.querySelector('[data-testid="import-done"]')).not.toBeNull(), { timeout: 10_000, interval: 50 });
    expect(r.el.querySelector('[data-testid="import-done"]')!.textContent).toContain('Đã tạo 8, cập nhật 2 tài khoản.');
    expect(r.el.querySelector('[data-testid="codes-export"]')!.textContent).toContain('Mã kích hoạt của 8 tài khoản mới');
    await settle();
    expect(r.el.querySelector('[data-testid="import-rows"]')).not.toBeNull();
    const pollsBefore = polls;
    await new Promise((res) => setTimeout(res, 700));
    expect(polls).toBe(pollsBefore); // no more polling once finished
  }, 30_000);

  it('hands out the activation codes once per format (the button is then locked with the time)', async () => {
    const committed = importJob({
      state: 'COMMITTED',
      processed: 10,
      committedAt: '2022-03-11T17:35:00Z',
      codes: { available: true, csvExportedAt: null, pdfExportedAt: null, expiresAt: '2022-03-18T17:35:00Z' },
    });
    let csvTaken = false;
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts/import?id=imp-1', (url, init) => {
      if (url.endsWith('/accounts/imports/imp-1/codes.csv') && init?.method === 'POST') {
        if (csvTaken) return apiError(409, 'CONFLICT');
        csvTaken = true;
        return new Response('Tên đăng nhập,Mã kích hoạt\ncanbo.2,ABCD\n', { status: 200, headers: { 'content-type': 'text/csv' } });
      }
      if (url.endsWith('/accounts/imports/imp-1'))
        return json(200, csvTaken ? { ...committed, codes: { ...committed.codes, csvExportedAt: '2022-03-11T17:40:00Z' } } : committed);
      if (url.includes('/accounts/imports/imp-1/rows')) return json(200, { items: [row(2)], nextCursor: null, total: 1 });
      if (url.endsWith('/accounts/imports')) return json(200, { items: [committed] });
      return undefined;
    });
    current = r;
    const saved = catchDownloads();
    expect(r.el.querySelector('[data-testid="codes-once"]')!.textContent).toContain('MỘT LẦN');
    expect(r.el.querySelector('[data-testid="codes-once"]')!.textContent).toContain('19/03/2022 00:35');
    const csv = () => r.el.querySelector<HTMLButtonElement>('[data-testid="codes-csv"]')!;
    expect(csv().disabled).toBe(false);
    expect(csv().textContent).toContain('Tải mã kích hoạt (CSV)');
    expect(r.el.querySelector('[data-testid="codes-pdf"]')!.textContent).toContain('In phiếu (PDF)');

    await click(r.el, '[data-testid="codes-csv"]');
    expect(document.body.querySelector('[data-testid="confirm-dialog-text"]')!.textContent).toContain('chỉ tải được một lần');
    expect(r.calls.some((c) => c.path.endsWith('/codes.csv'))).toBe(false);
    await click(document.body, '[data-testid="confirm-dialog-ok"]');

    const take = r.calls.filter((c) => c.path.endsWith('/codes.csv'));
    expect(take).toHaveLength(1);
    expect(take[0]!.method).toBe('POST');
    expect(saved).toHaveLength(1);
    expect(await saved[0]!.text()).toContain('canbo.2,ABCD');
    expect(csv().disabled).toBe(true);
    expect(r.el.querySelector('[data-testid="codes-csv-state"]')!.textContent).toContain('Đã tải lúc 12/03/2022 00:40');
    expect(r.el.querySelector<HTMLButtonElement>('[data-testid="codes-pdf"]')!.disabled).toBe(false);
    csv().click();
    await settle();
    expect(document.body.querySelector('[data-testid="confirm-dialog-ok"]')).toBeNull();
    expect(r.calls.filter((c) => c.path.endsWith('/codes.csv'))).toHaveLength(1);
  });

  it('shows a failed commit (nothing written) with the error rows again and allows a new upload', async () => {
    const failed = importJob({ state: 'FAILED', counts: { create: 7, update: 2, skip: 0, error: 1 }, failure: '1 rows are no longer valid (see the report)' });
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts/import?id=imp-1', (url) => {
      if (url.endsWith('/accounts/imports/imp-1')) return json(200, failed);
      if (url.includes('/accounts/imports/imp-1/rows'))
        return json(200, { items: [row(4, { action: 'ERROR', errors: [{ field: 'username', code: 'taken', message: 'username belongs to an account you do not manage' }] })], nextCursor: null, total: 1 });
      if (url.endsWith('/accounts/imports')) return json(200, { items: [failed] });
      return undefined;
    });
    current = r;
    const box = r.el.querySelector('[data-testid="import-failed"]')!;
    expect(box.textContent).toContain('chưa có tài khoản nào được ghi');
    expect(box.textContent).toContain('1 dòng không còn hợp lệ');
    expect(box.textContent).toContain('1 rows are no longer valid');
    expect(r.el.querySelector('[data-testid="import-row-ERROR"]')!.textContent).toContain('Tên đăng nhập: thuộc một tài khoản bạn không quản lý');
    expect(r.el.querySelector<HTMLButtonElement>('[data-testid="import-commit"]')!.disabled).toBe(true);
    await click(r.el, '[data-testid="import-another"]');
    expect(r.router.currentRoute.value.query).toEqual({});
    expect(r.el.querySelector('[data-testid="import-upload"]')).not.toBeNull();
  });

  it('cancels a preview: nothing is written', async () => {
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts/import?id=imp-1', (url, init) => {
      if (url.endsWith('/accounts/imports/imp-1/cancel') && init?.method === 'POST') return json(200, importJob({ state: 'CANCELLED' }));
      if (url.endsWith('/accounts/imports/imp-1')) return json(200, importJob());
      if (url.includes('/accounts/imports/imp-1/rows')) return json(200, { items: [row(2)], nextCursor: null, total: 1 });
      if (url.endsWith('/accounts/imports')) return json(200, { items: [] });
      return undefined;
    });
    current = r;
    await click(r.el, '[data-testid="import-cancel"]');
    expect(r.calls.some((c) => c.method === 'POST' && c.path === '/accounts/imports/imp-1/cancel')).toBe(true);
    expect(r.el.querySelector('[data-testid="import-job"]')!.getAttribute('data-state')).toBe('CANCELLED');
    expect(r.el.querySelector('[data-testid="import-notice"]')!.textContent).toContain('Không có tài khoản nào được tạo hay thay đổi');
    expect(r.el.querySelector('[data-testid="import-commit"]')).toBeNull();
  });

  it('provisions the whole province after confirmation, and says so kindly when nothing is missing', async () => {
    let missing = true;
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts/import', (url, init) => {
      if (url.endsWith('/accounts/imports/province') && init?.method === 'POST')
        return missing ? json(201, importJob({ id: 'imp-2', source: 'PROVINCE', fileName: null, totalRows: 300, counts: { create: 300, update: 0, skip: 0, error: 0 } })) : apiError(409, 'CONFLICT');
      if (url.includes('/accounts/imports/imp-2/rows')) return json(200, { items: [row(2)], nextCursor: 'c2', total: 300 });
      if (url.endsWith('/accounts/imports')) return json(200, { items: [] });
      return undefined;
    });
    current = r;
    missing = false;
    await click(r.el, '[data-testid="import-province-start"]');
    await click(document.body, '[data-testid="confirm-dialog-ok"]');
    expect(r.el.querySelector('[data-testid="import-province-none"]')!.textContent).toContain('đã có tài khoản');
    expect(document.body.querySelector('[data-testid="confirm-dialog-ok"]')).toBeNull();

    missing = true;
    await click(r.el, '[data-testid="import-province-start"]');
    await click(document.body, '[data-testid="confirm-dialog-ok"]');
    expect(r.router.currentRoute.value.query).toEqual({ id: 'imp-2' });
    expect(r.el.querySelector('[data-testid="import-job-name"]')!.textContent).toContain('Cấp tài khoản toàn tỉnh · 300 dòng');
    expect(r.el.querySelector('[data-testid="import-commit"]')!.textContent).toContain('Nhập 300 tài khoản');
    expect(r.el.querySelector('[data-testid="rows-more"]')).not.toBeNull();
  });

  it('is open to the provincial police (checkpoint officers), without the whole-province card', async () => {
    const r = await boot(official('POLICE_ADMIN'), '/accounts/import', (url) => (url.endsWith('/accounts/imports') ? json(200, { items: [] }) : undefined));
    current = r;
    expect(r.router.currentRoute.value.name).toBe('account-import');
    expect(r.el.querySelector('[data-testid="import-upload"]')).not.toBeNull();
    expect(r.el.querySelector('[data-testid="import-province"]')).toBeNull();
    expect(r.el.querySelector('a[href="/province/accounts/import"]')!.textContent).toContain('Nhập tài khoản');
  });

  it('is linked from the account list', async () => {
    const r = await boot(official('ACCOUNT_ADMIN'), '/accounts', (url) => (url.includes('/accounts?') ? json(200, { items: [], nextCursor: null, total: 0 }) : undefined));
    current = r;
    await click(r.el, '[data-testid="account-import"]');
    expect(r.router.currentRoute.value.path).toBe('/accounts/import');
  });
});
