import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import { defineComponent, h } from 'vue';
import { ApiClient, type FetchLike } from '../api/client';
import { memoryStorage } from '../testing/harness';
import { createAuthStore } from '../auth/store';
import { createCordon, type CordonContext } from '../context';
import { createCordonI18n } from '../i18n';
import { installAuthGuard } from '../router/guard';

export { memoryStorage, json as jsonResponse } from '../testing/harness';

const Blank = defineComponent({ name: 'Blank', render: () => h('div', { 'data-testid': 'home-title' }, 'home') });

/** Everything a shared view needs: pinia, i18n (vi), router with a guard, the cordon context. */
export function makeHarness(fetchFn: FetchLike, extraRoutes: RouteRecordRaw[] = [], overrides: Partial<CordonContext> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const api = new ApiClient({ app: 'commune', fetch: fetchFn, storage: memoryStorage() });
  const useAuth = createAuthStore(api);
  const i18n = createCordonI18n({ vi: {}, en: {} }, 'vi');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Blank },
      { path: '/activate', name: 'activate', component: Blank, meta: { public: true } },
      { path: '/no-access', name: 'no-access', component: Blank, meta: { public: true } },
      ...extraRoutes,
    ],
  });
  installAuthGuard(router, { app: 'commune', useAuth, api });
  const cordon = createCordon({
    app: 'commune',
    api,
    useAuth,
    appNameKey: 'apps.commune',
    nav: [],
    signIn: { usernameLabelKey: 'auth.username', activate: true },
    ...overrides,
  });
  return { pinia, api, useAuth, i18n, router, plugins: [pinia, i18n, router, cordon] };
}
