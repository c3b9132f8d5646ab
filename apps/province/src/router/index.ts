import type { RouteRecordRaw } from 'vue-router';
import type { NavItem, SharedRouteOptions } from '@cordon/web';
import HomeView from '../views/HomeView.vue';

/**
 * Roles of this app: CHECKPOINT_OFFICER, POLICE_ADMIN, TRANSPORT_OFFICER, HEALTH_OFFICER,
 * ACCOUNT_ADMIN (the guard checks APP_OF_ROLE); account management only for ACCOUNT_ADMIN;
 * the case line list and the statistics for HEALTH_OFFICER (read-only on cases).
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'nav.home' } },
  {
    path: '/accounts',
    name: 'accounts',
    component: () => import('../views/AccountsView.vue'),
    meta: { roles: ['ACCOUNT_ADMIN'], titleKey: 'accounts.title' },
  },
  {
    path: '/accounts/new',
    name: 'account-create',
    component: () => import('../views/AccountCreateView.vue'),
    meta: { roles: ['ACCOUNT_ADMIN'], titleKey: 'accounts.createTitle' },
  },
  {
    path: '/cases',
    name: 'cases',
    component: () => import('../views/CasesView.vue'),
    meta: { roles: ['HEALTH_OFFICER'], titleKey: 'pv.casesTitle' },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('../views/DashboardView.vue'),
    meta: { roles: ['HEALTH_OFFICER'], titleKey: 'pv.dashboardTitle' },
  },
];

export const shared: SharedRouteOptions = {
  signIn: () => import('@cordon/web/views/SignInView.vue'),
  activate: true,
  changePassword: true,
};

export const nav: NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/accounts', labelKey: 'nav.accounts', roles: ['ACCOUNT_ADMIN'] },
  { to: '/cases', labelKey: 'nav.cases', roles: ['HEALTH_OFFICER'] },
  { to: '/dashboard', labelKey: 'nav.dashboard', roles: ['HEALTH_OFFICER'] },
  { to: '/change-password', labelKey: 'nav.changePassword' },
];
