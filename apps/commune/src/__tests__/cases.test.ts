import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Case, CaseDocument, CaseReport, FetchLike } from '@cordon/web';
import { boot as bootAt, json, type Handler, type Role } from './harness';

const list = (items: unknown[], total = items.length, nextCursor: string | null = null) => json(200, { items, nextCursor, total });

function report(n: number, over: Partial<CaseReport> = {}): CaseReport {
  return {
    id: `rep-${n}`,
    kind: 'INFECTION',
    status: 'SUBMITTED',
    relation: 'SELF',
    fullName: `Nguyễn Văn ${n}`,
    idNumber: `00108900000${n}`,
    dateOfBirth: '1950-05-01',
    gender: 'MALE',
    phone: '0912345678',
    address: 'Thôn 3',
    communeCode: '02221',
    communeName: 'Xã Trung Môn',
    districtCode: '073',
    testType: 'RAPID_SELF',
    testDate: '2022-03-10',
    testResult: 'POSITIVE',
    photoFileId: null,
    symptomOnset: null,
    symptoms: ['FEVER', 'BREATHLESSNESS'],
    vaccineDoses: 2,
    lastDoseDate: null,
    pregnant: false,
    chronicDisease: false,
    highRisk: false,
    contacts: [],
    caseId: null,
    backRegistered: false,
    overdue: false,
    dueAt: '2022-03-12T01:00:00Z',
    rejectionReason: null,
    reviewedAt: null,
    submittedAt: '2022-03-11T01:00:00Z',
    ...over,
  };
}

function doc(n: number, over: Partial<CaseDocument> = {}): CaseDocument {
  return {
    id: `doc-${n}`,
    kind: 'ISOLATION_DECISION',
    status: 'DRAFT',
    caseId: `case-${n}`,
    reportId: `rep-${n}`,
    holderName: `Trần Thị ${n}`,
    holderIdNumber: `0010890000${n}`,
    holderDateOfBirth: '1990-01-02',
    place: 'Thôn 3, Xã Trung Môn',
    startDate: '2022-03-10',
    endDate: '2022-03-16',
    negativeTestType: null,
    negativeTestDate: null,
    legalBasis: 'Quyết định 123/QĐ-UBND',
    number: null,
    numberText: null,
    year: null,
    communeCode: '02221',
    communeName: 'Xã Trung Môn',
    districtName: 'Huyện Yên Sơn',
    signerName: null,
    signerTitle: null,
    signedAt: null,
    revokedAt: null,
    revokeReason: null,
    verifyCode: null,
    verifyUrl: null,
    pdfSha256: null,
    createdAt: '2022-03-11T02:00:00Z',
    ...over,
  };
}

async function boot(role: Role, path: string, handler: Handler) {
  const r = await bootAt(role, path, handler);
  current = r;
  return r;
}

let current: { vueApp: { unmount(): void } } | null = null;
// jsdom has no object URLs.
let blobUrls = 0;
beforeEach(() => {
  localStorage.clear();
  URL.createObjectURL = vi.fn(() => `blob:test-${++blobUrls}`);
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  current?.vueApp.unmount();
  current = null;
  document.body.innerHTML = '';
});

const $ = (sel: string) => document.body.querySelector(sel) as HTMLElement | null;
const $$ = (sel: string) => Array.from(document.body.querySelectorAll(sel)) as HTMLElement[];
const click = async (el: Element | null) => {
  expect(el).not.toBeNull();
  (el as HTMLElement).click();
  await flushPromises();
};
const params = (url: string) => new URL(url, 'http://x').searchParams;
const calls = (fetchFn: ReturnType<typeof vi.fn<FetchLike>>, method: string, part: string) =>
  fetchFn.mock.calls.filter(([u, init]) => (init?.method ?? 'GET') === method && u.includes(part));

/** The inbox API: counts per status (limit=1), and the list of the asked status. */
function inbox(rows: Record<string, CaseReport[]>): Handler {
  return (url) => {
    if (!url.includes('/case-reports?')) return undefined;
    const p = params(url);
    const rowsOf = rows[p.get('status') ?? ''] ?? [];
    if (p.get('limit') === '1') return list(rowsOf.slice(0, 1), rowsOf.length + (p.get('status') === 'SUBMITTED' ? 35 : 0));
    return list(rowsOf, rowsOf.length);
  };
}

