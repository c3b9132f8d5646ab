import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@cordon/contracts';
import { createCordonI18n } from '../i18n';
import { en } from '../i18n/messages/en';
import { vi as viMessages } from '../i18n/messages/vi';
import { formatDate, formatDateTime, parseDmy } from '../format/date';

describe('messages', () => {
  it('translate every API error code and NETWORK_ERROR in both languages', () => {
    for (const code of [...Object.values(ErrorCode), 'NETWORK_ERROR']) {
      expect(viMessages.errors, code).toHaveProperty(code);
      expect(en.errors, code).toHaveProperty(code);
    }
  });

  it('compile placeholders and plurals without the vue-i18n compiler', () => {
    const i18n = createCordonI18n({ vi: { x: { hi: 'Chào {name}, email a@b.vn' } }, en: { x: { hi: 'Hi {name}' } } }, 'vi');
    const t = i18n.global.t;
    expect(t('x.hi', { name: 'An' })).toBe('Chào An, email a@b.vn');
    expect(t('roles.COMMUNE_LEADER')).toBe('Lãnh đạo UBND xã');
    i18n.global.locale.value = 'en';
    expect(t('x.hi', { name: 'An' })).toBe('Hi An');
    expect(t('common.resultsCount', { n: 1 }, 1)).toBe('1 result');
    expect(t('common.resultsCount', { n: 3 }, 3)).toBe('3 results');
  });
});

describe('dates', () => {
  it('formats in Asia/Ho_Chi_Minh as dd/MM/yyyy HH:mm', () => {
    expect(formatDate('1980-09-05')).toBe('05/09/1980');
    expect(formatDateTime('2022-03-11T17:30:00Z')).toBe('12/03/2022 00:30');
    expect(formatDate('2022-03-11T17:30:00Z')).toBe('12/03/2022');
    expect(formatDateTime(null)).toBe('');
  });

  it('parses dd/mm/yyyy strictly', () => {
    expect(parseDmy('05/09/1980')).toBe('1980-09-05');
    expect(parseDmy('5/9/1980')).toBe('1980-09-05');
    expect(parseDmy('31/02/2000')).toBeNull();
    expect(parseDmy('1980-09-05')).toBeNull();
  });
});
