/** Input rules shared by the API's DTOs and the SPAs' forms. */

/** Vietnamese mobile numbers: 0 + 9 digits, mobile prefixes 3, 5, 7, 8, 9 (2018 numbering). */
export const VN_PHONE_PATTERN = /^0[35789]\d{8}$/;
/** 12-digit citizen ID (CCCD); its first three digits are a province code. */
export const CITIZEN_ID_PATTERN = /^0\d{11}$/;
/** Vietnamese passport: one letter and 7 digits; foreign passports: 6-9 letters or digits. */
export const PASSPORT_PATTERN = /^[A-Z][0-9]{7}$|^[A-Z0-9]{6,9}$/;
/** Staff usernames always contain a letter, so they never collide with a phone or ID number. */
export const STAFF_USERNAME_PATTERN = /^(?=.*[a-z])[a-z0-9._-]{3,64}$/;

export function isValidPhone(value: string): boolean {
  return VN_PHONE_PATTERN.test(value);
}

export function isValidIdNumber(value: string): boolean {
  return CITIZEN_ID_PATTERN.test(value) || PASSPORT_PATTERN.test(value);
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Password policy: 8-128 characters with a letter, a digit and one more class (upper case or symbol). */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('TOO_LONG');
  if (!/[a-zA-Z]/.test(password)) problems.push('NO_LETTER');
  if (!/\d/.test(password)) problems.push('NO_DIGIT');
  if (!/[A-Z]/.test(password) && !/[^a-zA-Z0-9]/.test(password)) problems.push('NO_UPPER_OR_SYMBOL');
  return problems;
}

/** Strips Vietnamese diacritics and lower-cases, for search: "Yên Sơn" -> "yen son". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
