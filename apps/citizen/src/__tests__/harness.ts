import { mountApp, type AppSetup, type Handler } from '@cordon/web/testing';
import type { SessionUser } from '@cordon/web';
import App from '../App.vue';
import { messages } from '../i18n/messages';
import { nav, routes, shared, signIn } from '../router';

export { apiError, byTestId, choose, click, dmy, json, q, settle, type, type Call, type Handler } from '@cordon/web/testing';

export const citizenUser: SessionUser = {
  id: 'c1',
  username: '0912000001',
  fullName: 'Lê Thị Hoa',
  role: 'CITIZEN',
  jurisdiction: {},
  profile: {
    idNumber: '008190000001',
    dateOfBirth: '1980-09-05',
    gender: 'FEMALE',
    phone: '0912000001',
    address: 'Thôn 3',
    communeCode: '02221',
    communeName: 'Xã Trung Môn',
  },
};

/** The citizen app as main.ts wires it. */
export const citizenApp: AppSetup = {
  app: 'citizen',
  root: App,
  routes,
  shared,
  messages,
  nav,
  signIn,
};

/** Boots the citizen app on `path` (signed in unless told otherwise) against a fake API. */
export function mountAt(path: string, handler: Handler, options: { signedIn?: boolean; user?: SessionUser } = {}) {
  const user = options.signedIn === false ? null : (options.user ?? citizenUser);
  return mountApp(citizenApp, path, { user, handler });
}
