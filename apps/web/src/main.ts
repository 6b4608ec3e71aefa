import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router';
import { i18n, restoreLocale } from './shared/i18n';
import './shared/layout/base.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
// A device set to English fetches its messages before the first page shows.
// (restoreLocale never fails: without the messages the app shows in Chinese.)
void restoreLocale().then(() => app.mount('#app'));

// The service worker keeps the app shell and the field app for opening without network. It is
// registered once the page has loaded, so its precaching does not compete with the first page's
// code and api calls on a slow network.
// Its registration code is fetched then too, not with the entry.
const registerServiceWorker = (): void => {
  import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true })).catch(() => undefined);
};
if ('serviceWorker' in navigator) {
  if (document.readyState === 'complete') registerServiceWorker();
  else window.addEventListener('load', registerServiceWorker, { once: true });
}
