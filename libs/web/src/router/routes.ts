import type { RouteComponent, RouteRecordRaw } from 'vue-router';

type Lazy = RouteComponent | (() => Promise<RouteComponent | { default: RouteComponent }>);

export interface SharedRouteOptions {
  /**
   * The sign-in view: the imported `@cordon/web/views/SignInView.vue` to load it with the entry chunk,
   * or `() => import('@cordon/web/views/SignInView.vue')` to load it on demand.
   */
  signIn: Lazy;
  /** /activate: staff first sign-in, and citizens with a code given at the commune. */
  activate?: boolean;
  /** /change-password (signed-in users). */
  changePassword?: boolean;
}

/**
 * The routes every app has (sign-in, help, activation, change password, no access, not found)
 * around the app's own routes; the not-found catch-all comes last.
 */
export function withSharedRoutes(appRoutes: RouteRecordRaw[], options: SharedRouteOptions): RouteRecordRaw[] {
  const routes: RouteRecordRaw[] = [
    {
      path: '/login',
      name: 'login',
      component: options.signIn,
      meta: { public: true, guestOnly: true, titleKey: 'auth.signInTitle' },
    },
    {
      // The user guides (docs/guides), for everyone: signed out too, so people who cannot sign in can read them.
      path: '/help',
      name: 'help',
      component: () => import('../views/HelpView.vue'),
      meta: { public: true, titleKey: 'help.title' },
    },
    {
      path: '/no-access',
      name: 'no-access',
      component: () => import('../views/NoAccessPage.vue'),
      meta: { public: true, titleKey: 'pages.noAccessTitle' },
    },
  ];
  if (options.activate) {
    routes.push({
      path: '/activate',
      name: 'activate',
      component: () => import('../views/ActivateView.vue'),
      meta: { public: true, guestOnly: true, titleKey: 'auth.activateTitle' },
    });
  }
  if (options.changePassword !== false) {
    routes.push({
      path: '/change-password',
      name: 'change-password',
      component: () => import('../views/ChangePasswordView.vue'),
      meta: { titleKey: 'auth.changePasswordTitle' },
    });
  }
  routes.push(...appRoutes, {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../views/NotFoundPage.vue'),
    meta: { public: true, titleKey: 'pages.notFoundTitle' },
  });
  return routes;
}
