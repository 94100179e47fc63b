import { formatMoney } from '@sales/core';
import { currentLanguage } from '../../app/i18n';

/** An amount as text in the UI language (¥1,234.50), for messages that carry amounts. */
export const moneyText = (value: string) => formatMoney(value, currentLanguage(), { symbol: true });
