import { formatMoney, isAmount, PRICE_MASK } from '@sales/core';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../app/i18n';

export interface MoneyTextProps {
  /** Decimal string or number (server sends decimals as strings). */
  value: string | number | null | undefined;
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

/**
 * Formats an amount with grouping and 2 decimals in the current UI locale. The decimal string is
 * formatted exactly (core formatMoney), never through a float. Amounts are in yuan (CNY).
 */
export function MoneyText({ value, masked = false }: MoneyTextProps) {
  const { i18n } = useTranslation();
  if (masked && (value === null || value === undefined)) return <MaskedMoney />;
  if (value === null || value === undefined || value === '') return <span>-</span>;
  if (!isAmount(value)) return <span>{String(value)}</span>;
  const text = formatMoney(value, isLanguage(i18n.language) ? i18n.language : 'zh-CN', { symbol: true });
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text}</span>;
}
