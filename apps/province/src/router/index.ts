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
    path: '/accounts/import',
    name: 'account-import',
    component: () => import('../views/AccountImportView.vue'),
    meta: { roles: ['ACCOUNT_ADMIN', 'POLICE_ADMIN'], titleKey: 'imp.title' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('../views/AuditView.vue'),
    meta: { roles: ['ACCOUNT_ADMIN', 'HEALTH_OFFICER'], titleKey: 'au.title' },
  },
  {
    path: '/deployment',
    name: 'deployment',
    component: () => import('../views/DeploymentView.vue'),
    meta: { roles: ['ACCOUNT_ADMIN'], titleKey: 'dep.title' },
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
  // Checkpoints (CHECKPOINT_OFFICER: scan, paper declarations, shift; POLICE_ADMIN: checkpoints and officers)
  {
    path: '/scan',
    name: 'scan',
    component: () => import('../views/ScanView.vue'),
    meta: { roles: ['CHECKPOINT_OFFICER'], titleKey: 'cp.scanTitle' },
  },
  {
    path: '/paper',
    name: 'paper',
    component: () => import('../views/PaperDeclarationView.vue'),
    meta: { roles: ['CHECKPOINT_OFFICER'], titleKey: 'cp.paperTitle' },
  },
  {
    path: '/shift',
    name: 'shift',
    component: () => import('../views/ShiftView.vue'),
    meta: { roles: ['CHECKPOINT_OFFICER'], titleKey: 'cp.shiftTitle' },
  },
  {
    path: '/checkpoints',
    name: 'checkpoints',
    component: () => import('../views/CheckpointsView.vue'),
    meta: { roles: ['POLICE_ADMIN'], titleKey: 'cp.checkpointsTitle' },
  },
  // Epidemic zones, arrivals, the daily report (HEALTH_OFFICER); the green lane (TRANSPORT_OFFICER)
  {
    path: '/zones',
    name: 'zones',
    component: () => import('../views/ZonesView.vue'),
    meta: { roles: ['HEALTH_OFFICER'], titleKey: 'mv.zonesTitle' },
  },
  {
    path: '/arrivals',
    name: 'arrivals',
    component: () => import('../views/ArrivalsView.vue'),
    meta: { roles: ['HEALTH_OFFICER'], titleKey: 'mv.arrivalsTitle' },
  },
  {
    path: '/daily-report',
    name: 'daily-report',
    component: () => import('../views/DailyReportView.vue'),
    meta: { roles: ['HEALTH_OFFICER'], titleKey: 'mv.dailyTitle' },
  },
  {
    path: '/green-lane',
    name: 'green-lane',
    component: () => import('../views/GreenLaneReviewView.vue'),
    meta: { roles: ['TRANSPORT_OFFICER'], titleKey: 'mv.greenLaneTitle' },
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
  { to: '/deployment', labelKey: 'nav.deployment', roles: ['ACCOUNT_ADMIN'] },
  { to: '/cases', labelKey: 'nav.cases', roles: ['HEALTH_OFFICER'] },
  { to: '/dashboard', labelKey: 'nav.dashboard', roles: ['HEALTH_OFFICER'] },
  { to: '/scan', labelKey: 'nav.scan', roles: ['CHECKPOINT_OFFICER'] },
  { to: '/paper', labelKey: 'nav.paper', roles: ['CHECKPOINT_OFFICER'] },
  { to: '/shift', labelKey: 'nav.shift', roles: ['CHECKPOINT_OFFICER'] },
  { to: '/checkpoints', labelKey: 'nav.checkpoints', roles: ['POLICE_ADMIN'] },
  { to: '/accounts/import', labelKey: 'nav.accountImport', roles: ['POLICE_ADMIN'] },
  { to: '/zones', labelKey: 'nav.zones', roles: ['HEALTH_OFFICER'] },
  { to: '/arrivals', labelKey: 'nav.arrivals', roles: ['HEALTH_OFFICER'] },
  { to: '/daily-report', labelKey: 'nav.dailyReport', roles: ['HEALTH_OFFICER'] },
  { to: '/green-lane', labelKey: 'nav.greenLane', roles: ['TRANSPORT_OFFICER'] },
  { to: '/audit', labelKey: 'nav.audit', roles: ['ACCOUNT_ADMIN', 'HEALTH_OFFICER'] },
  { to: '/change-password', labelKey: 'nav.changePassword' },
];
