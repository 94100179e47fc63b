import { PRICE_MASK } from '@sales/core';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export interface MoneyTextProps {
  /** Decimal string or number (server sends decimals as strings). */
  value: string | number | null | undefined;
  currency?: string;
  /**
   * The server withheld this amount from the user (SPEC 1.2, e.g. contract prices without
   * contract.prices): a null value shows as ＊＊＊ with the reason, never as an empty or zero amount.
   */
  masked?: boolean;
}

/** A withheld amount: ＊＊＊ with the reason on hover. */
export function MaskedMoney() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('common.pricesMasked')}>
      <span data-testid="money-masked">{PRICE_MASK}</span>
    </Tooltip>
  );
}

/** Formats an amount with grouping and 2 decimals in the current UI locale. */
export function MoneyText({ value, currency = 'CNY', masked = false }: MoneyTextProps) {
  const { i18n } = useTranslation();
  if (masked && (value === null || value === undefined)) return <MaskedMoney />;
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
