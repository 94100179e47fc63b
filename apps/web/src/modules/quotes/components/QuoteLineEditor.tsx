import { DeleteOutlined, WarningOutlined } from '@ant-design/icons';
import { amountInWords, TAX_RATES } from '@sales/core';
import { Button, Descriptions, Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { belowFloor, draftAmounts, draftTotals, type LineDraft, lineFromProduct } from '../lineDraft';
import { ProductPicker } from './ProductPicker';

export interface QuoteLineEditorProps {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  error?: string | null;
}

/** Quote lines: product picker, qty, price, discount, tax; live totals with the server's rounding. */
export function QuoteLineEditor({ lines, onChange, error }: QuoteLineEditorProps) {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const totals = draftTotals(lines);
  const label = (f: string) => t(`fields.quoteLine.${f}`);
  const amount = (l: LineDraft, k: 'netAmount' | 'taxAmount' | 'grossAmount') => {
    const a = draftAmounts(l);
    return a ? <MoneyText value={a[k]} /> : '-';
  };

  return (
    <div data-testid="quote-line-editor">
      <div style={{ marginBottom: 8 }}>
        <ProductPicker onPick={(p) => onChange([...lines, lineFromProduct(p)])} />
      </div>
      <Table<LineDraft>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={lines}
        locale={{ emptyText: t('quote.form.noLines') }}
        onRow={() => ({ 'data-testid': 'quote-form-line' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
          {
            title: label('product'),
            key: 'product',
            render: (_, l) => (
              <div style={{ minWidth: 120 }}>
                <Typography.Text strong>{l.productCode}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[l.spec, l.unit].filter(Boolean).join(' / ')}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: label('description'),
            key: 'description',
            render: (_, l) => (
              <Input
                size="small"
                value={l.description}
                maxLength={200}
                style={{ width: 160 }}
                onChange={(e) => set(l.key, { description: e.target.value })}
              />
            ),
          },
          {
            title: label('qty'),
            key: 'qty',
            render: (_, l) => (
              <InputNumber<string>
                size="small"
                stringMode
                min="0"
                value={l.qty}
                status={l.qty && Number(l.qty) > 0 ? undefined : 'error'}
                onChange={(qty) => set(l.key, { qty })}
                style={{ width: 100 }}
                data-testid="quote-line-qty"
              />
            ),
          },
          {
            title: label('unitPrice'),
            key: 'unitPrice',
            render: (_, l) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <InputNumber<string>
                  size="small"
                  stringMode
                  min="0"
                  precision={2}
                  prefix="¥"
                  value={l.unitPrice}
                  onChange={(unitPrice) => set(l.key, { unitPrice })}
                  style={{ width: 120 }}
                  data-testid="quote-line-price"
                />
                {belowFloor(l) ? (
                  <Tooltip title={t('quote.form.belowFloor', { floor: l.floorPrice })}>
                    <WarningOutlined
                      style={{ color: '#faad14', marginInlineStart: 4 }}
                      data-testid="quote-line-below-floor"
                    />
                  </Tooltip>
                ) : null}
              </span>
            ),
          },
          {
            title: label('discountPercent'),
            key: 'discountPercent',
            render: (_, l) => (
              <InputNumber<string>
                size="small"
                stringMode
                min="0"
                max="100"
                precision={2}
                suffix="%"
                value={l.discountPercent}
                onChange={(discountPercent) => set(l.key, { discountPercent })}
                style={{ width: 90 }}
                data-testid="quote-line-discount"
              />
            ),
          },
          {
            title: label('taxRate'),
            key: 'taxRate',
            render: (_, l) => (
              <Select
                size="small"
                value={l.taxRate}
                style={{ width: 86 }}
                options={TAX_RATES.map((r) => ({ value: r, label: `${Number(r)}%` }))}
                onChange={(taxRate) => set(l.key, { taxRate })}
              />
            ),
          },
          { title: label('netAmount'), key: 'net', align: 'right', render: (_, l) => amount(l, 'netAmount') },
          { title: label('taxAmount'), key: 'tax', align: 'right', render: (_, l) => amount(l, 'taxAmount') },
          { title: label('grossAmount'), key: 'gross', align: 'right', render: (_, l) => amount(l, 'grossAmount') },
          {
            title: '',
            key: 'remove',
            width: 40,
            render: (_, l) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => onChange(lines.filter((x) => x.key !== l.key))}
              />
            ),
          },
        ]}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <QuoteTotals
        totalNet={totals.totalNet}
        totalTax={totals.totalTax}
        totalGross={totals.totalGross}
        discountTotal={totals.discountTotal}
      />
    </div>
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
