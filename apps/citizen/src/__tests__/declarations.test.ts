import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso, type Declaration } from '@cordon/web';
import { apiError, byTestId, click, dmy, json, mountAt, q, settle, type, type Call, type Handler } from './harness';
import { adminUnits, declaration, pickUnit } from './movement-fixtures';

const STORE_KEY = 'cordon.citizen.declarations';

// the unit pickers wait 250 ms before they search: the walks through the form take a few seconds
vi.setConfig({ testTimeout: 20_000 });

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const stepOf = (el: HTMLElement) => byTestId(el, 'declare-progress').textContent ?? '';
const next = (el: HTMLElement) => click(el, '[data-testid="declare-step-next"]');

async function fillIdentity(el: HTMLElement, idNumber = '008150000002'): Promise<void> {
  await type(el, '#d-traveller-fullName', 'Lê Văn Bố');
  await type(el, '#d-traveller-idNumber', idNumber);
  await type(el, '#d-traveller-dateOfBirth', '01/02/1950');
  await click(el, '#d-traveller-gender');
}

/** Steps 2..6 with valid answers, from Hà Nội (narrowed to Cầu Giấy) to Xã Trung Môn by car. */
async function fillTrip(el: HTMLElement): Promise<void> {
  expect(stepOf(el)).toContain('Bước 2/7');
  await pickUnit(el, 'd-origin', 'ha noi');
  await pickUnit(el, 'd-origin-detail', 'cau giay');
  await type(el, '#d-originAddress', '12 Trần Phú');
  await pickUnit(el, 'd-destination', 'trung mon');
  await type(el, '#d-destinationAddress', 'Thôn 5');
  await next(el);
  expect(stepOf(el)).toContain('Bước 3/7');
  await type(el, '#d-travelDate', dmy(0));
  await click(el, '[data-testid="transport-CAR"]');
  await type(el, '#d-vehiclePlate', '22a 123.45');
  await type(el, '#d-purpose', 'Về quê');
  await next(el);
  expect(stepOf(el)).toContain('Bước 4/7');
  await click(el, '[data-symptom="FEVER"] input');
  await click(el, '[data-testid="contact-no"]');
  await click(el, '[data-testid="zone-yes"]');
  await next(el);
  expect(stepOf(el)).toContain('Bước 5/7');
  await click(el, '[data-testid="doses-2"]');
  await type(el, '#d-lastDoseDate', '01/12/2021');
  await next(el);
  expect(stepOf(el)).toContain('Bước 6/7');
  await next(el);
  expect(stepOf(el)).toContain('Bước 7/7');
}

function handlerWith(onSubmit: (call: Call) => Response, more?: Handler): Handler {
  return async (call) => {
    const unit = adminUnits(call);
    if (unit) return unit;
    if (call.path.startsWith('/movement-declarations') && call.method === 'POST') return onSubmit(call);
    return more?.(call);
  };
}

function storedIds(): string[] {
  return (JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]') as Declaration[]).map((d) => d.id);
}

