import type { RouteRecordRaw } from 'vue-router';
import type { NavItem, SharedRouteOptions } from '@cordon/web';
import SignInView from '@cordon/web/views/SignInView.vue';
import HomeView from '../views/HomeView.vue';

/** Home and sign-in load with the entry chunk; the rest on demand. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'nav.home' } },
  {
    path: '/register',
    name: 'register',
    component: () => import('../views/RegisterView.vue'),
    meta: { public: true, guestOnly: true, titleKey: 'citizen.registerTitle' },
  },
  { path: '/profile', name: 'profile', component: () => import('../views/ProfileView.vue'), meta: { titleKey: 'citizen.profileTitle' } },
];

export const shared: SharedRouteOptions = { signIn: SignInView, activate: false, changePassword: true };

export const nav: NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/profile', labelKey: 'nav.profile' },
];
