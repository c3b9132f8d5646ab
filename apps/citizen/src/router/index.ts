import type { RouteRecordRaw } from 'vue-router';
import type { CordonContext, NavItem, SharedRouteOptions } from '@cordon/web';
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
  // movement declarations (tờ khai y tế) and the green lane
  {
    path: '/declarations/new',
    name: 'declaration-new',
    component: () => import('../views/DeclarationFormView.vue'),
    meta: { titleKey: 'declare.title' },
  },
  {
    // public: a person without an account declares (POST /movement-declarations/anonymous)
    path: '/declare',
    name: 'declare',
    component: () => import('../views/DeclarationFormView.vue'),
    props: { anonymous: true },
    meta: { public: true, titleKey: 'declare.title' },
  },
  {
    path: '/declarations',
    name: 'declarations',
    component: () => import('../views/DeclarationsView.vue'),
    meta: { titleKey: 'nav.myDeclarations' },
  },
  {
    // public: shown from the copy saved on the phone (also after an anonymous declaration, and offline)
    path: '/declarations/:id',
    name: 'declaration',
    component: () => import('../views/DeclarationView.vue'),
    meta: { public: true, titleKey: 'declaration.title' },
  },
  { path: '/green-lane', name: 'green-lane', component: () => import('../views/GreenLaneView.vue'), meta: { titleKey: 'greenLane.title' } },
  {
    path: '/green-lane/new',
    name: 'green-lane-new',
    component: () => import('../views/GreenLaneNewView.vue'),
    meta: { titleKey: 'greenLane.registerTitle' },
  },
  {
    path: '/green-lane/:id',
    name: 'green-lane-pass',
    component: () => import('../views/GreenLanePassView.vue'),
    meta: { titleKey: 'greenLane.passTitle' },
  },
  // passenger trips (bus and taxi operators)
  { path: '/trips', name: 'trips', component: () => import('../views/TripsView.vue'), meta: { titleKey: 'trip.listTitle' } },
  { path: '/trips/new', name: 'trip-new', component: () => import('../views/TripNewView.vue'), meta: { titleKey: 'trip.newTitle' } },
  { path: '/trips/:id', name: 'trip', component: () => import('../views/TripView.vue'), meta: { titleKey: 'trip.title' } },
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

export const shared: SharedRouteOptions = { signIn: SignInView, activate: true, changePassword: true };

/**
 * The sign-in page (phone or ID number) and the activation page: a citizen given a one-time code at the
 * commune (commune app, "Cấp lại mã kích hoạt") activates with the phone number they registered.
 */
export const signIn: CordonContext['signIn'] = {
  usernameLabelKey: 'citizen.usernameLabel',
  usernamePlaceholderKey: 'citizen.usernamePlaceholder',
  usernameInputmode: 'numeric',
  register: true,
  activate: shared.activate,
  activation: {
    usernameLabelKey: 'citizen.activateUsernameLabel',
    usernamePlaceholderKey: 'citizen.usernamePlaceholder',
    introKey: 'citizen.activateIntro',
    promptKey: 'citizen.activatePrompt',
    phone: true,
  },
};

export const nav: NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/declarations', labelKey: 'nav.myDeclarations' },
  { to: '/reports', labelKey: 'nav.myReports' },
  { to: '/documents', labelKey: 'nav.myDocuments' },
  { to: '/notifications', labelKey: 'nav.notifications' },
  { to: '/profile', labelKey: 'nav.profile' },
];