describe('movement declaration form', () => {
  it('checks the answers next to the fields as the user goes, and stays on a step until they are right', async () => {
    const m = await mountAt('/declarations/new', handlerWith(() => json(201, declaration())));
    cleanup = m.unmount;
    const { el } = m;
    expect(stepOf(el)).toContain('Bước 1/7');
    expect(byTestId(el, 'self-profile').textContent).toContain('008190000001');
    await click(el, '[data-testid="for-member"]');
    await type(el, '#d-traveller-fullName', 'Lê Văn Bố');
    await type(el, '#d-traveller-idNumber', '12345');
    expect(q(el, '#d-traveller-idNumber-error').textContent).toContain('12 chữ số');
    // A passport number instead of a CCCD, and back.
    await click(el, '[data-testid="toggle-passport"]');
    expect(q<HTMLInputElement>(el, '#d-traveller-idNumber').maxLength).toBe(9);
    await click(el, '[data-testid="toggle-passport"]');
    expect(q<HTMLInputElement>(el, '#d-traveller-idNumber').maxLength).toBe(12);
    await next(el);
    expect(stepOf(el)).toContain('Bước 1/7');
    expect(q(el, '#d-traveller-dateOfBirth-error').textContent).toContain('Vui lòng nhập');
    await fillIdentity(el);
    expect(el.querySelector('#d-traveller-idNumber-error')).toBeNull();
    expect(q<HTMLInputElement>(el, '#d-traveller-nationality').value).toBe('VN');
    await next(el);

    // (2) the units must be picked from the list
    expect(stepOf(el)).toContain('Bước 2/7');
    await next(el);
    expect(stepOf(el)).toContain('Bước 2/7');
    expect(q(el, '#d-origin-error').textContent).toContain('chọn trong danh sách');
    expect(q(el, '#d-destination-error').textContent).toContain('chọn trong danh sách');
    await pickUnit(el, 'd-origin', 'ha noi');
    expect(q<HTMLInputElement>(el, '#d-origin').value).toBe('Thành phố Hà Nội');
    expect(el.querySelector('#d-origin-detail')).not.toBeNull(); // a province can be narrowed down
    await type(el, '#d-originAddress', '12 Trần Phú');
    await pickUnit(el, 'd-destination', 'trung mon');
    await type(el, '#d-destinationAddress', 'Thôn 5');
    await next(el);

    // (3) travel date within yesterday .. +30 days; the plate checked without its spaces
    expect(stepOf(el)).toContain('Bước 3/7');
    await type(el, '#d-travelDate', dmy(40));
    expect(q(el, '#d-travelDate-error').textContent).toContain('Ngày đi phải từ');
    await type(el, '#d-travelDate', dmy(1));
    expect(el.querySelector('#d-travelDate-error')).toBeNull();
    await type(el, '#d-vehiclePlate', '22A 123.4');
    expect(q(el, '#d-vehiclePlate-error').textContent).toContain('22A-123.45');
    await type(el, '#d-vehiclePlate', '22A 123.45');
    expect(el.querySelector('#d-vehiclePlate-error')).toBeNull();
    await next(el);
    expect(stepOf(el)).toContain('Bước 3/7');
    expect(q(el, '#d-transportMode').getAttribute('name')).toBe('transportMode');
    expect(el.textContent).toContain('Vui lòng chọn một mục.');

    // going back keeps what was typed
    await click(el, '[data-testid="step-back"]');
    expect(q<HTMLInputElement>(el, '#d-originAddress').value).toBe('12 Trần Phú');
  });

  it('sends one declaration (same Idempotency-Key after a lost connection), then shows the QR, the grouped code and the risk in words', async () => {
    const posts: Call[] = [];
    const m = await mountAt(
      '/declarations/new',
      handlerWith((call) => {
        posts.push(call);
        if (posts.length === 1) throw new TypeError('Failed to fetch');
        return json(201, declaration({ fullName: 'Lê Thị Hoa', idNumber: '008190000001' }));
      }),
    );
    cleanup = m.unmount;
    const { el, router } = m;
    await next(el); // for myself
    await fillTrip(el);
    expect(byTestId(el, 'declare-review').textContent).toContain('Quận Cầu Giấy');
    expect(byTestId(el, 'declare-review').textContent).toContain('22A123.45');

    await click(el, '[data-testid="declare-submit"]');
    expect(posts).toHaveLength(1);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Không kết nối được máy chủ');
    await click(el, '[data-testid="declare-submit"]');
    expect(posts).toHaveLength(2);
    const key = posts[0]!.headers.get('idempotency-key');
    expect(key).toBeTruthy();
    expect(posts[1]!.headers.get('idempotency-key')).toBe(key);
    expect(posts[1]!.path).toBe('/movement-declarations');
    expect(posts[1]!.body).toEqual({
      forSelf: true,
      originUnitCode: '005',
      originAddress: '12 Trần Phú',
      destinationCommuneCode: '02221',
      destinationAddress: 'Thôn 5',
      travelDate: todayIso(),
      transportMode: 'CAR',
      vehiclePlate: '22A123.45',
      purpose: 'Về quê',
      symptoms: ['FEVER'],
      contactWithCase: false,
      stayedInZone: true,
      vaccineDoses: 2,
      lastDoseDate: '2021-12-01',
    });

    // the result page, from the stored answer (its chunk loads the first time)
    await vi.waitFor(() => expect(el.querySelector('[data-testid="declaration-code"]')).not.toBeNull());
    expect(router.currentRoute.value.path).toBe('/declarations/d-1');
    expect(byTestId(el, 'declaration-sent').textContent).toContain('Đã gửi tờ khai');
    const svg = q<SVGElement>(byTestId(el, 'declaration-qr'), 'svg[role="img"]');
    expect(svg.getAttribute('data-qr-value')).toBe('qt_9f8e7d6c5b4a39281706'); // the token only
    expect(svg.querySelector('title')?.textContent).toBe('Mã QR của tờ khai K7M2 QX9P');
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M\d/);
    expect(byTestId(el, 'declaration-code').textContent?.trim()).toBe('K7M2 QX9P');
    const risk = byTestId(el, 'declaration-risk').textContent ?? '';
    expect(risk).toContain('CAO');
    expect(risk).toContain('Đến từ vùng dịch cấp 3');
    expect(risk).toContain('Chưa có kết quả xét nghiệm âm tính trong 72 giờ');
    expect(byTestId(el, 'declaration-valid-until').textContent).toMatch(/Có giá trị đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(el.textContent).toContain('Xuất trình mã QR này tại chốt kiểm soát');
    expect(storedIds()).toEqual(['d-1']);
    m.unmount();

    // a new form instance: a new key
    const m2 = await mountAt(
      '/declarations/new',
      handlerWith((call) => {
        posts.push(call);
        return json(201, declaration({ id: 'd-2' }));
      }),
    );
    cleanup = m2.unmount;
    await next(m2.el);
    await fillTrip(m2.el);
    await click(m2.el, '[data-testid="declare-submit"]');
    expect(posts).toHaveLength(3);
    expect(posts[2]!.headers.get('idempotency-key')).not.toBe(key);
  });

  it('without an account: typed identity, POST /anonymous without a token, field errors on their step, a new key after a refusal', async () => {
    const posts: Call[] = [];
    const m = await mountAt(
      '/declare',
      handlerWith((call) => {
        posts.push(call);
        if (posts.length === 1) {
          return apiError(400, 'VALIDATION_FAILED', [
            { field: 'traveller.idNumber', code: 'matches', message: 'idNumber must be a 12-digit citizen ID or a passport number' },
          ]);
        }
        return json(201, declaration({ id: 'anon-1', riskLevel: 'LOW', riskReasons: [] }));
      }),
      { signedIn: false },
    );
    cleanup = m.unmount;
    const { el, router } = m;
    expect(router.currentRoute.value.path).toBe('/declare');
    expect(el.querySelector('[data-testid="for-self"]')).toBeNull(); // always typed in
    await next(el);
    expect(stepOf(el)).toContain('Bước 1/7');
    await fillIdentity(el);
    await type(el, '#d-traveller-phone', '0912 000 002');
    await next(el);
    await fillTrip(el);
    await click(el, '[data-testid="declare-submit"]');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe('/movement-declarations/anonymous');
    expect(posts[0]!.headers.get('authorization')).toBeNull();
    expect(posts[0]!.body).toMatchObject({
      traveller: { fullName: 'Lê Văn Bố', idNumber: '008150000002', dateOfBirth: '1950-02-01', gender: 'MALE', phone: '0912000002', nationality: 'VN' },
    });
    expect((posts[0]!.body as Record<string, unknown>).forSelf).toBeUndefined();
    // back to the step of the field, the API's message next to it
    expect(stepOf(el)).toContain('Bước 1/7');
    expect(q(el, '#d-traveller-idNumber-error').textContent).toContain('12-digit');

    await type(el, '#d-traveller-idNumber', '008150000003');
    for (let i = 0; i < 6; i++) await next(el);
    await click(el, '[data-testid="declare-submit"]');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers.get('idempotency-key')).not.toBe(posts[0]!.headers.get('idempotency-key'));
    await settle();
    expect(router.currentRoute.value.path).toBe('/declarations/anon-1');
    expect(byTestId(el, 'declaration-code').textContent?.trim()).toBe('K7M2 QX9P');
    expect(byTestId(el, 'declaration-risk').textContent).toContain('THẤP');
    expect(byTestId(el, 'declaration-risk').textContent).toContain('Không có yếu tố nguy cơ.');
    expect(storedIds()).toEqual(['anon-1']);
  });
});

