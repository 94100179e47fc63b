import type { Measure } from '@sales/core';
import { formatMoney, formatNumber } from '@sales/core';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../../app/i18n';

const MONEY = new Set<Measure>([
  'sales_amount',
  'sales_net_amount',
  'gross_margin',
  'invoiced_amount',
  'collections',
  'quote_amount',
]);

export const isMoneyMeasure = (m: Measure) => MONEY.has(m);

/** A figure as shown: money with separators and ¥, counts and quantities with separators. */
export function formatValue(m: Measure, v: string | number): string {
  return isMoneyMeasure(m) ? formatMoney(v, currentLanguage(), { symbol: true }) : formatNumber(v, currentLanguage());
}

/** A month key ('2026-03') as its short name in the UI language. */
export function monthLabel(t: TFunction, key: string): string {
  return dayjs(`${key}-01`).format(t('analytics.monthFormat'));
}

/** The label of a grouped key: names from the server, codes through the dictionaries, blanks named. */
export function keyLabel(
  t: TFunction,
  dim: 'rep' | 'department' | 'product' | 'category' | 'region' | 'channel',
  key: string | number | null,
  labels: Record<string, Record<string, string>>,
): string {
  if (key === null || key === '') return t(`analytics.blank.${dim}`);
  if (dim === 'region') return t(`dict.region.${key}`, { defaultValue: String(key) });
  if (dim === 'channel') return t(`dict.source.${key}`, { defaultValue: String(key) });
  return labels[dim]?.[String(key)] ?? t(`analytics.blank.${dim}`);
}

/** Growth against last year as a percentage string, or null when last year had nothing (no division by 0). */
export function growth(now: string, last: string): string | null {
  const a = Number(now);
  const b = Number(last);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return (((a - b) / Math.abs(b)) * 100).toFixed(1);
}
