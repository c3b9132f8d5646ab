import { describe, expect, it } from 'vitest';
import { ApiError, createCordonI18n } from '@cordon/web';
import { fileErrorText, percentOf, rowReasons, uploadTypeOf } from '../components/import/imports';
import { messages } from '../i18n/messages';

function words(locale: 'vi' | 'en') {
  const i18n = createCordonI18n(messages, locale);
  const g = i18n.global as unknown as { t: (k: string, p?: Record<string, unknown>) => string; te: (k: string) => boolean };
  return { t: (k: string, p?: Record<string, unknown>) => g.t(k, p ?? {}), te: (k: string) => g.te(k) };
}

describe('import helpers', () => {
  it('words the reasons of a row by field and code, falling back to the API message', () => {
    const { t, te } = words('vi');
    const lines = rowReasons(
      {
        input: { username: 'a.b', unitCode: '073', role: 'COMMUNE_STAFF' },
        errors: [
          { field: 'unitCode', code: 'level', message: 'COMMUNE_STAFF needs a COMMUNE unit, not a DISTRICT' },
          { field: 'username', code: 'duplicate_in_file', message: 'username repeats row 7' },
          { field: 'email', code: 'somethingNew', message: 'email is odd' },
          { field: 'role', code: 'forbidden', message: 'Your role may not provision COMMUNE_STAFF accounts' },
        ],
      },
      t,
      te,
    );
    expect(lines).toEqual([
      'Mã đơn vị hành chính: vai trò này cần mã xã, phường, thị trấn, không phải mã huyện, thành phố',
      'Tên đăng nhập: trùng với dòng 7 trong tệp',
      'Email: email is odd',
      'Vai trò: bạn không được cấp tài khoản có vai trò này',
    ]);
    const en = words('en');
    expect(rowReasons({ input: {}, errors: [{ field: 'checkpointCode', code: 'out_of_scope', message: 'x' }] }, en.t, en.te)).toEqual([
      'Checkpoint code: outside the area you manage',
    ]);
  });

  it('explains file-level refusals and picks the upload type from the name', () => {
    const { t } = words('vi');
    const err = (code: string, message = code) => new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid', details: [{ field: 'file', code, message }] });
    expect(fileErrorText(err('encoding'), t)).toContain('UTF-8');
    expect(fileErrorText(err('too_many_rows'), t)).toContain('20.000');
    expect(fileErrorText(err('columns', 'Missing columns: Vai trò (use the template)'), t)).toBe('Tệp thiếu cột bắt buộc: Vai trò. Hãy dùng tệp mẫu và giữ nguyên dòng tiêu đề.');
    expect(fileErrorText(new ApiError({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'big' }), t)).toContain('10 MB');
    expect(fileErrorText(new ApiError({ status: 409, code: 'CONFLICT', message: 'x' }), t)).toBeNull();
    expect(uploadTypeOf('DS.CSV')).toBe('text/csv');
    expect(uploadTypeOf('ds.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(uploadTypeOf('ds.xls')).toBeNull();
    expect([percentOf(0, 0), percentOf(5000, 10000), percentOf(9999, 10000), percentOf(12, 10)]).toEqual([0, 50, 99, 100]);
  });
});