describe('declaration result page', () => {
  it('renders from the copy on the phone when the network is down', async () => {
    let gets = 0;
    const m = await mountAt('/', (call) => {
      if (call.path === '/movement-declarations/d-1') {
        gets++;
        throw new TypeError('Failed to fetch');
      }
      return undefined;
    });
    cleanup = m.unmount;
    const { el, router } = m;
    localStorage.setItem(STORE_KEY, JSON.stringify([declaration()]));
    await router.push('/declarations/d-1');
    await settle();
    expect(gets).toBe(1);
    expect(byTestId(el, 'declaration-offline').textContent).toContain('Không có mạng');
    expect(q(byTestId(el, 'declaration-qr'), 'svg').getAttribute('data-qr-value')).toBe('qt_9f8e7d6c5b4a39281706');
    expect(byTestId(el, 'declaration-code').textContent?.trim()).toBe('K7M2 QX9P');
    expect(byTestId(el, 'declaration-status').textContent).toContain('CÒN HIỆU LỰC');
    expect(byTestId(el, 'declaration-risk').textContent).toContain('CAO');
  });

  it('signed out: shows a stored declaration without asking the API; an expired one has no QR and offers to declare again', async () => {
    const m = await mountAt('/declare', () => undefined, { signedIn: false });
    cleanup = m.unmount;
    const { el, router, calls } = m;
    localStorage.setItem(
      STORE_KEY,
      JSON.stringify([
        declaration(),
        declaration({ id: 'd-old', shortCode: 'ABCD2345', validUntil: new Date(Date.now() - 3600_000).toISOString(), createdAt: '2020-01-01T00:00:00Z' }),
      ]),
    );
    await router.push('/declarations/d-1');
    await settle();
    expect(byTestId(el, 'declaration-code').textContent?.trim()).toBe('K7M2 QX9P');
    expect(calls.filter((c) => c.path.startsWith('/movement-declarations'))).toHaveLength(0);

    await router.push('/declarations/d-old');
    await settle();
    expect(byTestId(el, 'declaration-status').textContent).toContain('HẾT HIỆU LỰC');
    expect(el.querySelector('[data-testid="declaration-qr"]')).toBeNull();
    expect(byTestId(el, 'declaration-copy').getAttribute('href')).toBe('/citizen/declare?copy=d-old');

    await router.push('/declarations/nope');
    await settle();
    expect(byTestId(el, 'declaration-not-found').textContent).toContain('Không tìm thấy tờ khai');
  });
});

