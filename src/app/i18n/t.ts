import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * A deliberately tiny string lookup for the placeholder app: English is the source, zh-CN a
 * translation. The app shell replaces it with react-i18next; keys stay the same.
 */
export type MessageKey = keyof typeof en;
export type Language = 'en' | 'zh-CN';

const catalogs: Record<Language, Partial<Record<MessageKey, string>>> = { en, 'zh-CN': zhCN };

/** Picks the UI language from a BCP 47 tag such as `navigator.language` (`zh-*` → zh-CN, else en). */
export function pickLanguage(tag: string | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Language = pickLanguage(typeof navigator === 'undefined' ? undefined : navigator.language);

export function setLanguage(language: Language): void {
  current = language;
}

export function currentLanguage(): Language {
  return current;
}

/** Looks up a string in the current language (falling back to English) and fills `{name}` slots. */
export function t(key: MessageKey, vars: Record<string, string> = {}): string {
  const template = catalogs[current][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
