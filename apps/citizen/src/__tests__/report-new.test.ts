import { afterEach, describe, expect, it } from 'vitest';
import type { CaseReport } from '@cordon/web';
import { apiError, byTestId, choose, click, dmy, json, mountAt, q, settle, type, type Call, type Handler } from './harness';

const commune = {
  code: '02221',
  level: 'COMMUNE',
  name: 'Trung Môn',
  nameWithType: 'Xã Trung Môn',
  parentCode: '071',
  type: 'xa',
  ancestors: [
    { code: '08', level: 'PROVINCE', name: 'Tuyên Quang', nameWithType: 'Tỉnh Tuyên Quang', parentCode: null, type: 'tinh' },
    { code: '071', level: 'DISTRICT', name: 'Yên Sơn', nameWithType: 'Huyện Yên Sơn', parentCode: '08', type: 'huyen' },
  ],
};

function report(body: Record<string, unknown>): CaseReport {
  return {
    id: 'rep-1',
    kind: 'INFECTION',
    status: 'SUBMITTED',
    fullName: body.forSelf ? 'Lê Thị Hoa' : 'Lê Văn Bố',
    submittedAt: '2026-11-24T02:51:22.060Z',
  } as CaseReport;
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const stepOf = (el: HTMLElement) => byTestId(el, 'report-progress').textContent ?? '';

/** Walks the steps after "who" with valid answers (the commune comes from the poster's ?commune=). */
async function fillRest(el: HTMLElement): Promise<void> {
  // (b) where
  expect(stepOf(el)).toContain('Bước 2/7');
  expect(q<HTMLInputElement>(el, '#r-communeCode').value).toBe('Xã Trung Môn');
  await type(el, '#r-address', 'Thôn 5');
  await click(el, '[data-testid="step-next"]');
  // (c) test
  expect(stepOf(el)).toContain('Bước 3/7');
  await click(el, '#r-testType');
  await type(el, '#r-testDate', dmy(0));
  await click(el, '[data-testid="step-next"]');
  // (d) symptoms
  expect(stepOf(el)).toContain('Bước 4/7');
  await click(el, '[data-symptom="FEVER"] input');
  await click(el, '[data-testid="step-next"]');
  // (e) vaccination
  expect(stepOf(el)).toContain('Bước 5/7');
  await click(el, '#r-vaccineDoses');
  await click(el, '[data-testid="step-next"]');
  // (f) contacts
  expect(stepOf(el)).toContain('Bước 6/7');
  await click(el, '[data-testid="step-next"]');
  expect(stepOf(el)).toContain('Bước 7/7');
}

function handlerWith(onSubmit: (call: Call) => Response): Handler {
  return (call) => {
    if (call.path === '/admin-units/02221') return json(200, commune);
    if (call.path === '/case-reports/infection' && call.method === 'POST') return onSubmit(call);
    return undefined;
  };
}

describe('infection report form', () => {
  it('checks the ID number and refuses a test date in the future, next to the fields', async () => {
    const m = await mountAt('/reports/new?commune=02221', handlerWith(() => json(201, {})));
    cleanup = m.unmount;
    const { el } = m;
    expect(stepOf(el)).toContain('Bước 1/7');
    await click(el, '[data-testid="for-member"]');
    await type(el, '#r-person-fullName', 'Lê Văn Bố');
    await type(el, '#r-person-idNumber', '12345');
    expect(q(el, '#r-person-idNumber-error').textContent).toContain('12 chữ số');
    expect(q(el, '#r-person-idNumber').getAttribute('aria-invalid')).toBe('true');
    await click(el, '[data-testid="step-next"]');
    expect(stepOf(el)).toContain('Bước 1/7'); // stays until fixed
    await type(el, '#r-person-idNumber', '008150000002');
    expect(el.querySelector('#r-person-idNumber-error')).toBeNull();
    await type(el, '#r-person-dateOfBirth', '01/02/1950');
    await click(el, '#r-person-gender');
    await choose(el, '#r-person-relation', 'PARENT');
    await click(el, '[data-testid="step-next"]');
    expect(stepOf(el)).toContain('Bước 2/7');
    await type(el, '#r-address', 'Thôn 5');
    await click(el, '[data-testid="step-next"]');

    await click(el, '#r-testType');
    await type(el, '#r-testDate', dmy(2));
    expect(q(el, '#r-testDate-error').textContent).toContain('Ngày không được sau hôm nay.');
    await click(el, '[data-testid="step-next"]');
    expect(stepOf(el)).toContain('Bước 3/7');
    await type(el, '#r-testDate', dmy(0));
    expect(el.querySelector('#r-testDate-error')).toBeNull();

    // going back keeps what was typed
    await click(el, '[data-testid="step-back"]');
    expect(stepOf(el)).toContain('Bước 2/7');
    expect(q<HTMLInputElement>(el, '#r-address').value).toBe('Thôn 5');
    await click(el, '[data-testid="step-back"]');
    expect(q<HTMLInputElement>(el, '#r-person-idNumber').value).toBe('008150000002');
  });

  it('sends one report: the same Idempotency-Key on a retry after a lost connection, a new one for a new form', async () => {
    let attempts = 0;
    const posts: Call[] = [];
    const handler = handlerWith((call) => {
      posts.push(call);
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return json(201, report(call.body as Record<string, unknown>));
    });
    const m = await mountAt('/reports/new?commune=02221', handler);
    cleanup = m.unmount;
    const { el } = m;
    expect(byTestId(el, 'self-profile').textContent).toContain('008190000001');
    await click(el, '[data-testid="step-next"]');
    await fillRest(el);
    expect(byTestId(el, 'report-review').textContent).toContain('Sốt');

    await click(el, '[data-testid="report-submit"]');
    expect(posts).toHaveLength(1);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Không kết nối được máy chủ');
    expect(el.querySelector('[data-testid="report-receipt"]')).toBeNull();

    await click(el, '[data-testid="report-submit"]');
    expect(posts).toHaveLength(2);
    const key1 = posts[0]!.headers.get('idempotency-key');
    expect(key1).toBeTruthy();
    expect(posts[1]!.headers.get('idempotency-key')).toBe(key1);
    expect(posts[1]!.body).toEqual({
      forSelf: true,
      communeCode: '02221',
      address: 'Thôn 5',
      testType: 'RAPID_SELF',
      testDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      symptoms: ['FEVER'],
      vaccineDoses: 0,
      pregnant: false,
      chronicDisease: false,
      contacts: [],
    });

    const receipt = byTestId(el, 'report-receipt');
    expect(receipt.textContent).toContain('Đã gửi khai báo');
    expect(receipt.textContent).toContain('UBND xã sẽ xem xét');
    expect(q<HTMLAnchorElement>(receipt, '[data-testid="receipt-my-reports"]').getAttribute('href')).toBe('/citizen/reports');
    m.unmount();

    // a new form instance: a new key
    const m2 = await mountAt('/reports/new?commune=02221', handler);
    cleanup = m2.unmount;
    await click(m2.el, '[data-testid="step-next"]');
    await fillRest(m2.el);
    await click(m2.el, '[data-testid="report-submit"]');
    expect(posts).toHaveLength(3);
    expect(posts[2]!.headers.get('idempotency-key')).toBeTruthy();
    expect(posts[2]!.headers.get('idempotency-key')).not.toBe(key1);
  });

  it('shows the API field errors next to the fields and goes back to their step', async () => {
    const m = await mountAt(
      '/reports/new?commune=02221',
      handlerWith(() =>
        apiError(409, 'DUPLICATE', [{ field: 'person.idNumber', code: 'DUPLICATE', message: 'Người này đã có ca bệnh đang mở.' }]),
      ),
    );
    cleanup = m.unmount;
    const { el } = m;
    await click(el, '[data-testid="for-member"]');
    await type(el, '#r-person-fullName', 'Lê Văn Bố');
    await type(el, '#r-person-idNumber', '008150000002');
    await type(el, '#r-person-dateOfBirth', '01/02/1950');
    await click(el, '#r-person-gender');
    await choose(el, '#r-person-relation', 'PARENT');
    await click(el, '[data-testid="step-next"]');
    await fillRest(el);
    await click(el, '[data-testid="report-submit"]');
    await settle();
    expect(stepOf(el)).toContain('Bước 1/7');
    expect(q(el, '#r-person-idNumber-error').textContent).toBe('Người này đã có ca bệnh đang mở.');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Dữ liệu này đã tồn tại.');
  });

  it('checks the photo type and size before uploading, and uploads the raw file with its type', async () => {
    const uploads: Call[] = [];
    const m = await mountAt('/reports/new?commune=02221', (call) => {
      if (call.path === '/admin-units/02221') return json(200, commune);
      if (call.path === '/files/test-photos') {
        uploads.push(call);
        return json(201, { id: 'f-1', contentType: 'image/png', size: 4 });
      }
      return undefined;
    });
    cleanup = m.unmount;
    const { el } = m;
    await click(el, '[data-testid="step-next"]');
    await type(el, '#r-address', 'Thôn 5');
    await click(el, '[data-testid="step-next"]');
    const pick = async (file: File) => {
      const input = byTestId<HTMLInputElement>(el, 'photo-input');
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await settle();
    };
    await pick(new File(['%PDF'], 'test.pdf', { type: 'application/pdf' }));
    expect(q(el, '#photo-error').textContent).toContain('JPEG hoặc PNG');
    await pick(new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' }));
    expect(q(el, '#photo-error').textContent).toContain('5 MB');
    expect(uploads).toHaveLength(0);
    await pick(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'que-test.png', { type: 'image/png' }));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.headers.get('content-type')).toBe('image/png');
    expect(uploads[0]!.body).toBeInstanceOf(Blob);
    expect(byTestId(el, 'photo-preview').textContent).toContain('que-test.png');
    await click(el, '[data-testid="photo-remove"]');
    expect(el.querySelector('[data-testid="photo-preview"]')).toBeNull();
  });
});