describe('reports inbox', () => {
  it('shows tabs with counts, rows with worded badges, and keeps the filters in the URL', async () => {
    const r = await boot(
      'COMMUNE_STAFF',
      '/reports?overdue=1',
      inbox({
        SUBMITTED: [report(1, { overdue: true, highRisk: true, backRegistered: true }), report(2)],
        ACCEPTED: [report(3, { status: 'ACCEPTED' })],
        REJECTED: [],
      }),
    );
    const tabs = $$('[data-testid="tabs"] button');
    expect(tabs.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Chờ xử lý 37', 'Đã tiếp nhận 1', 'Bị từ chối 0']);
    expect(tabs[0]!.getAttribute('aria-pressed')).toBe('true');
    const listCall = r.fetchFn.mock.calls.map(([u]) => u).find((u) => u.includes('/case-reports?') && params(u).get('limit') === '50')!;
    expect(params(listCall).get('status')).toBe('SUBMITTED');
    expect(params(listCall).get('overdue')).toBe('true');
    expect(($('[data-testid="f-overdue"]') as HTMLInputElement).checked).toBe(true);
    const rows = $$('[data-testid="report-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Quá hạn xử lý');
    expect(rows[0]!.textContent).toContain('Nguy cơ cao');
    expect(rows[0]!.textContent).toContain('Khai báo bổ sung (ghi nhận muộn)');
    expect(rows[0]!.textContent).toContain('10/03/2022');
    expect(rows[0]!.textContent).toContain('Xã Trung Môn');
    expect(rows[1]!.textContent).not.toContain('Nguy cơ cao');
    // A filter goes to the URL (and the next visit without a query gets it back).
    await click($('[data-testid="f-high-risk"]'));
    await vi.waitFor(() => expect(r.router.currentRoute.value.query).toMatchObject({ overdue: '1', highRisk: '1' }));
    expect(JSON.parse(sessionStorage.getItem('cordon.commune.reports.filters')!)).toMatchObject({ highRisk: '1' });
    // Dates are typed dd/mm/yyyy and go to the URL as YYYY-MM-DD; a wrong one is explained.
    const fromInput = $('#f-from') as HTMLInputElement;
    fromInput.value = '32/01/2022';
    fromInput.dispatchEvent(new Event('input'));
    fromInput.dispatchEvent(new Event('blur'));
    await flushPromises();
    expect($('#f-from-error')!.textContent).toContain('Ngày không hợp lệ');
    fromInput.value = '05/03/2022';
    fromInput.dispatchEvent(new Event('input'));
    fromInput.dispatchEvent(new Event('blur'));
    await vi.waitFor(() => expect(r.router.currentRoute.value.query.from).toBe('2022-03-05'));
    const dated = r.fetchFn.mock.calls.map(([u]) => u).filter((u) => u.includes('/case-reports?') && params(u).get('limit') === '50').pop()!;
    expect(params(dated).get('from')).toBe('2022-03-05');
    // The accepted tab: staff select rows to draft isolation decisions.
    await click(tabs[1]!);
    await vi.waitFor(() => expect($$('[data-testid="report-row"]')).toHaveLength(1));
    expect(r.router.currentRoute.value.query.status).toBe('ACCEPTED');
    expect($('[data-testid="select-row"]')).not.toBeNull();
  });

  it('drafts isolation decisions from the selected accepted reports', async () => {
    const r = await boot('COMMUNE_STAFF', '/reports?status=ACCEPTED', (url, init) => {
      if (url.endsWith('/isolation-decisions') && init?.method === 'POST') return json(201, { items: [doc(3), doc(4)] });
      return inbox({ ACCEPTED: [report(3, { status: 'ACCEPTED' }), report(4, { status: 'ACCEPTED' }), report(5, { status: 'ACCEPTED', kind: 'RECOVERY' })] })(url, init);
    });
    expect($$('[data-testid="select-row"]')).toHaveLength(2); // not the recovery report
    expect(($('[data-testid="draft-decisions"]') as HTMLButtonElement).disabled).toBe(true);
    for (const box of $$('[data-testid="select-row"]')) await click(box);
    await click($('[data-testid="draft-decisions"]'));
    const [call] = calls(r.fetchFn, 'POST', '/isolation-decisions');
    expect(JSON.parse(String(call![1]!.body))).toEqual({ reportIds: ['rep-3', 'rep-4'] });
    expect($('[data-testid="draft-notice"]')!.textContent).toContain('Đã soạn 2 dự thảo quyết định cách ly y tế');
  });

  it('accepts a report, and says clearly when the person already has an open case', async () => {
    let duplicate = true;
    const r = await boot('COMMUNE_LEADER', '/reports/rep-1', (url, init) => {
      if (url.endsWith('/case-reports/rep-1')) return json(200, report(1, { photoFileId: 'file-1' }));
      if (url.endsWith('/files/file-1')) return new Response(new Blob(['img'], { type: 'image/jpeg' }), { status: 200, headers: { 'content-type': 'image/jpeg' } });
      if (url.endsWith('/case-reports/rep-1/accept') && init?.method === 'POST') {
        if (duplicate) {
          return json(409, { statusCode: 409, code: 'DUPLICATE', message: 'dup', details: [{ field: 'idNumber', code: 'DUPLICATE', message: 'dup' }], requestId: 'req-9' });
        }
        return json(200, { report: report(1, { status: 'ACCEPTED', caseId: 'case-1' }), case: { id: 'case-1' } });
      }
      return undefined;
    });
    expect($('h1')!.textContent).toBe('Nguyễn Văn 1');
    expect(document.body.textContent).toContain('Khó thở');
    // The photo is fetched with the bearer token and shown from a blob URL.
    const photoCall = r.fetchFn.mock.calls.find(([u]) => u.endsWith('/files/file-1'))!;
    expect((photoCall[1]!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    await vi.waitFor(() => expect($('[data-testid="test-photo"]')?.getAttribute('src')).toMatch(/^blob:/));

    await click($('[data-testid="accept-report"]'));
    expect($('[data-testid="duplicate-error"]')!.textContent).toContain('Người này đã có ca bệnh đang mở');
    expect($('[data-testid="duplicate-error"]')!.textContent).toContain('001089000001');

    duplicate = false;
    await click($('[data-testid="accept-report"]'));
    expect(calls(r.fetchFn, 'POST', '/accept')).toHaveLength(2);
    expect($('[data-testid="duplicate-error"]')).toBeNull();
    expect($('[data-testid="accept-notice"]')!.textContent).toContain('Đã tiếp nhận khai báo');
    expect($('[data-testid="report-status"]')!.textContent).toBe('Đã tiếp nhận');
    expect($('[data-testid="accept-report"]')).toBeNull();
    expect($('a[href="/commune/cases/case-1"]')).not.toBeNull();
  });

  it('rejects a report only with a reason, telling the official the citizen will see it', async () => {
    const r = await boot('COMMUNE_STAFF', '/reports/rep-2', (url, init) => {
      if (url.endsWith('/case-reports/rep-2')) return json(200, report(2));
      if (url.endsWith('/case-reports/rep-2/reject') && init?.method === 'POST') {
        const { reason } = JSON.parse(String(init.body)) as { reason: string };
        return json(200, report(2, { status: 'REJECTED', rejectionReason: reason }));
      }
      return undefined;
    });
    await click($('[data-testid="reject-report"]'));
    expect($('[role="dialog"]')!.textContent).toContain('Từ chối khai báo của Nguyễn Văn 2?');
    expect($('[data-testid="confirm-dialog-text"]')!.textContent).toContain('Người khai báo sẽ nhận được thông báo kèm lý do');
    await click($('[data-testid="confirm-dialog-ok"]'));
    expect($('#reject-reason-error')!.textContent).toContain('Lý do dài từ 5 đến 500 ký tự');
    expect(calls(r.fetchFn, 'POST', '/reject')).toHaveLength(0);
    const box = $('[data-testid="reject-reason"]') as HTMLTextAreaElement;
    box.value = 'Ảnh bị mờ, vui lòng gửi lại';
    box.dispatchEvent(new Event('input'));
    await click($('[data-testid="confirm-dialog-ok"]'));
    const [call] = calls(r.fetchFn, 'POST', '/case-reports/rep-2/reject');
    expect(JSON.parse(String(call![1]!.body))).toEqual({ reason: 'Ảnh bị mờ, vui lòng gửi lại' });
    expect($('[role="dialog"]')).toBeNull();
    expect($('[data-testid="rejection-reason"]')!.textContent).toBe('Ảnh bị mờ, vui lòng gửi lại');
    expect($('[data-testid="reject-notice"]')).not.toBeNull();
  });

  it('keeps district officers read-only, with a commune filter', async () => {
    await boot('DISTRICT_OFFICER', '/reports/rep-1', (url) => {
      if (url.endsWith('/case-reports/rep-1')) return json(200, report(1));
      if (url.includes('/admin-units?')) return list([{ code: '02221', name: 'Trung Môn', nameWithType: 'Xã Trung Môn', level: 'COMMUNE', type: 'xa', parentCode: '073' }]);
      return undefined;
    });
    expect($('h1')!.textContent).toBe('Nguyễn Văn 1');
    expect($('[data-testid="accept-report"]')).toBeNull();
    expect($('[data-testid="reject-report"]')).toBeNull();
    current!.vueApp.unmount();
    document.body.innerHTML = '';
    const r = await boot('DISTRICT_OFFICER', '/reports?status=ACCEPTED', (url) => {
      if (url.includes('/admin-units?')) return list([{ code: '02221', name: 'Trung Môn', nameWithType: 'Xã Trung Môn', level: 'COMMUNE', type: 'xa', parentCode: '073' }]);
      return inbox({ ACCEPTED: [report(3, { status: 'ACCEPTED' })] })(url, undefined);
    });
    expect(($('#f-commune') as HTMLSelectElement).options[1]!.textContent).toBe('Xã Trung Môn');
    const unitsCall = r.fetchFn.mock.calls.map(([u]) => u).find((u) => u.includes('/admin-units?'))!;
    expect(params(unitsCall).get('parent')).toBe('073');
    expect($('[data-testid="select-row"]')).toBeNull();
    expect($('[data-testid="draft-decisions"]')).toBeNull();
  });
});

describe('cases', () => {
  const baseCase = (n: number, over: Partial<Case> = {}): Case =>
    ({
      id: `case-${n}`,
      status: 'ISOLATING',
      fullName: `Lê Văn ${n}`,
      idNumber: '001',
      dateOfBirth: '1980-01-01',
      gender: 'MALE',
      phone: null,
      address: 'Thôn 1',
      communeCode: '02221',
      communeName: 'Xã Trung Môn',
      districtCode: '073',
      districtName: 'Huyện Yên Sơn',
      positiveTestDate: '2022-03-01',
      testType: 'PCR',
      vaccineDoses: 2,
      highRisk: false,
      backRegistered: false,
      policyVersion: '2022-02',
      negativeTestDate: null,
      lastCheckInAt: null,
      dangerSigns: false,
      attention: [],
      isolation: { plannedEndDate: '2022-03-07', extendedEndDate: '2022-03-07', eligible: true, eligibleFrom: '2022-03-08', dayNumber: 9, overdueConfirmation: false },
      openedAt: '2022-03-01T01:00:00Z',
      recoveredAt: null,
      hasIsolationDecision: true,
      hasRecoveryConfirmation: false,
      ...over,
    }) as Case;

  it('counts every view, lists attention reasons danger first, drafts recovery confirmations', async () => {
    const r = await boot('COMMUNE_STAFF', '/cases?view=ATTENTION', (url, init) => {
      if (url.endsWith('/recovery-confirmations') && init?.method === 'POST') return json(201, { items: [doc(1, { kind: 'RECOVERY_CONFIRMATION' })] });
      if (!url.includes('/cases?')) return undefined;
      const p = params(url);
      if (p.get('limit') === '1') return list([], { ISOLATING: 40, ATTENTION: 3, ELIGIBLE: 5, OVERDUE_CONFIRMATION: 2, HOSPITALISED: 1, RECOVERED: 9 }[p.get('view')!] ?? 0);
      if (p.get('view') === 'ELIGIBLE') return list([baseCase(7), baseCase(8, { hasRecoveryConfirmation: true })]);
      return list([baseCase(1, { attention: ['NO_CHECK_IN', 'HIGH_RISK', 'DANGER_SIGNS'], dangerSigns: true })]);
    });
    const tabs = $$('[data-testid="tabs"] button').map((b) => b.textContent?.replace(/\s+/g, ' ').trim());
    expect(tabs).toEqual([
      'Đang cách ly 40',
      'Cần chú ý 3',
      'Đủ điều kiện kết thúc cách ly 5',
      'Quá hạn xác nhận khỏi bệnh 2',
      'Đang điều trị tại viện 1',
      'Đã khỏi 9',
    ]);
    const reasons = $$('[data-testid="case-reasons"] [data-reason]').map((b) => b.textContent?.trim());
    expect(reasons).toEqual(['🚨 Dấu hiệu nguy hiểm', '⚠ Nguy cơ cao', '🔕 Không khai báo sức khỏe 2 ngày']);
    expect($('[data-testid="draft-confirmations"]')).toBeNull();

    await click($('[data-testid="tab-ELIGIBLE"]'));
    await vi.waitFor(() => expect($$('[data-testid="case-row"]')).toHaveLength(2));
    expect($$('[data-testid="select-row"]')).toHaveLength(1);
    await click($('[data-testid="select-row"]'));
    await click($('[data-testid="draft-confirmations"]'));
    const [call] = calls(r.fetchFn, 'POST', '/recovery-confirmations');
    expect(JSON.parse(String(call![1]!.body))).toEqual({ caseIds: ['case-7'] });
    expect($('[data-testid="draft-notice"]')).not.toBeNull();
  });
});

describe('decisions', () => {
  function documents(drafts: CaseDocument[], issued: CaseDocument[] = []): Handler {
    return (url, init) => {
      if (url.endsWith('/isolation-decisions/sign') && init?.method === 'POST') {
        const { ids } = JSON.parse(String(init.body)) as { ids: string[] };
        return json(200, {
          items: ids.map((id, i) => ({ ...drafts.find((d) => d.id === id)!, status: 'ISSUED', number: 12 + i, numberText: `${12 + i}/QĐ-UBND` })),
        });
      }
      if (!url.includes('/isolation-decisions?')) return undefined;
      const p = params(url);
      const rows = p.get('status') === 'ISSUED' ? issued : p.get('status') === 'DRAFT' ? drafts : [];
      return list(p.get('limit') === '1' ? rows.slice(0, 1) : rows, rows.length);
    };
  }

  it('lets a leader sign the selected drafts after a confirmation naming the count, then shows the numbers', async () => {
    const drafts = Array.from({ length: 37 }, (_, i) => doc(i + 1));
    const r = await boot('COMMUNE_LEADER', '/decisions', documents(drafts));
    expect(r.router.currentRoute.value.query).toEqual({});
    expect($$('[data-testid="document-row"]')).toHaveLength(37);
    expect($('[data-testid="tab-DRAFT"]')!.textContent).toContain('37');
    await click($('[data-testid="select-all"]'));
    expect($('[data-testid="selected-count"]')!.textContent).toBe('Đã chọn 37');
    await click($('[data-testid="sign-selected"]'));
    expect($('[role="dialog"] h2')!.textContent).toBe('Ký 37 quyết định cách ly?');
    expect(calls(r.fetchFn, 'POST', '/sign')).toHaveLength(0);
    await click($('[data-testid="confirm-dialog-ok"]'));
    const [call] = calls(r.fetchFn, 'POST', '/isolation-decisions/sign');
    expect(JSON.parse(String(call![1]!.body)).ids).toEqual(drafts.map((d) => d.id));
    await vi.waitFor(() => expect($('[data-testid="signed-result"]')).not.toBeNull());
    expect($$('[data-testid="signed-number"]').map((e) => e.textContent)).toContain('12/QĐ-UBND');
    expect($('[role="dialog"] h2')!.textContent).toContain('Đã ký ban hành 37 văn bản');
  });

  it('never shows the sign button to staff; staff edit drafts', async () => {
    const r = await boot('COMMUNE_STAFF', '/decisions?status=DRAFT', (url, init) => {
      if (url.endsWith('/isolation-decisions/doc-1') && init?.method === 'PATCH') return json(200, { ...doc(1), ...JSON.parse(String(init.body)) });
      return documents([doc(1), doc(2)])(url, init);
    });
    expect($$('[data-testid="document-row"]')).toHaveLength(2);
    expect($('[data-testid="sign-selected"]')).toBeNull();
    expect($('[data-testid="select-row"]')).toBeNull();
    expect(document.body.textContent).not.toContain('Ký ban hành');
    await click($('[data-testid="edit-draft"]'));
    const place = $('#d-place') as HTMLInputElement;
    place.value = 'Nhà văn hóa thôn 2';
    place.dispatchEvent(new Event('input'));
    await click($('[data-testid="confirm-dialog-ok"]'));
    const [call] = calls(r.fetchFn, 'PATCH', '/isolation-decisions/doc-1');
    expect(JSON.parse(String(call![1]!.body))).toEqual({ place: 'Nhà văn hóa thôn 2' });
    expect($('[data-testid="docs-notice"]')!.textContent).toContain('Đã lưu dự thảo');
  });

  it('revokes an issued document with a reason and opens its PDF', async () => {
    const issued = doc(5, { status: 'ISSUED', number: 5, numberText: '5/QĐ-UBND', signedAt: '2022-03-12T03:00:00Z', verifyUrl: 'https://x/citizen/verify/ABC' });
    const r = await boot('COMMUNE_LEADER', '/decisions?status=ISSUED', (url, init) => {
      if (url.endsWith('/isolation-decisions/doc-5/revoke')) return json(200, { ...issued, status: 'REVOKED' });
      if (url.endsWith('/isolation-decisions/doc-5/pdf')) return new Response(new Blob(['%PDF'], { type: 'application/pdf' }), { status: 200, headers: { 'content-type': 'application/pdf' } });
      return documents([], [issued])(url, init);
    });
    expect($('[data-testid="document-number"]')!.textContent).toBe('5/QĐ-UBND');
    expect($('[data-testid="verify-link"]')!.getAttribute('href')).toBe('https://x/citizen/verify/ABC');
    const win = { location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
    await click($('[data-testid="open-pdf"]'));
    await vi.waitFor(() => expect(win.location.href).toMatch(/^blob:/));
    open.mockRestore();

    await click($('[data-testid="revoke-document"]'));
    expect($('[role="dialog"] h2')!.textContent).toBe('Thu hồi văn bản số 5/QĐ-UBND của Trần Thị 5?');
    const box = $('[data-testid="revoke-reason"]') as HTMLTextAreaElement;
    box.value = 'Nhầm người được cấp';
    box.dispatchEvent(new Event('input'));
    await click($('[data-testid="confirm-dialog-ok"]'));
    const [call] = calls(r.fetchFn, 'POST', '/isolation-decisions/doc-5/revoke');
    expect(JSON.parse(String(call![1]!.body))).toEqual({ reason: 'Nhầm người được cấp' });
  });
});

describe('poster', () => {
  it('downloads the commune poster with the bearer token', async () => {
    const r = await boot('COMMUNE_STAFF', '/poster', (url) => {
      if (url.endsWith('/communes/02221/f0-poster.pdf')) return new Response(new Blob(['%PDF'], { type: 'application/pdf' }), { status: 200 });
      return undefined;
    });
    const anchorClick = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await click($('[data-testid="poster-download"]'));
    const call = r.fetchFn.mock.calls.find(([u]) => u.endsWith('/communes/02221/f0-poster.pdf'))!;
    expect((call[1]!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(URL.createObjectURL).toHaveBeenCalled();
    expect(anchorClick).toHaveBeenCalled();
    expect($('[data-testid="poster-done"]')).not.toBeNull();
    anchorClick.mockRestore();
  });
});
