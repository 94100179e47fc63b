/**
 * Display formatting shared by the server (notification titles, approval summaries rendered in the
 * reader's language) and the web, so an amount or a date reads the same everywhere (issue 11:
 * "no raw values" — money with separators, localised dates).
 *
 * Numbers go through Intl (the runtime's ICU), amounts as exact decimal strings: Intl formats a
 * numeric string without converting it to a float, so numeric(18,2) amounts keep every digit.
 */
import { toMoneyString } from './money.ts';

export type DisplayLocale = 'zh-CN' | 'zh-TW' | 'en-US';

/** The company's time zone (SPEC: calendar dates and times are Beijing time). */
export const COMPANY_TIME_ZONE = 'Asia/Shanghai';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: DisplayLocale, currency: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      ...(currency ? { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' } : {}),
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** True for a plain decimal amount ('1234.5', '-3', 12). */
export function isAmount(value: unknown): value is string | number {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim());
}

/**
 * An amount with thousands separators and 2 decimals (rounded by THE money rule, ROUND_HALF_UP):
 * '191196' → '191,196.00'; with `symbol` → '¥191,196.00'. A value that is not an amount is
 * returned as given (never throws while rendering).
 */
export function formatMoney(
  value: string | number | null | undefined,
  locale: DisplayLocale = 'zh-CN',
  opts: { symbol?: boolean } = {},
): string {
  if (value === null || value === undefined || value === '') return '';
  if (!isAmount(value)) return String(value);
  // Intl.NumberFormat.format accepts a decimal string and formats it exactly (ECMA-402 v3).
  return numberFormat(locale, opts.symbol ?? false).format(toMoneyString(value) as unknown as number);
}

/** A quantity or count with separators, up to 4 decimals, trailing zeros dropped: '12000.5000' → '12,000.5'. */
export function formatNumber(value: string | number | null | undefined, locale: DisplayLocale = 'zh-CN'): string {
  if (value === null || value === undefined || value === '') return '';
  if (!isAmount(value)) return String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(String(value) as unknown as number);
}

function parts(at: Date, timeZone: string, withTime: boolean): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  });
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** A date-only value ('2025-03-01') or an instant, as the calendar date YYYY-MM-DD in the company's zone. */
export function formatDate(value: string | Date | null | undefined, timeZone = COMPANY_TIME_ZONE): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  const p = parts(at, timeZone, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as 'YYYY-MM-DD HH:mm' in the company's zone (the convention of the whole UI). */
export function formatDateTime(value: string | Date | null | undefined, timeZone = COMPANY_TIME_ZONE): string {
  if (value === null || value === undefined || value === '') return '';
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  const p = parts(at, timeZone, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** True for an ISO-8601 instant or date as the API sends them ('2025-03-01T08:00:00.000Z', '2025-03-01'). */
export function isIsoDateTime(value: unknown): value is string {
  return (
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
  );
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/**
 * How long ago (or ahead) an instant is, in the reader's language: '3 分钟前', '3 分鐘前',
 * '3 minutes ago', '昨天', 'in 2 days'. Under a minute reads as "now".
 */
export function formatRelativeTime(value: string | Date, now: Date, locale: DisplayLocale = 'zh-CN'): string {
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let amount = (at.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 60) return rtf.format(0, 'second');
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return rtf.format(Math.trunc(amount), unit);
    amount /= size;
  }
  return rtf.format(Math.trunc(amount), 'year');
}
