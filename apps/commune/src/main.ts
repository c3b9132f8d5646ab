import '@cordon/web/styles.css';
import '@cordon/web/staff.css';
import { createCordonApp } from '@cordon/web';
import App from './App.vue';
import { messages } from './i18n/messages';
import { nav, routes, shared } from './router';

const { vueApp } = createCordonApp({
  app: 'commune',
  root: App,
  routes,
  shared,
  messages,
  nav,
  base: import.meta.env.BASE_URL,
  signIn: { usernameLabelKey: 'auth.username', usernamePlaceholderKey: 'auth.usernamePlaceholder', activate: true },
});
vueApp.mount('#app');
