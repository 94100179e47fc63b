import { amountInWords } from '@sales/core';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { PricedLineEditor } from '../../../components/PricedLineEditor';
import { ProductPicker } from '../../../components/ProductPicker';
import { draftTotals, type LineDraft, lineFromProduct } from '../lineDraft';

export interface QuoteLineEditorProps {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  error?: string | null;
}

/** Quote lines: product picker, qty, price, discount, tax; live totals with the server's rounding. */
export function QuoteLineEditor({ lines, onChange, error }: QuoteLineEditorProps) {
  const { t } = useTranslation();
  const totals = draftTotals(lines);
  return (
    <PricedLineEditor<LineDraft>
      lines={lines}
      onChange={onChange}
      error={error}
      fieldPrefix="fields.quoteLine"
      emptyText={t('quote.form.noLines')}
      belowFloorTip={(floor) => t('quote.form.belowFloor', { floor })}
      amounts={['netAmount', 'taxAmount', 'grossAmount']}
      testIds={{
        root: 'quote-line-editor',
        row: 'quote-form-line',
        qty: 'quote-line-qty',
        price: 'quote-line-price',
        belowFloor: 'quote-line-below-floor',
        discount: 'quote-line-discount',
      }}
      picker={
        <ProductPicker
          onPick={(p) => onChange([...lines, lineFromProduct(p)])}
          placeholder={t('quote.form.productSearch')}
          notFoundText={t('quote.form.productNotFound')}
          typeToSearchText={t('quote.form.productTypeToSearch')}
          testId="quote-product-picker"
        />
      }
      footer={
        <QuoteTotals
          totalNet={totals.totalNet}
          totalTax={totals.totalTax}
          totalGross={totals.totalGross}
          discountTotal={totals.discountTotal}
        />
      }
    />
  );
}

/** 不含税 / 税额 / 价税合计 and the amount in capitals. */
export function QuoteTotals(p: { totalNet: string; totalTax: string; totalGross: string; discountTotal?: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginTop: 12 }} data-testid="quote-totals">
      <Descriptions.Item label={t('fields.quote.totalNet')}>
        <MoneyText value={p.totalNet} />
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.quote.totalTax')}>
        <MoneyText value={p.totalTax} />
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.quote.totalGross')}>
        <Typography.Text strong data-testid="quote-total-gross">
          <MoneyText value={p.totalGross} />
        </Typography.Text>
      </Descriptions.Item>
      {p.discountTotal !== undefined ? (
        <Descriptions.Item label={t('fields.quote.discountTotal')}>
          <MoneyText value={p.discountTotal} />
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('fields.quote.amountInWords')} span={4}>
        <span data-testid="quote-amount-words">{amountInWords(p.totalGross)}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
