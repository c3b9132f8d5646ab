import { describe, expect, it } from 'vitest';
import { decide, safeRedirect } from '../router/guard';

const route = (fullPath: string, meta: Record<string, unknown> = {}, query: Record<string, string> = {}) => ({
  fullPath,
  meta,
  name: undefined,
  query,
});

describe('decide (router guard)', () => {
  it('sends a signed-out user to /login with the redirect', () => {
    expect(decide(route('/accounts?q=a'), { signedIn: false, role: null }, 'province')).toEqual({
      name: 'login',
      query: { redirect: '/accounts?q=a' },
    });
  });

  it('lets public routes through', () => {
    expect(decide(route('/login', { public: true }), { signedIn: false, role: null }, 'province')).toBe(true);
  });

  it('sends a role of another app to no-access', () => {
    expect(decide(route('/'), { signedIn: true, role: 'CITIZEN' }, 'province')).toEqual({
      name: 'no-access',
      query: { from: '/' },
    });
  });

  it('checks meta.roles', () => {
    const accounts = route('/accounts', { roles: ['ACCOUNT_ADMIN'] });
    expect(decide(accounts, { signedIn: true, role: 'HEALTH_OFFICER' }, 'province')).toMatchObject({ name: 'no-access' });
    expect(decide(accounts, { signedIn: true, role: 'ACCOUNT_ADMIN' }, 'province')).toBe(true);
  });

  it('sends a signed-in user away from the sign-in page', () => {
    const login = route('/login', { public: true, guestOnly: true }, { redirect: '/accounts' });
    expect(decide(login, { signedIn: true, role: 'ACCOUNT_ADMIN' }, 'province')).toBe('/accounts');
    // but not a user of another app (they may want to switch accounts)
    expect(decide(login, { signedIn: true, role: 'CITIZEN' }, 'province')).toBe(true);
  });

  it('accepts only in-app redirect paths', () => {
    expect(safeRedirect('/x?y=1')).toBe('/x?y=1');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});
