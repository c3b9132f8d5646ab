import { describe, expect, it } from 'vitest';
import { APP_OF_ROLE, ALL_ROLES, foldVietnamese, isValidIdNumber, isValidPhone, passwordProblems, rolesOfApp, STAFF_USERNAME_PATTERN } from '../src';

describe('Vietnamese phone numbers', () => {
  it.each(['0912345678', '0387654321', '0561234567', '0701234567', '0891234567'])('accepts %s', (p) => expect(isValidPhone(p)).toBe(true));
  it.each(['912345678', '09123456789', '0212345678', '+84912345678', '09123x5678', ''])('rejects %s', (p) => expect(isValidPhone(p)).toBe(false));
});

describe('ID numbers', () => {
  it.each(['008090001234', 'C1234567', 'B7654321'])('accepts %s', (id) => expect(isValidIdNumber(id)).toBe(true));
  it.each(['12345', '0080900012345', '00809000123a', 'c12'])('rejects %s', (id) => expect(isValidIdNumber(id)).toBe(false));
});

describe('password policy', () => {
  it('accepts the demo password', () => expect(passwordProblems('Demo@12345')).toEqual([]));
  it('names every problem', () => {
    expect(passwordProblems('abc')).toEqual(['TOO_SHORT', 'NO_DIGIT', 'NO_UPPER_OR_SYMBOL']);
    expect(passwordProblems('12345678')).toEqual(['NO_LETTER', 'NO_UPPER_OR_SYMBOL']);
    expect(passwordProblems('abcdefgh1')).toEqual(['NO_UPPER_OR_SYMBOL']);
    expect(passwordProblems('abcdefg1!')).toEqual([]);
  });
});

describe('foldVietnamese', () => {
  it('strips diacritics and đ, lower-cases and collapses spaces', () => {
    expect(foldVietnamese('  Yên   Sơn ')).toBe('yen son');
    expect(foldVietnamese('Đà Nẵng')).toBe('da nang');
    expect(foldVietnamese('Thượng Giáp')).toBe('thuong giap');
  });
});

describe('roles', () => {
  it('puts every role in exactly one app', () => {
    const apps = ['citizen', 'commune', 'province'] as const;
    expect(apps.flatMap((a) => rolesOfApp(a)).sort()).toEqual([...ALL_ROLES].sort());
    expect(APP_OF_ROLE.DISTRICT_OFFICER).toBe('commune');
  });
  it('staff usernames always contain a letter', () => {
    expect(STAFF_USERNAME_PATTERN.test('staff.02200')).toBe(true);
    expect(STAFF_USERNAME_PATTERN.test('0912000001')).toBe(false);
  });
});
