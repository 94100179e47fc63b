import type { Locale } from './locale.ts';
import { enUS } from './messages.en-US.ts';
import { zhCN } from './messages.zh-CN.ts';
import { zhTW } from './messages.zh-TW.ts';

type Catalog = Record<string, string>;

const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, 'zh-TW': zhTW, 'en-US': enUS };

/** Translates a message key, filling {params}; an unknown key falls back to zh-CN, then the key. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[locale][key] ?? zhCN[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return key in zhCN;
}

/**
 * Adds a module's messages (modules keep their error and notification texts beside their code,
 * e.g. modules/orders/orders.messages.ts). All three locales must carry the same keys.
 */
export function registerMessages(m: Record<Locale, Catalog>) {
  for (const locale of Object.keys(catalogs) as Locale[]) Object.assign(catalogs[locale], m[locale]);
}

/** Keys per locale (read at call time, so registered module messages are included). */
export const catalogKeys = {
  get zhCN() {
    return Object.keys(zhCN);
  },
  get zhTW() {
    return Object.keys(zhTW);
  },
  get enUS() {
    return Object.keys(enUS);
  },
};
