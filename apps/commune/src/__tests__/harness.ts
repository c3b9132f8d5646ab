import { byUrl, json, loaded, mountApp, type AppSetup, type Role, type UrlHandler as Handler } from '@cordon/web/testing';
import type { SessionUser } from '@cordon/web';
import App from '../App.vue';
import { messages } from '../i18n/messages';
import { nav, routes, shared } from '../router';

export { json, type Handler, type Role };

/** The commune app as main.ts wires it. */
export const communeApp: AppSetup = {
  app: 'commune',
  root: App,
  routes,
  shared,
  messages,
  nav,
  signIn: { usernameLabelKey: 'auth.username', activate: true },
};

/** A signed-in official of Xã Trung Môn (a district officer: of Huyện Yên Sơn). */
export function official(role: Role): SessionUser {
  const district = role === 'DISTRICT_OFFICER';
  return {
    id: 'u',
    username: 'x',
    fullName: 'Hoàng Văn Nam',
    role,
    jurisdiction: { unitCode: district ? '073' : '02221', level: district ? 'DISTRICT' : 'COMMUNE', unitName: 'Xã Trung Môn' },
  };
}

/** Boots the commune app on `path`, signed in as `role`, against a fake API; waits for the page to load. */
export async function boot(role: Role, path = '/', handler: Handler = () => undefined) {
  const m = await mountApp(communeApp, path, { user: official(role), accessToken: 'tok', handler: byUrl(handler) });
  await loaded(m.el);
  return m;
}