describe('my declarations', () => {
  it('lists them with their validity; "Khai báo lại" prefills a new form except the travel date and health answers', async () => {
    const past = declaration({ validUntil: new Date(Date.now() - 3600_000).toISOString(), valid: false });
    const m = await mountAt('/declarations', (call) => {
      const unit = adminUnits(call);
      if (unit) return unit;
      if (call.path === '/movement-declarations' && call.method === 'GET') return json(200, { items: [past], nextCursor: null, total: 1 });
      return undefined;
    });
    cleanup = m.unmount;
    const { el, router } = m;
    const rows = el.querySelectorAll('[data-testid="declaration-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('K7M2 QX9P');
    expect(rows[0]!.textContent).toContain('HẾT HIỆU LỰC');
    expect(rows[0]!.textContent).toContain('Lê Văn Bố');

    await click(el, '[data-testid="declaration-copy"]');
    expect(router.currentRoute.value.path).toBe('/declarations/new');
    expect(byTestId(el, 'declare-copied').textContent).toContain('K7M2 QX9P');
    // someone else than the profile's owner: the identity is typed in, prefilled
    expect(q<HTMLInputElement>(el, '[data-testid="for-member"]').checked).toBe(true);
    expect(q<HTMLInputElement>(el, '#d-traveller-fullName').value).toBe('Lê Văn Bố');
    expect(q<HTMLInputElement>(el, '#d-traveller-idNumber').value).toBe('008150000002');
    expect(q<HTMLInputElement>(el, '#d-traveller-dateOfBirth').value).toBe('01/02/1950');
    await next(el);
    expect(q<HTMLInputElement>(el, '#d-origin').value).toBe('Thành phố Hà Nội');
    expect(q<HTMLInputElement>(el, '#d-originAddress').value).toBe('12 Trần Phú');
    expect(q<HTMLInputElement>(el, '#d-destination').value).toBe('Xã Trung Môn');
    await next(el);
    expect(q<HTMLInputElement>(el, '#d-travelDate').value).toBe(''); // not copied
    expect(q<HTMLInputElement>(el, '#d-vehiclePlate').value).toBe('22A-123.45');
    expect(q<HTMLInputElement>(el, '#d-purpose').value).toBe('Về quê');
    expect(q<HTMLInputElement>(el, '[data-testid="transport-CAR"]').checked).toBe(true);
    await type(el, '#d-travelDate', dmy(0));
    await next(el);
    // health answers are asked again
    expect(q<HTMLInputElement>(el, '[data-symptom="FEVER"] input').checked).toBe(false);
    expect(q<HTMLInputElement>(el, '[data-testid="contact-no"]').checked).toBe(false);
    expect(q<HTMLInputElement>(el, '[data-testid="zone-yes"]').checked).toBe(false);
    await click(el, '[data-testid="contact-no"]');
    await click(el, '[data-testid="zone-no"]');
    await next(el);
    expect(q<HTMLInputElement>(el, '[data-testid="doses-2"]').checked).toBe(true);
  });

  it('shows the declarations kept on the phone when offline', async () => {
    const m = await mountAt('/', (call) => {
      if (call.path === '/movement-declarations') throw new TypeError('Failed to fetch');
      return undefined;
    });
    cleanup = m.unmount;
    const { el, router } = m;
    localStorage.setItem(STORE_KEY, JSON.stringify([declaration(), declaration({ id: 'd-2', shortCode: 'ABCD2345' })]));
    await router.push('/declarations');
    await settle();
    expect(byTestId(el, 'declarations-offline').textContent).toContain('Không có mạng');
    expect(el.querySelectorAll('[data-testid="declaration-row"]')).toHaveLength(2);
    expect(el.textContent).toContain('CÒN HIỆU LỰC');
  });
});
