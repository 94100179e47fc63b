import { useTranslation } from 'react-i18next';

export interface MoneyTextProps {
  /** Decimal string or number (server sends decimals as strings). */
  value: string | number | null | undefined;
  currency?: string;
}

/** Formats an amount with grouping and 2 decimals in the current UI locale. */
export function MoneyText({ value, currency = 'CNY' }: MoneyTextProps) {
  const { i18n } = useTranslation();
  if (value === null || value === undefined || value === '') return <span>-</span>;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return <span>{String(value)}</span>;
  const text = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text}</span>;
}
