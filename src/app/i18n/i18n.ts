import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/**
 * UI strings with react-i18next: English is the source, Simplified Chinese a full translation.
 * Keys are flat (`nav.home`), so `.` is not a key separator. Every visible string of the app
 * comes from these catalogs; `i18n.test.ts` keeps the two in step.
 *
 * English is bundled (it is also the fallback); the other catalogs are separate chunks that an
 * i18next backend fetches when a language is first asked for (`partialBundledLanguages`), so an
 * English user never downloads the Chinese strings.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalog = typeof en;

/** The catalogs fetched on demand: each `import()` becomes its own chunk in the build. */
const LAZY_CATALOGS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  'zh-CN': () => import('./zh-CN.json'),
};

/** Catalogs already fetched in this page, so a later `createI18n` in that language starts ready. */
const fetched = new Map<string, Catalog>();

const isLazy = (lng: string): lng is keyof typeof LAZY_CATALOGS => Object.prototype.hasOwnProperty.call(LAZY_CATALOGS, lng);

async function fetchCatalog(lng: keyof typeof LAZY_CATALOGS): Promise<Catalog> {
  const catalog = (await LAZY_CATALOGS[lng]()).default;
  fetched.set(lng, catalog);
  return catalog;
}

/**
 * The i18next backend (https://www.i18next.com/misc/creating-own-plugins#backend): `read` answers
 * at once with a catalog already fetched (so an instance created in that language is ready
 * synchronously), else once its chunk has arrived. A failed fetch is reported without data, so
 * i18next does not retry it and keeps showing English.
 */
const catalogBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(lng, _ns, callback) {
    const ready = fetched.get(lng);
    if (ready) return callback(null, ready);
    if (!isLazy(lng)) return callback(new Error(`No catalog for language ${lng}`), false);
    fetchCatalog(lng).then(
      (catalog) => callback(null, catalog),
      (error: unknown) => callback(error instanceof Error ? error : String(error), false),
    );
  },
};

/** Fetches a language's catalog ahead of `createI18n` (a no-op for English, which is bundled). */
export async function preloadLanguage(lng: Language): Promise<void> {
  if (isLazy(lng) && !fetched.has(lng)) await fetchCatalog(lng);
}

/** Picks the UI language from a BCP 47 tag (Teams `app.locale`, `navigator.language`): `zh-*` → zh-CN, else en. */
export function pickLanguage(tag: string | null | undefined): Language {
  return tag?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * A fresh i18next instance (one per app, one per test) bound to react-i18next, in `language`.
 * English, and any catalog already fetched in this page, are there at once; otherwise the
 * instance starts fetching the catalog, `t` falls back to English and react-i18next's
 * `useTranslation` suspends until it arrives: await `ensureLanguage` before rendering (Boot,
 * mountLegalPage). `changeLanguage` fetches the new language before switching, so the UI stays in
 * the old language meanwhile. The document language follows the UI language.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(catalogBackend)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
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

/** True when `instance` shows its language's own strings (the catalog has arrived). */
export function languageReady(instance: i18n): boolean {
  return instance.isInitialized === true && instance.hasResourceBundle(instance.language, 'translation');
}

/** Switches `instance` to `lng`, resolving once that language's catalog is loaded and shown. */
export async function ensureLanguage(instance: i18n, lng: Language): Promise<void> {
  await instance.changeLanguage(lng);
}
