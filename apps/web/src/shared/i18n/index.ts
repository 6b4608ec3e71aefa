import { createI18n } from 'vue-i18n';
// Compiled at build time (@intlify/unplugin-vue-i18n): the app carries vue-i18n's runtime only.
import zhCN from './locales/zh-CN.json';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageSchema = typeof zhCN;

const STORAGE_KEY = 'gg.locale';

function savedLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN';
}

/**
 * Every string a user reads: Chinese first, English as a switch. Chinese comes with the app; English
 * is a file of its own, fetched the first time someone switches to it (the service worker keeps it
 * for offline use), so a phone on a slow network does not download a language it does not show.
 */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN } as Record<Locale, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
});

const loaders: Record<Exclude<Locale, 'zh-CN'>, () => Promise<{ default: MessageSchema }>> = {
  'en-US': () => import('./locales/en-US.json'),
};
/** The locales whose shared messages are here (a room's own may be merged in before them). */
const loaded = new Set<Locale>(['zh-CN']);

/**
 * A room's own messages (the desk's), merged in when its code loads: a phone opening the field app
 * never downloads them.
 */
export function addRoomMessages(messages: Partial<Record<Locale, Record<string, unknown>>>): void {
  for (const [locale, room] of Object.entries(messages)) i18n.global.mergeLocaleMessage(locale, room as MessageSchema);
}

function apply(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  localStorage.setItem(STORAGE_KEY, locale);
}

/**
 * Switches the language, remembers it on this device, and tells assistive technology (<html lang>):
 * at once when its messages are here, else once they are fetched (the first switch to English).
 */
export function setLocale(locale: Locale): Promise<void> {
  if (locale === 'zh-CN' || loaded.has(locale)) {
    apply(locale);
    return Promise.resolve();
  }
  return loaders[locale]().then((messages) => {
    // Merged, not set: a room's messages of this locale may be here already.
    i18n.global.mergeLocaleMessage(locale, messages.default);
    loaded.add(locale);
    apply(locale);
  });
}

/** The language this device chose before, with its messages: main.ts waits for it before showing the app. */
export function restoreLocale(): Promise<void> {
  const locale = savedLocale();
  return locale === 'zh-CN' ? Promise.resolve() : setLocale(locale).catch(() => undefined);
}

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

/** A translated text for code-based keys (statuses, rules, event types, error codes); null when none exists. */
export function translateOrNull(key: string, values: Record<string, unknown> = {}): string | null {
  return i18n.global.te(key) || i18n.global.te(key, 'zh-CN') ? i18n.global.t(key, values) : null;
}

document.documentElement.lang = 'zh-CN';
