import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { registerSW } from 'virtual:pwa-register';
import App from './App.vue';
import { createAppRouter } from './router';
import { i18n, restoreLocale } from './shared/i18n';
import './shared/layout/base.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
// A device set to English fetches its messages before the first page shows.
restoreLocale().finally(() => app.mount('#app'));

// The service worker keeps the app shell and the field app for opening without network.
if ('serviceWorker' in navigator) registerSW({ immediate: true });
