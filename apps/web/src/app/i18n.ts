import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from '../locales/en-US.json';
import zhCN from '../locales/zh-CN.json';
import zhTW from '../locales/zh-TW.json';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'sales.locale';

const DAYJS_LOCALES: Record<Language, string> = {
  'zh-CN': 'zh-cn',
  'zh-TW': 'zh-tw',
  'en-US': 'en',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function getStoredLanguage(): Language | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

function storeLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage unavailable (private mode) — ignore
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

function applySideEffects(lang: Language): void {
  dayjs.locale(DAYJS_LOCALES[lang]);
  document.documentElement.lang = lang;
  document.title = i18n.t('app.name');
}

/** Change UI language; `persist` stores the explicit choice in localStorage. */
export async function changeLanguage(lang: Language, persist = true): Promise<void> {
  if (persist) storeLanguage(lang);
  await i18n.changeLanguage(lang);
}

type Messages = { [key: string]: string | Messages };

function isMessages(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `source` into `target` key by key (nested objects merge, strings from `source` win). */
function deepMerge(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = isMessages(value) && isMessages(existing) ? deepMerge({ ...existing }, value) : value;
  }
  return target;
}

// Feature modules keep their strings next to their code: modules/<name>/locales/<lang>.json.
const moduleLocales = import.meta.glob<Messages>('../modules/*/locales/*.json', { eager: true, import: 'default' });

function buildMessages(lang: Language, base: Messages): Messages {
  const merged = deepMerge({}, base);
  for (const [path, messages] of Object.entries(moduleLocales)) {
    if (path.endsWith(`/locales/${lang}.json`)) deepMerge(merged, messages);
  }
  return merged;
}

const initial = getStoredLanguage() ?? DEFAULT_LANGUAGE;

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: buildMessages('zh-CN', zhCN) },
    'zh-TW': { translation: buildMessages('zh-TW', zhTW) },
    'en-US': { translation: buildMessages('en-US', enUS) },
  },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  if (isLanguage(lng)) applySideEffects(lng);
});
applySideEffects(initial);

export { i18n };
