import { byUrl, json, loaded, mountApp, type AppSetup, type Role, type UrlHandler as Handler } from '@cordon/web/testing';
import type { SessionUser } from '@cordon/web';
import App from '../App.vue';
import { messages } from '../i18n/messages';
import { nav, routes, shared } from '../router';

export { json, type Handler, type Role };

/** The province app as main.ts wires it. */
export const provinceApp: AppSetup = {
  app: 'province',
  root: App,
  routes,
  shared,
  messages,
  nav,
  signIn: { usernameLabelKey: 'auth.username', activate: true },
};

/** A signed-in official of the province (Tuyên Quang, 08). */
export function official(role: Role, over: Partial<SessionUser> = {}): SessionUser {
  return { id: 'me', username: 'admin', fullName: 'Đỗ Minh Quân', role, jurisdiction: { unitCode: '08', level: 'PROVINCE' }, ...over };
}

/** Boots the province app on `path` as `user` against a fake API; waits for the page to load. */
export async function boot(user: SessionUser, path: string, handler: Handler) {
  const m = await mountApp(provinceApp, path, { user, accessToken: 'tok', handler: byUrl(handler) });
  await loaded(m.el);
  return m;
}
