import { formatMoney, formatNumber, REPORT_MONEY_MEASURES, type ReportMeasure } from '@sales/core';
import { currentLanguage } from '../../../app/i18n';

/** A report figure as shown: money with separators and ¥, counts with separators; zero as 0. */
export function figure(m: ReportMeasure, v: string | undefined): string {
  const value = v ?? '0';
  return REPORT_MONEY_MEASURES.includes(m)
    ? formatMoney(value, currentLanguage(), { symbol: true })
    : formatNumber(value, currentLanguage());
}

export const money = (v: string) => formatMoney(v, currentLanguage(), { symbol: true });
export const count = (v: string) => formatNumber(v, currentLanguage());
/** A conversion rate, or "—" when there was nothing to convert (no division by zero, SPEC 5.1). */
export const percent = (v: string | null) => (v === null ? '—' : `${v}%`);
