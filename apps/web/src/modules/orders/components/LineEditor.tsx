import { DeleteOutlined, WarningOutlined } from '@ant-design/icons';
import { amountInWords, TAX_RATES } from '@sales/core';
import { Button, Descriptions, Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { useAvailability } from '../../stock/api';
import { ProductSearchBox } from '../../stock/components/ProductSearchBox';
import { formatQty } from '../../stock/format';
import type { ProductOption } from '../../stock/types';
import { belowFloor, draftAmounts, draftTotals, type LineDraft, short } from './lineDraft';

type Focusable = { focus: () => void } | null;

export interface LineEditorProps {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  onAdd: (product: ProductOption) => void;
  warehouseId?: number | null;
  /** Key of the line whose qty field should take the focus (set after an add). */
  focusKey: string | null;
  onFocused: () => void;
  error?: string | null;
}

/**
 * Quick line entry (SPEC 3.4): search box → Enter adds the product → the qty field has the focus →
 * Enter goes back to the search box. Price, available stock and amounts update as you type.
 */
export function LineEditor({ lines, onChange, onAdd, warehouseId, focusKey, onFocused, error }: LineEditorProps) {
  const { t } = useTranslation();
  const searchRef = useRef<Focusable>(null);
  const qtyRefs = useRef<Record<string, Focusable>>({});
  const stock = useAvailability(
    lines.map((l) => l.productId),
    warehouseId,
  );
  const avail = new Map((stock.data?.items ?? []).map((a) => [a.productId, a.available]));

  useEffect(() => {
    if (!focusKey) return;
    const el = qtyRefs.current[focusKey];
    if (el) {
      el.focus();
      const input = document.querySelector<HTMLInputElement>(
        `[data-line-qty="${focusKey}"] input, input[data-line-qty="${focusKey}"]`,
      );
      input?.select();
      onFocused();
    }
  });

  const set = (key: string, patch: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const remove = (key: string) => {
    onChange(lines.filter((l) => l.key !== key));
    searchRef.current?.focus();
  };
  const backToSearch = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      searchRef.current?.focus();
    }
  };
  const totals = draftTotals(lines);
  const label = (f: string) => t(`fields.orderLine.${f}`);

  return (
    <div data-testid="line-editor">
      <div style={{ marginBottom: 8 }}>
        <ProductSearchBox onPick={onAdd} warehouseId={warehouseId} inputRef={searchRef} testId="order-product-search" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('order.form.keyboardHint')}
        </Typography.Text>
      </div>
      <Table<LineDraft>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={lines}
        data-testid="order-form-lines"
        locale={{ emptyText: t('order.form.noLines') }}
        onRow={() => ({ 'data-testid': 'order-form-line' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
          {
            title: label('product'),
            key: 'product',
            render: (_, l) => (
              <div style={{ minWidth: 160 }}>
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
                style={{ width: 180 }}
                onChange={(e) => set(l.key, { description: e.target.value })}
                onKeyDown={backToSearch}
              />
            ),
          },
          {
            title: label('qty'),
            key: 'qty',
            render: (_, l) => (
              <InputNumber<string>
                ref={(el) => {
                  qtyRefs.current[l.key] = el;
                }}
                size="small"
                stringMode
                min="0"
                value={l.qty}
                status={l.qty && Number(l.qty) > 0 ? undefined : 'error'}
                onChange={(qty) => set(l.key, { qty })}
                onKeyDown={backToSearch}
                style={{ width: 100 }}
                data-testid="line-qty"
                data-line-qty={l.key}
              />
            ),
          },
          {
            title: label('available'),
            key: 'available',
            align: 'right',
            render: (_, l) => {
              const a = avail.get(l.productId);
              if (a === undefined) return '-';
              return (
                <Typography.Text type={short(l, a) ? 'danger' : 'success'} data-testid="line-available">
                  {formatQty(a)}
                </Typography.Text>
              );
            },
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
                  onChange={(unitPrice) => set(l.key, { unitPrice, priceEdited: true })}
                  onKeyDown={backToSearch}
                  style={{ width: 120 }}
                  data-testid="line-price"
                />
                {belowFloor(l) ? (
                  <Tooltip title={t('order.form.belowFloor', { floor: l.floorPrice })}>
                    <WarningOutlined
                      style={{ color: '#faad14', marginInlineStart: 4 }}
                      data-testid="line-below-floor"
                    />
                  </Tooltip>
                ) : null}
              </span>
            ),
          },
          {
            title: label('discountPercent'),
            key: 'discount',
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
                onKeyDown={backToSearch}
                style={{ width: 90 }}
                data-testid="line-discount"
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
                style={{ width: 84 }}
                onChange={(taxRate) => set(l.key, { taxRate })}
                options={TAX_RATES.map((r) => ({ value: r, label: `${Number(r)}%` }))}
              />
            ),
          },
          {
            title: label('netAmount'),
            key: 'net',
            align: 'right',
            render: (_, l) => <MoneyText value={draftAmounts(l)?.netAmount} />,
          },
          {
            title: label('grossAmount'),
            key: 'gross',
            align: 'right',
            render: (_, l) => (
              <span data-testid="line-gross">
                <MoneyText value={draftAmounts(l)?.grossAmount} />
              </span>
            ),
          },
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
                onClick={() => remove(l.key)}
                aria-label={t('common.delete')}
              />
            ),
          },
        ]}
      />
      {error ? (
        <Typography.Text type="danger" data-testid="order-lines-error">
          {error}
        </Typography.Text>
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginTop: 12 }}
        data-testid="order-form-totals"
      >
        <Descriptions.Item label={t('fields.order.totalNet')}>
          <MoneyText value={totals.totalNet} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.order.totalTax')}>
          <MoneyText value={totals.totalTax} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.order.totalGross')}>
          <Typography.Text strong data-testid="order-form-total-gross">
            <MoneyText value={totals.totalGross} />
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.order.amountInWords')}>
          {amountInWords(totals.totalGross)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
