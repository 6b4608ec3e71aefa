import { createI18n } from 'vue-i18n';
import enUS from './locales/en-US.json';
import zhCN from './locales/zh-CN.json';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageSchema = typeof zhCN;

const STORAGE_KEY = 'gg.locale';

function savedLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN';
}

/** Every string a user reads: Chinese first, English as a switch. */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
  missingWarn: false,
  fallbackWarn: false,
});

/** Switches the language, remembers it on this device, and tells assistive technology (<html lang>). */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  localStorage.setItem(STORAGE_KEY, locale);
}

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

/** A translated text for code-based keys (statuses, rules, event types, error codes); null when none exists. */
export function translateOrNull(key: string, values: Record<string, unknown> = {}): string | null {
  return i18n.global.te(key) || i18n.global.te(key, 'zh-CN') ? i18n.global.t(key, values) : null;
}

document.documentElement.lang = savedLocale();
