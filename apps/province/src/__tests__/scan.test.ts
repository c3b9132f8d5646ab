import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { byTestId, settle } from '@cordon/web/testing';
import type { GreenLanePass } from '../movements-types';
import { json } from './harness';
import { click, declaration, open, posts, typeCode } from './scan-fixtures';

describe('checkpoint scan', () => {
  it('is the officer’s home, with Quét mã / Tờ khai giấy / Ca trực in the menu', async () => {
    const r = await open(() => undefined, '/');
    await vi.waitFor(() => expect(r.router.currentRoute.value.name).toBe('scan'));
    const links = Array.from(r.el.querySelectorAll('.shell-nav a')).map((a) => a.textContent);
    expect(links).toEqual(expect.arrayContaining(['Quét mã', 'Tờ khai giấy', 'Ca trực']));
    expect(links).not.toContain('Chốt kiểm soát');
  });

  it('looks up a typed code and shows the person, the masked ID and the risk in words', async () => {
    const r = await open((url) => (url.includes('/movement-declarations/lookup/K7M2QX9P') ? json(200, declaration()) : undefined));
    const input = byTestId<HTMLInputElement>(r.el, 'scan-code-input');
    input.value = 'k7m2-qx9p';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(input.value).toBe('K7M2 QX9P'); // upper case, 4-4
    await typeCode(r.el, 'k7m2qx9p');
    const result = byTestId(r.el, 'scan-result');
    expect(result.textContent).toContain('Lương Văn Khải');
    expect(byTestId(r.el, 'scan-id').textContent).toBe('0080*****234');
    expect(byTestId(r.el, 'scan-route').textContent).toContain('Thành phố Hà Nội');
    expect(byTestId(r.el, 'scan-route').textContent).toContain('Xã Đội Cấn');
    const risk = byTestId(r.el, 'scan-risk');
    expect(risk.textContent).toContain('NGUY CƠ CAO');
    expect(risk.dataset.level).toBe('HIGH');
    expect(risk.querySelector('svg.risk-icon')).not.toBeNull();
    expect(risk.textContent).toContain('Đi từ vùng dịch cấp 4 (nguy cơ rất cao)');
    expect(risk.textContent).toContain('Tiếp xúc với ca bệnh');
    expect(byTestId(r.el, 'scan-validity').textContent).toContain('Còn hiệu lực đến');
    expect(byTestId(r.el, 'scan-passages').textContent).toContain('Chốt Tân Long');
    // both directions of the checkpoint, IN first
    expect(byTestId<HTMLInputElement>(r.el, 'direction-IN').querySelector('input')!.checked).toBe(true);
    expect(r.el.querySelector('[data-testid="outcome-REFERRED_TO_ISOLATION"]')).not.toBeNull();
  });

  it('refuses a malformed code without asking the API', async () => {
    const r = await open(() => undefined);
    await typeCode(r.el, 'K7M2');
    expect(r.el.textContent).toContain('Mã gồm 8 chữ cái và chữ số');
    expect(r.calls.some((c) => c.path.includes('/lookup/'))).toBe(false);
  });

  it('shows an expired declaration as HẾT HẠN and offers no passage', async () => {
    const r = await open((url) => (url.includes('/lookup/') ? json(200, declaration({ valid: false, riskLevel: 'LOW', riskReasons: [] })) : undefined));
    await typeCode(r.el, 'K7M2QX9P');
    expect(byTestId(r.el, 'scan-validity').textContent).toContain('HẾT HẠN');
    expect(byTestId(r.el, 'scan-risk').textContent).toContain('NGUY CƠ THẤP');
    expect(r.el.querySelector('[data-testid="outcome-ALLOWED"]')).toBeNull();
  });

  it('records a passage with one tap: its own Idempotency-Key and the tap time', async () => {
    const r = await open((url, init) => {
      if (url.includes('/lookup/')) return json(200, declaration());
      if (url.endsWith('/checkpoints/cp-1/passages') && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { direction: 'IN'; outcome: 'SENT_FOR_TESTING'; recordedAt: string };
        return json(201, { passage: { id: 'p-1', checkpointId: 'cp-1', checkpointName: 'Chốt Đội Cấn', source: 'ONLINE', ...body }, declaration: declaration() });
      }
      return undefined;
    });
    await typeCode(r.el, 'K7M2QX9P');
    const before = Date.now();
    await click(byTestId(r.el, 'outcome-SENT_FOR_TESTING'));
    const [post] = posts(r);
    expect(post!.path).toBe('/checkpoints/cp-1/passages');
    expect(post!.headers.get('idempotency-key')).toMatch(/.{16,}/);
    const body = post!.body as Record<string, string>;
    expect(body).toMatchObject({ code: 'K7M2QX9P', direction: 'IN', outcome: 'SENT_FOR_TESTING' });
    expect(Math.abs(Date.parse(body.recordedAt!) - before)).toBeLessThan(5000);
    const receipt = byTestId(r.el, 'passage-recorded');
    expect(receipt.dataset.status).toBe('sent');
    expect(receipt.textContent).toContain('Đã ghi nhận: Đưa đi xét nghiệm, Vào tỉnh');
    expect(byTestId(r.el, 'queue-count').dataset.count).toBe('0');

    // the next person: a new passage gets a new key
    await click(byTestId(r.el, 'scan-next'));
    await typeCode(r.el, 'K7M2QX9P');
    (byTestId(r.el, 'direction-OUT').querySelector('input') as HTMLInputElement).click();
    await settle();
    await click(byTestId(r.el, 'outcome-ALLOWED'));
    const [first, second] = posts(r);
    expect((second!.body as Record<string, string>).direction).toBe('OUT');
    expect(second!.headers.get('idempotency-key')).not.toBe(first!.headers.get('idempotency-key'));
  });

  it('keeps a passage on the phone when the connection drops, and resends it with the SAME key', async () => {
    let online = true;
    const r = await open((url, init) => {
      if (url.includes('/lookup/')) return json(200, declaration());
      if (url.endsWith('/checkpoints/cp-1/passages') && init?.method === 'POST') {
        if (!online) throw new TypeError('Failed to fetch');
        return json(201, { passage: { id: 'p-1' }, declaration: declaration() });
      }
      return undefined;
    });
    await typeCode(r.el, 'K7M2QX9P');
    online = false;
    await click(byTestId(r.el, 'outcome-ALLOWED'));
    const receipt = byTestId(r.el, 'passage-recorded');
    expect(receipt.dataset.status).toBe('queued');
    expect(receipt.textContent).toContain('Đã lưu trên máy, sẽ gửi khi có mạng');
    expect(byTestId(r.el, 'queue-count').textContent).toContain('Chờ gửi: 1 lượt');
    const key = posts(r)[0]!.headers.get('idempotency-key');
    const recordedAt = (posts(r)[0]!.body as Record<string, string>).recordedAt;

    // "Gửi lại" while still offline: kept
    await click(byTestId(r.el, 'queue-flush'));
    expect(byTestId(r.el, 'queue-count').dataset.count).toBe('1');

    // the connection is back: the 'online' event resends it
    online = true;
    window.dispatchEvent(new Event('online'));
    await settle();
    const all = posts(r);
    expect(all).toHaveLength(3);
    expect(all.map((c) => c.headers.get('idempotency-key'))).toEqual([key, key, key]);
    expect((all[2]!.body as Record<string, string>).recordedAt).toBe(recordedAt);
    expect(byTestId(r.el, 'queue-count').dataset.count).toBe('0');
    expect(r.el.querySelector('[data-testid="queue-flush"]')).toBeNull();
  });

  it('takes a passage the API refuses on a resend out of the queue and says why', async () => {
    let answer: 'offline' | 'refuse' = 'offline';
    const r = await open((url, init) => {
      if (url.includes('/lookup/')) return json(200, declaration());
      if (url.endsWith('/passages') && init?.method === 'POST') {
        if (answer === 'offline') return json(503, { statusCode: 503, code: 'INTERNAL_ERROR', message: 'down' });
        return json(409, { statusCode: 409, code: 'DECLARATION_EXPIRED', message: 'expired', requestId: 'req-9' });
      }
      return undefined;
    });
    await typeCode(r.el, 'K7M2QX9P');
    await click(byTestId(r.el, 'outcome-TURNED_BACK'));
    expect(byTestId(r.el, 'queue-count').dataset.count).toBe('1');
    answer = 'refuse';
    await click(byTestId(r.el, 'queue-flush'));
    expect(byTestId(r.el, 'queue-count').dataset.count).toBe('0');
    const rejected = byTestId(r.el, 'queue-rejected');
    expect(rejected.textContent).toContain('Lương Văn Khải (K7M2 QX9P): không được ghi nhận');
    expect(rejected.textContent).toContain('Tờ khai đã hết hạn');
  });

  it('records by the typed code without a lookup when offline', async () => {
    let online = false;
    const r = await open((url, init) => {
      if (!online) throw new TypeError('Failed to fetch');
      if (url.endsWith('/green-lane-passages') && init?.method === 'POST') return json(201, { passage: { id: 'p-2' }, pass: {} });
      return undefined;
    });
    await typeCode(r.el, 'G7M2QX9P');
    expect(byTestId(r.el, 'scan-offline').textContent).toContain('G7M2 QX9P');
    (byTestId(r.el, 'offline-green-lane') as HTMLInputElement).click();
    await settle();
    await click(byTestId(r.el, 'outcome-ALLOWED'));
    expect(byTestId(r.el, 'passage-recorded').dataset.status).toBe('queued');
    online = true;
    await click(byTestId(r.el, 'queue-flush'));
    const sent = posts(r);
    expect(sent.map((c) => c.path)).toEqual(['/checkpoints/cp-1/green-lane-passages', '/checkpoints/cp-1/green-lane-passages']);
    expect(sent[0]!.headers.get('idempotency-key')).toBe(sent[1]!.headers.get('idempotency-key'));
    expect(sent[1]!.body).toMatchObject({ code: 'G7M2QX9P', direction: 'IN', outcome: 'ALLOWED' });
  });

  it('falls back to the green-lane pass when no declaration has the code', async () => {
    const pass: GreenLanePass = {
      id: 'g-1',
      status: 'APPROVED',
      plate: '22C-123.45',
      vehicleType: 'TRUCK',
      owner: 'Công ty TNHH Vận tải Tuyên Quang',
      ownerPhone: '0912345678',
      drivers: [{ fullName: 'Hoàng Văn Tài', idNumber: '0080*****111', phone: '0987654321' }],
      originName: 'Tỉnh Phú Thọ',
      destinationName: 'Thành phố Tuyên Quang',
      cargo: 'Rau quả',
      validFrom: '2022-03-01',
      validTo: '2022-03-30',
      shortCode: 'G7M2QX9P',
      valid: true,
    };
    const r = await open((url, init) => {
      if (url.includes('/green-lane/lookup/G7M2QX9P')) return json(200, pass);
      if (url.endsWith('/checkpoints/cp-1/green-lane-passages') && init?.method === 'POST') return json(201, { passage: { id: 'p-3' }, pass });
      return undefined;
    });
    await typeCode(r.el, 'G7M2QX9P');
    const result = byTestId(r.el, 'scan-result');
    expect(byTestId(r.el, 'scan-plate').textContent).toBe('22C-123.45');
    expect(result.textContent).toContain('Công ty TNHH Vận tải Tuyên Quang');
    expect(result.textContent).toContain('Hoàng Văn Tài');
    expect(byTestId(r.el, 'scan-risk').textContent).toContain('CÒN HIỆU LỰC');
    expect(byTestId(r.el, 'scan-validity').textContent).toContain('01/03/2022');
    await click(byTestId(r.el, 'outcome-ALLOWED'));
    const [post] = posts(r);
    expect(post!.path).toBe('/checkpoints/cp-1/green-lane-passages');
    expect(post!.headers.get('idempotency-key')).toBeTruthy();
    expect(byTestId(r.el, 'passage-recorded').dataset.status).toBe('sent');
  });

  it('says when neither a declaration nor a pass nor a trip has the code', async () => {
    const r = await open(() => undefined);
    await typeCode(r.el, 'K7M2QX9P');
    expect(byTestId(r.el, 'scan-not-found').textContent).toContain('K7M2 QX9P');
    expect(r.calls.filter((c) => c.path.includes('/lookup/')).map((c) => c.path)).toEqual([
      '/movement-declarations/lookup/K7M2QX9P',
      '/green-lane/lookup/K7M2QX9P',
      '/trips/lookup/K7M2QX9P',
    ]);
  });
});
