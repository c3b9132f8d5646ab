import type { RouteRecordRaw } from 'vue-router';
import type { NavItem, SharedRouteOptions } from '@cordon/web';
import SignInView from '@cordon/web/views/SignInView.vue';
import HomeView from '../views/HomeView.vue';

/** Home and sign-in load with the entry chunk; the rest on demand (first load <= 100 KB gzipped). */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'nav.home' } },
  {
    path: '/register',
    name: 'register',
    component: () => import('../views/RegisterView.vue'),
    meta: { public: true, guestOnly: true, titleKey: 'citizen.registerTitle' },
  },
  { path: '/profile', name: 'profile', component: () => import('../views/ProfileView.vue'), meta: { titleKey: 'citizen.profileTitle' } },
  // F0 reports, cases, documents, notifications
  {
    // also opened from a commune's poster QR: /reports/new?commune=<code>
    path: '/reports/new',
    name: 'report-new',
    component: () => import('../views/ReportNewView.vue'),
    meta: { titleKey: 'report.title' },
  },
  {
    path: '/reports/recovery',
    name: 'report-recovery',
    component: () => import('../views/RecoveryView.vue'),
    meta: { titleKey: 'cases.reportKinds.RECOVERY' },
  },
  { path: '/reports', name: 'reports', component: () => import('../views/ReportsView.vue'), meta: { titleKey: 'nav.myReports' } },
  {
    path: '/reports/:id',
    name: 'report',
    component: () => import('../views/ReportDetailView.vue'),
    meta: { titleKey: 'nav.myReports' },
  },
  {
    path: '/cases/:id/check-in',
    name: 'check-in',
    component: () => import('../views/CheckInView.vue'),
    meta: { titleKey: 'checkin.title' },
  },
  { path: '/documents', name: 'documents', component: () => import('../views/DocumentsView.vue'), meta: { titleKey: 'nav.myDocuments' } },
  {
    // public: opened from the QR code on a decision's or confirmation's PDF
    path: '/verify/:code',
    name: 'verify',
    component: () => import('../views/VerifyView.vue'),
    meta: { public: true, titleKey: 'verify.title' },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('../views/NotificationsView.vue'),
    meta: { titleKey: 'nav.notifications' },
  },
];

export const shared: SharedRouteOptions = { signIn: SignInView, activate: false, changePassword: true };

export const nav: NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/reports', labelKey: 'nav.myReports' },
  { to: '/documents', labelKey: 'nav.myDocuments' },
  { to: '/notifications', labelKey: 'nav.notifications' },
  { to: '/profile', labelKey: 'nav.profile' },
];
