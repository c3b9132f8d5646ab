import '@cordon/web/styles.css';
import './citizen.css';
import { createCordonApp } from '@cordon/web';
import App from './App.vue';
import { messages } from './i18n/messages';
import { nav, routes, shared, signIn } from './router';

const { vueApp } = createCordonApp({
  app: 'citizen',
  root: App,
  routes,
  shared,
  messages,
  nav,
  base: import.meta.env.BASE_URL,
  signIn,
});
vueApp.mount('#app');
