import type { RouteRecordRaw } from 'vue-router';
import type { NavItem, SharedRouteOptions } from '@cordon/web';
import HomeView from '../views/HomeView.vue';

/**
 * Roles of this app: COMMUNE_STAFF, COMMUNE_LEADER, DISTRICT_OFFICER (the guard checks APP_OF_ROLE).
 * Every page but /citizen-reset is open to the three; the pages hide the write actions from DISTRICT_OFFICER and
 * signing / revoking from COMMUNE_STAFF (the API has the last word); giving a citizen a new activation
 * code is for COMMUNE_STAFF and COMMUNE_LEADER only.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'nav.home' } },
  { path: '/reports', name: 'reports', component: () => import('../views/ReportsView.vue'), meta: { titleKey: 'reports.title' } },
  { path: '/reports/:id', name: 'report', component: () => import('../views/ReportDetailView.vue'), meta: { titleKey: 'reports.detailTitle' } },
  { path: '/cases', name: 'cases', component: () => import('../views/CasesView.vue'), meta: { titleKey: 'cases.title' } },
  { path: '/cases/:id', name: 'case', component: () => import('../views/CaseDetailView.vue'), meta: { titleKey: 'cases.detailTitle' } },
  { path: '/decisions', name: 'decisions', component: () => import('../views/DecisionsView.vue'), meta: { titleKey: 'docs.title' } },
  { path: '/poster', name: 'poster', component: () => import('../views/PosterView.vue'), meta: { titleKey: 'poster.title' } },
  { path: '/arrivals', name: 'arrivals', component: () => import('../views/ArrivalsView.vue'), meta: { titleKey: 'arr.title' } },
  {
    path: '/citizen-reset',
    name: 'citizen-reset',
    component: () => import('../views/CitizenResetView.vue'),
    meta: { roles: ['COMMUNE_STAFF', 'COMMUNE_LEADER'], titleKey: 'cz.title' },
  },
];

export const shared: SharedRouteOptions = {
  signIn: () => import('@cordon/web/views/SignInView.vue'),
  activate: true,
  changePassword: true,
};

export const nav: NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/reports', labelKey: 'nav.reports' },
  { to: '/cases', labelKey: 'nav.cases' },
  { to: '/decisions', labelKey: 'nav.decisions' },
  { to: '/poster', labelKey: 'nav.poster' },
  { to: '/arrivals', labelKey: 'nav.arrivals' },
  { to: '/citizen-reset', labelKey: 'nav.citizenReset', roles: ['COMMUNE_STAFF', 'COMMUNE_LEADER'] },
  { to: '/change-password', labelKey: 'nav.changePassword' },
];
