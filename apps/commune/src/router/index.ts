import type { RouteRecordRaw } from 'vue-router';
import type { NavItem, SharedRouteOptions } from '@cordon/web';
import HomeView from '../views/HomeView.vue';

/** Roles of this app: COMMUNE_STAFF, COMMUNE_LEADER, DISTRICT_OFFICER (the guard checks APP_OF_ROLE). */
export const routes: RouteRecordRaw[] = [{ path: '/', name: 'home', component: HomeView, meta: { titleKey: 'nav.home' } }];

export const shared: SharedRouteOptions = {
  signIn: () => import('@cordon/web/views/SignInView.vue'),
  activate: true,
  changePassword: true,
};

export const nav: NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/change-password', labelKey: 'nav.changePassword' },
];
