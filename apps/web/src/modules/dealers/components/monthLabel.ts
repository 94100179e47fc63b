import type { TFunction } from 'i18next';

/** 'YYYY-MM' as the user reads it (2026年3月 / March 2026), never the raw code. */
export function monthLabel(t: TFunction, month: string): string {
  const [year, m] = month.split('-').map(Number);
  return t('dealers.monthLabel', { year, month: m });
}
