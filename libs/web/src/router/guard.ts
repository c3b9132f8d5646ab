import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router';
import { APP_OF_ROLE, type App, type Role } from '@cordon/contracts';
import type { ApiClient } from '../api/client';
import type { AuthStoreDefinition } from '../auth/store';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Only for signed-out users (sign-in, activation, registration): a signed-in user goes home. */
    guestOnly?: boolean;
    /** Roles allowed (besides belonging to this app); all of the app's roles if absent. */
    roles?: Role[];
    /** i18n key of the page title (document.title). */
    titleKey?: string;
  }
}

/** A redirect target from the query, only if it is a path inside this app. */
export function safeRedirect(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return null;
  return v;
}

export interface GuardOptions {
  app: App;
  useAuth: AuthStoreDefinition;
  /** When given, an expired or externally ended session sends the user to sign-in. */
  api?: ApiClient;
}

/** The decision for one navigation (exported for tests). */
export function decide(
  to: Pick<RouteLocationNormalized, 'meta' | 'fullPath' | 'name' | 'query'>,
  state: { signedIn: boolean; role: Role | null },
  app: App,
): true | RouteLocationRaw {
  if (to.meta.public) {
    if (to.meta.guestOnly && state.signedIn && state.role && APP_OF_ROLE[state.role] === app) {
      return safeRedirect(to.query.redirect) ?? { name: 'home' };
    }
    return true;
  }
  if (!state.signedIn || !state.role) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } };
  }
  const roles = to.meta.roles;
  if (APP_OF_ROLE[state.role] !== app || (roles && !roles.includes(state.role))) {
    return { name: 'no-access', query: { from: to.fullPath } };
  }
  return true;
}

/**
 * Installs the access guard: not signed in -> /login?redirect=..., a role of another app
 * or not in meta.roles -> the no-access page. Waits once for the session restore.
 */
export function installAuthGuard(router: Router, options: GuardOptions): void {
  router.beforeEach(async (to) => {
    const auth = options.useAuth();
    if (!auth.ready) await auth.restore();
    return decide(to, { signedIn: auth.isSignedIn, role: auth.role }, options.app);
  });

  options.api?.onSessionChange((session, reason) => {
    if (session || (reason !== 'expired' && reason !== 'external')) return;
    const current = router.currentRoute.value;
    if (current.meta.public) return;
    void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  });
}
