import { amountInWords, documentTotals, type LineAmounts, money } from '@sales/core';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { PricedLineEditor } from '../../../components/PricedLineEditor';
import { ProductPicker } from '../../../components/ProductPicker';
import {
  draftAmounts,
  isLineValid as isPricedLineValid,
  type LineDraft,
  lineFromProduct,
  newLineKey,
} from '../../../components/pricedLines';
import type { ContractLine } from '../types';

export { type LineDraft, toLineInput } from '../../../components/pricedLines';

/** A contract line as an editable draft; the editors are offered only to users who see the prices. */
export const lineFromContract = (l: ContractLine): LineDraft => {
  if (l.unitPrice === null || l.discountPercent === null) throw new Error('contract prices are masked');
  return {
    key: newLineKey(),
    productId: l.productId ?? 0,
    productCode: l.productCode ?? '',
    spec: l.spec,
    unit: l.unit,
    description: l.description,
    qty: money(l.qty).toString(),
    unitPrice: l.unitPrice,
    discountPercent: money(l.discountPercent).toString(),
    taxRate: l.taxRate,
    listPrice: null,
    floorPrice: null,
  };
};

/** A contract line names a product (its goods are ordered from it later). */
export const isLineValid = (l: LineDraft) => l.productId > 0 && isPricedLineValid(l);

/** Contract amount = Σ gross of the rounded lines (same rule as the server). */
export function linesTotal(lines: LineDraft[]): string {
  return documentTotals(
    lines
      .filter(isLineValid)
      .map(draftAmounts)
      .filter((a): a is LineAmounts => a !== null),
  ).totalGross;
}

/** Contract lines: product, qty, price, discount, tax; live amounts and total with 大写. */
export function LineEditor({
  lines,
  onChange,
  error,
}: {
  lines: LineDraft[];
  onChange: (l: LineDraft[]) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const total = linesTotal(lines);
  return (
    <PricedLineEditor<LineDraft>
      lines={lines}
      onChange={onChange}
      error={error}
      fieldPrefix="fields.contractLine"
      emptyText={t('contract.form.noLines')}
      amounts={['grossAmount']}
      unitInQty
      testIds={{ root: 'contract-line-editor', error: 'contract-line-error' }}
      picker={
        <ProductPicker
          onPick={(p) => onChange([...lines, { ...lineFromProduct(p), floorPrice: null }])}
          placeholder={t('contract.form.productSearch')}
          testId="contract-product-picker"
        />
      }
      footer={
        <div style={{ textAlign: 'right', marginTop: 8 }} data-testid="contract-lines-total">
          <Typography.Text strong>
            {t('fields.contract.amount')}：<MoneyText value={total} />
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {t('contract.amountInWords', { words: amountInWords(total) })}
            </Typography.Text>
          </div>
        </div>
      }
    />
  );
}
