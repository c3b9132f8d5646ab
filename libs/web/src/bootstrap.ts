import { createApp, type Component } from 'vue';
import { createPinia } from 'pinia';
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import type { App } from '@cordon/contracts';
import { ApiClient, type ApiClientOptions } from './api/client';
import { createAuthStore } from './auth/store';
import { createCordon, type CordonContext, type NavItem } from './context';
import { createCordonI18n, type AppMessages } from './i18n';
import { installAuthGuard } from './router/guard';
import { withSharedRoutes, type SharedRouteOptions } from './router/routes';

export interface CordonAppOptions {
  app: App;
  root: Component;
  /** The app's own routes (home must be named `home`). */
  routes: RouteRecordRaw[];
  shared: SharedRouteOptions;
  messages: AppMessages;
  nav: NavItem[];
  signIn: CordonContext['signIn'];
  /** The app's base path (import.meta.env.BASE_URL). */
  base: string;
  /** For tests: memory history, injected fetch / storage. */
  history?: RouterHistory;
  api?: Partial<ApiClientOptions>;
}

/** Wires one SPA: API client, Pinia + auth store, i18n, router with the access guard, the shared UI context. */
export function createCordonApp(options: CordonAppOptions) {
  const api = new ApiClient({ app: options.app, ...options.api });
  const useAuth = createAuthStore(api);
  const pinia = createPinia();
  const i18n = createCordonI18n(options.messages);
  const router = createRouter({
    history: options.history ?? createWebHistory(options.base),
    routes: withSharedRoutes(options.routes, options.shared),
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installAuthGuard(router, { app: options.app, useAuth, api });

  const vueApp = createApp(options.root);
  vueApp.use(pinia);
  vueApp.use(i18n);
  vueApp.use(router);
  vueApp.use(
    createCordon({
      app: options.app,
      api,
      useAuth,
      appNameKey: `apps.${options.app}`,
      nav: options.nav,
      signIn: options.signIn,
    }),
  );
  return { vueApp, router, api, useAuth, i18n, pinia };
}
