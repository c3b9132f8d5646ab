import { describe, expect, it } from 'vitest';
import { cccdDate, parseCccdQr } from '../cccd';

describe('CCCD QR', () => {
  it('reads the pipe-separated text on the back of a chip-based citizen ID card', () => {
    expect(parseCccdQr('008089000123|012345678|Nguyễn Văn An|05041989|Nam|Thôn 3, Xã Trung Môn, Yên Sơn, Tuyên Quang|15082021')).toEqual({
      idNumber: '008089000123',
      oldIdNumber: '012345678',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1989-04-05',
      gender: 'MALE',
      address: 'Thôn 3, Xã Trung Môn, Yên Sơn, Tuyên Quang',
      issueDate: '2021-08-15',
    });
  });

  it('accepts an empty old ID, "Nữ" in any Unicode form and stray spaces', () => {
    const nfd = 'Nữ'.normalize('NFD');
    const c = parseCccdQr(` 001190012345||Lê  Thị Hoa|29021992|${nfd}|Hà Nội|01012022\n`);
    expect(c).toMatchObject({ idNumber: '001190012345', oldIdNumber: '', fullName: 'Lê Thị Hoa', dateOfBirth: '1992-02-29', gender: 'FEMALE' });
  });

  it('works without the address and issue date', () => {
    expect(parseCccdQr('001190012345||Lê Thị Hoa|01011990|Nữ')).toMatchObject({ address: '', issueDate: '', gender: 'FEMALE' });
  });

  it('refuses what is not a CCCD', () => {
    expect(parseCccdQr('K7M2QX9P')).toBeNull(); // a declaration code
    expect(parseCccdQr('12345|x|Tên|01011990|Nam')).toBeNull(); // not 12 digits
    expect(parseCccdQr('001190012345||Tên|31021990|Nam')).toBeNull(); // no 31 February
    expect(parseCccdQr('001190012345||Tên|01011990|X')).toBeNull(); // unknown gender
    expect(parseCccdQr('001190012345|||01011990|Nam')).toBeNull(); // no name
  });

  it('turns ddMMyyyy into an ISO date', () => {
    expect(cccdDate('05041989')).toBe('1989-04-05');
    expect(cccdDate('5041989')).toBeNull();
    expect(cccdDate('30022020')).toBeNull();
  });
});
