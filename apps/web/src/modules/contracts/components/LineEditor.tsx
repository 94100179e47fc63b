import { DeleteOutlined } from '@ant-design/icons';
import { amountInWords, documentTotals, lineAmounts, money, TAX_RATES } from '@sales/core';
import { Button, Input, InputNumber, Select, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { useProductOptions } from '../api';
import type { ContractLine, LineInput, ProductOption } from '../types';

/** A contract line being edited (strings, never floats). */
export interface LineDraft {
  key: string;
  productId: number;
  productCode: string;
  unit: string;
  description: string;
  qty: string | null;
  unitPrice: string | null;
  discountPercent: string | null;
  taxRate: string;
}

let seq = 0;
const newKey = () => `c${Date.now()}-${++seq}`;
const QTY_RE = /^\d{1,14}(\.\d{1,4})?$/;
const MONEY_RE = /^\d{1,16}(\.\d{1,2})?$/;
const PCT_RE = /^\d{1,3}(\.\d{1,2})?$/;

export const lineFromProduct = (p: ProductOption): LineDraft => ({
  key: newKey(),
  productId: p.id,
  productCode: p.code,
  unit: p.unit,
  description: p.name,
  qty: '1',
  unitPrice: p.standardPrice,
  discountPercent: '0',
  taxRate: p.taxRate,
});

export const lineFromContract = (l: ContractLine): LineDraft => ({
  key: newKey(),
  productId: l.productId ?? 0,
  productCode: l.productCode ?? '',
  unit: l.unit,
  description: l.description,
  qty: money(l.qty).toString(),
  unitPrice: l.unitPrice,
  discountPercent: money(l.discountPercent).toString(),
  taxRate: l.taxRate,
});

export const isLineValid = (l: LineDraft) =>
  l.productId > 0 &&
  !!l.qty &&
  QTY_RE.test(l.qty) &&
  Number(l.qty) > 0 &&
  !!l.unitPrice &&
  MONEY_RE.test(l.unitPrice) &&
  PCT_RE.test(l.discountPercent ?? '0') &&
  Number(l.discountPercent ?? 0) <= 100;

export const toLineInput = (l: LineDraft): LineInput => ({
  productId: l.productId,
  description: l.description.trim() || undefined,
  qty: l.qty ?? '0',
  unitPrice: l.unitPrice ?? '0',
  discountPercent: l.discountPercent ?? '0',
  taxRate: l.taxRate,
});

const amountsOf = (l: LineDraft) =>
  isLineValid(l)
    ? lineAmounts({
        qty: l.qty ?? '0',
        unitPrice: l.unitPrice ?? '0',
        discountPercent: l.discountPercent ?? '0',
        taxRate: l.taxRate,
      })
    : null;

/** Contract amount = Σ gross of the rounded lines (same rule as the server). */
export function linesTotal(lines: LineDraft[]): string {
  return documentTotals(lines.map(amountsOf).filter((a) => a !== null)).totalGross;
}

function ProductPicker({ onPick }: { onPick: (p: ProductOption) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const search = useProductOptions(keyword);
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const items = keyword ? (search.data?.items ?? []) : [];
  return (
    <Select<number>
      value={null}
      style={{ width: 360 }}
      showSearch={{ filterOption: false, onSearch: setInput }}
      placeholder={t('contract.form.productSearch')}
      notFoundContent={search.isFetching ? <Spin size="small" /> : null}
      options={items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}${p.spec ? ` (${p.spec})` : ''}` }))}
      onSelect={(id) => {
        const p = items.find((x) => x.id === id);
        if (p) onPick(p);
        setInput('');
      }}
      data-testid="contract-product-picker"
    />
  );
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
  const set = (key: string, patch: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const label = (f: string) => t(`fields.contractLine.${f}`);
  const total = linesTotal(lines);
  return (
    <div data-testid="contract-line-editor">
      <div style={{ marginBottom: 8 }}>
        <ProductPicker onPick={(p) => onChange([...lines, lineFromProduct(p)])} />
      </div>
      <Table<LineDraft>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={lines}
        locale={{ emptyText: t('contract.form.noLines') }}
        columns={[
          { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
          { title: label('productCode'), dataIndex: 'productCode' },
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
                onChange={(v) => set(l.key, { qty: v })}
                style={{ width: 90 }}
                addonAfter={l.unit}
              />
            ),
          },
          {
            title: label('unitPrice'),
            key: 'unitPrice',
            render: (_, l) => (
              <InputNumber<string>
                size="small"
                stringMode
                min="0"
                precision={2}
                prefix="¥"
                value={l.unitPrice}
                onChange={(v) => set(l.key, { unitPrice: v })}
                style={{ width: 130 }}
              />
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
                value={l.discountPercent}
                onChange={(v) => set(l.key, { discountPercent: v })}
                style={{ width: 80 }}
                suffix="%"
              />
            ),
          },
          {
            title: label('taxRate'),
            key: 'taxRate',
            render: (_, l) => (
              <Select
                size="small"
                value={money(l.taxRate).toFixed(2)}
                style={{ width: 90 }}
                options={TAX_RATES.map((r) => ({ value: r, label: `${Number(r)}%` }))}
                onChange={(v) => set(l.key, { taxRate: v })}
              />
            ),
          },
          {
            title: label('grossAmount'),
            key: 'gross',
            align: 'right',
            render: (_, l) => {
              const a = amountsOf(l);
              return a ? <MoneyText value={a.grossAmount} /> : '-';
            },
          },
          {
            key: 'remove',
            width: 40,
            render: (_, l) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange(lines.filter((x) => x.key !== l.key))}
                aria-label={t('common.delete')}
              />
            ),
          },
        ]}
      />
      {error ? (
        <Typography.Text type="danger" data-testid="contract-line-error">
          {error}
        </Typography.Text>
      ) : null}
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
    </div>
  );
}
