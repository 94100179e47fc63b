import { formatNumber } from '@sales/core';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../app/i18n';
import { MaskedMoney, MoneyText } from './MoneyText';

/** Facts holding amounts (decimal strings), shown as money with separators. */
const MONEY_FACTS = new Set([
  'amount',
  'creditLimit',
  'increase',
  'oldCreditLimit',
  'totalGross',
  'exposure',
  'limit',
  'excess',
  'oldStandardPrice',
  'newStandardPrice',
  'oldFloorPrice',
  'newFloorPrice',
  'totalAmount',
]);
/** Facts holding a percentage. */
const PERCENT_FACTS = new Set(['cutPercent', 'majorCutPercent', 'maxDiscountPercent']);
/** Facts holding a quantity. */
const NUMBER_FACTS = new Set(['qty', 'totalQty']);
/** Facts holding appraisal points (考核申诉): shown as "+1.00 分". */
const POINT_FACTS = new Set(['requestedPoints', 'currentScore']);
/** Facts holding a month as a number yyyymm (202605), shown as the month. */
const MONTH_FACTS = new Set(['period']);
/** Facts holding a number of days. */
const DAY_FACTS = new Set(['paymentTermsDays']);
/** Facts holding dictionary codes (or lists of them) → the dictionary that labels them. */
const DICT_FACTS: Record<string, string> = {
  customerClass: 'dict.customerClass',
  rating: 'dict.creditRating',
  inspectionStatus: 'delivery.inspection',
  reasons: 'quote.reason',
  returnReason: 'returns.reason',
  severity: 'complaint.severity',
};
/** Display order of known facts; unknown ones follow in the order given. */
const ORDER = [
  'customerName',
  'totalGross',
  'exposure',
  'limit',
  'excess',
  'amount',
  'rating',
  'oldCreditLimit',
  'creditLimit',
  'increase',
  'paymentTermsDays',
  'customerClass',
];

export const docTypeLabelKey = (docType: string) => `approval.docType.${docType}`;
export const factLabelKey = (field: string) => `approval.facts.${field}`;

/** Translated label of a fact key (every registered fact has one: locale-completeness test). */
export function useFactLabel() {
  const { t } = useTranslation();
  return (field: string) => t(factLabelKey(field));
}

/**
 * One fact value: money with ¥ and 2 decimals, days, dictionary labels, or the raw value; a fact
 * withheld from this viewer (`masked`, e.g. a contract amount without contract.prices) as ＊＊＊.
 */
export function FactValue({ field, value, masked = false }: { field: string; value: unknown; masked?: boolean }) {
  const { t } = useTranslation();
  if (masked) return <MaskedMoney />;
  if (value === null || value === undefined || value === '') return <span>-</span>;
  if (MONEY_FACTS.has(field)) return <MoneyText value={value as string | number} />;
  if (PERCENT_FACTS.has(field)) return <span>{`${formatNumber(value as string, currentLanguage())}%`}</span>;
  if (NUMBER_FACTS.has(field)) return <span>{formatNumber(value as string, currentLanguage())}</span>;
  if (POINT_FACTS.has(field)) {
    const p = String(value);
    return (
      <span>
        {t('appraisal.pointsValue', { points: field === 'requestedPoints' && !p.startsWith('-') ? `+${p}` : p })}
      </span>
    );
  }
  if (MONTH_FACTS.has(field)) {
    const m = String(value);
    return <span>{t('appraisal.periodLabel', { year: m.slice(0, 4), month: Number(m.slice(4)) })}</span>;
  }
  if (DAY_FACTS.has(field)) return <span>{t('policyValue.days', { value: String(value), count: Number(value) })}</span>;
  if (typeof value === 'boolean') return <span>{value ? t('common.yes') : t('common.no')}</span>;
  const dict = DICT_FACTS[field];
  if (dict && Array.isArray(value)) {
    return <span>{value.map((v) => t(`${dict}.${String(v)}`)).join(t('common.listSeparator'))}</span>;
  }
  if (dict && (typeof value === 'string' || typeof value === 'number')) {
    return <span>{t(`${dict}.${value}`)}</span>;
  }
  return <span>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
}

/** The facts captured when a document was submitted for approval; `maskedFacts` are withheld from the viewer. */
export function ApprovalFacts({ facts, maskedFacts = [] }: { facts: Record<string, unknown>; maskedFacts?: string[] }) {
  const factLabel = useFactLabel();
  const keys = Object.keys(facts).sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib);
  });
  return (
    <Descriptions
      data-testid="approval-facts"
      bordered
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={keys.map((key) => ({
        key,
        label: factLabel(key),
        children: (
          <span data-testid={`approval-fact-${key}`}>
            <FactValue field={key} value={facts[key]} masked={maskedFacts.includes(key)} />
          </span>
        ),
      }))}
    />
  );
}
