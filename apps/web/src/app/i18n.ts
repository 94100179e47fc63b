import type { Locale as AntdLocale } from 'antd/es/locale';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'sales.locale';

// Only the chosen language is downloaded (SPEC: first load): its messages, antd's and dayjs's.
const DAYJS_LOCALES: Record<Language, { name: string; load: () => Promise<unknown> }> = {
  'zh-CN': { name: 'zh-cn', load: () => import('dayjs/locale/zh-cn') },
  'zh-TW': { name: 'zh-tw', load: () => import('dayjs/locale/zh-tw') },
  'en-US': { name: 'en', load: async () => undefined },
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
  dayjs.locale(DAYJS_LOCALES[lang].name);
  document.documentElement.lang = lang;
  document.title = i18n.t('app.name');
}

/** Change UI language; `persist` stores the explicit choice in localStorage. */
export async function changeLanguage(lang: Language, persist = true): Promise<void> {
  if (persist) storeLanguage(lang);
  // Pages already showing need their modules' messages in the new language too.
  const signedIn = tierLoads.has(`${currentLanguage()}:modules`);
  await Promise.all([loadLanguage(lang), signedIn ? loadModuleMessages(lang) : undefined]);
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
// Lazy globs: each language's files end up in one chunk per language (vite.config.ts).
const localeFiles = import.meta.glob<Messages>(['../locales/*.json', '../modules/*/locales/*.json'], {
  import: 'default',
});

/**
 * The shell's messages — app-wide strings (with every menu label), notifications and the approval
 * badge — are all the login page and the signed-in frame need; they come first. Every module's
 * messages follow in one download beside the first page (issue 11: first load). Must match the
 * chunk groups in vite.config.ts.
 */
function isShellFile(path: string): boolean {
  return /^\.\.\/(locales|modules\/(notifications|approvals)\/locales)\//.test(path);
}

type Tier = 'shell' | 'modules';
const tierLoads = new Map<string, Promise<void>>();

async function fetchTier(lang: Language, tier: Tier): Promise<void> {
  const paths = Object.keys(localeFiles)
    .filter((path) => path.endsWith(`/locales/${lang}.json`) && isShellFile(path) === (tier === 'shell'))
    // The shared file first, module files merge over it.
    .sort((a, b) => Number(b.startsWith('../locales/')) - Number(a.startsWith('../locales/')));
  const [messages] = await Promise.all([
    Promise.all(paths.map((path) => localeFiles[path]())),
    tier === 'shell' ? DAYJS_LOCALES[lang].load() : undefined,
    tier === 'shell' ? loadAntdLocale(lang) : undefined,
  ]);
  const merged = messages.reduce<Messages>((acc, m) => deepMerge(acc, m), {});
  i18n.addResourceBundle(lang, 'translation', merged, true, true);
}

/** One download per language and tier; the same promise for every caller (React's `use`). */
function loadTier(lang: Language, tier: Tier): Promise<void> {
  const key = `${lang}:${tier}`;
  let p = tierLoads.get(key);
  if (!p) {
    p = fetchTier(lang, tier);
    tierLoads.set(key, p);
  }
  return p;
}

/** Downloads a language's shell messages and antd/dayjs locale data, once. */
export function loadLanguage(lang: Language): Promise<void> {
  return loadTier(lang, 'shell');
}

/** Starts downloading a language's module messages before i18n is ready (used at a cold start). */
export function prefetchModuleMessages(lang: Language = getStoredLanguage() ?? DEFAULT_LANGUAGE): void {
  for (const [path, load] of Object.entries(localeFiles)) {
    if (path.endsWith(`/locales/${lang}.json`) && !isShellFile(path)) void load();
  }
}

/** Every module's messages of a language (page content waits for these), once. */
export function loadModuleMessages(lang: Language = currentLanguage()): Promise<void> {
  const p = loadTier(lang, 'modules');
  void p.then(() => modulesReady.add(lang));
  return p;
}

const modulesReady = new Set<Language>();

/** Whether a language's module messages have arrived (no need to suspend for them). */
export function moduleMessagesReady(lang: Language): boolean {
  return modulesReady.has(lang);
}

const ANTD_LOCALE_LOADERS: Record<Language, () => Promise<{ default: AntdLocale }>> = {
  'zh-CN': () => import('antd/locale/zh_CN'),
  'zh-TW': () => import('antd/locale/zh_TW'),
  'en-US': () => import('antd/locale/en_US'),
};
const antdLocales: Partial<Record<Language, AntdLocale>> = {};

async function loadAntdLocale(lang: Language): Promise<void> {
  antdLocales[lang] = (await ANTD_LOCALE_LOADERS[lang]()).default;
}

/** antd's locale for a language already loaded by `loadLanguage`. */
export function antdLocale(lang: Language): AntdLocale | undefined {
  return antdLocales[lang];
}

const initial = getStoredLanguage() ?? DEFAULT_LANGUAGE;

/** Starts i18n with the stored (or default) language; the app renders after this resolves. */
export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    partialBundledLanguages: true,
  });
  await loadLanguage(initial);
  // Messages arrived after init: make sure every consumer re-reads them.
  await i18n.changeLanguage(initial);
  applySideEffects(initial);
}

i18n.on('languageChanged', (lng) => {
  if (isLanguage(lng)) applySideEffects(lng);
});

export { i18n };
