import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * UI strings with react-i18next: English is the source, Simplified Chinese a full translation.
 * Keys are flat (`nav.home`), so `.` is not a key separator. Every visible string of the app
 * comes from these catalogs; `i18n.test.ts` keeps the two in step.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

/** Picks the UI language from a BCP 47 tag (Teams `app.locale`, `navigator.language`): `zh-*` → zh-CN, else en. */
export function pickLanguage(tag: string | null | undefined): Language {
  return tag?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * A fresh i18next instance (one per app, one per test) bound to react-i18next. Initialisation is
 * synchronous because the catalogs are bundled. The document language follows the UI language.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const syncDocument = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncDocument(language);
  instance.on('languageChanged', syncDocument);
  return instance;
}
