import { formatDate, formatDateTime, formatMoney, formatNumber } from '@sales/core';
import type { Locale } from './locale.ts';
import { enUS } from './messages.en-US.ts';
import { zhCN } from './messages.zh-CN.ts';
import { zhTW } from './messages.zh-TW.ts';

type Catalog = Record<string, string>;

const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, 'zh-TW': zhTW, 'en-US': enUS };

/**
 * How a placeholder shows its value: `{amount:money}` with separators and 2 decimals,
 * `{qty:number}`, `{due:date}`, `{at:datetime}` (company time zone), and `{kind:some.prefix}` the
 * message `some.prefix.<value>` (an enum's label) — so a stored notification or summary holds
 * machine values and every reader sees them formatted in their own language (issue 11).
 */
function formatParam(locale: Locale, format: string | undefined, value: unknown): string {
  switch (format) {
    case undefined:
      return String(value);
    case 'money':
      return formatMoney(value as string, locale);
    case 'number':
      return formatNumber(value as string, locale);
    case 'date':
      return formatDate(value as string);
    case 'datetime':
      return formatDateTime(value as string);
    default:
      return translate(locale, `${format}.${String(value)}`);
  }
}

/** Translates a message key, filling {params}; an unknown key falls back to zh-CN, then the key. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[locale][key] ?? zhCN[key] ?? key;
  return template.replace(/\{(\w+)(?::([\w.]+))?\}/g, (_, name: string, format: string | undefined) =>
    params[name] === undefined ? `{${name}}` : formatParam(locale, format, params[name]),
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
