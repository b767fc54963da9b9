import { LANGUAGES, preloadLanguage } from '../../src/app/i18n/i18n.js';

/**
 * Vitest setup file of the `src` and `webparts` projects (vitest.config.ts). Only English is
 * bundled; the other catalogs are chunks that i18next fetches on demand, and the app waits for
 * them before rendering (Boot, mountLegalPage). Tests render at once instead, so every catalog is
 * fetched here, through the same dynamic imports, before each test file: then `createI18n('zh-CN')`
 * (directly or through renderApp/renderUi) is ready synchronously, as it was when both were bundled.
 * `src/app/i18n/i18n.test.ts` checks the on-demand path itself on a fresh copy of the module.
 */
await Promise.all(LANGUAGES.map((lng) => preloadLanguage(lng)));
