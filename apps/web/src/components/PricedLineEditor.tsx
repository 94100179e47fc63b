import { DeleteOutlined, WarningOutlined } from '@ant-design/icons';
import { money, TAX_RATES } from '@sales/core';
import { Button, Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from './MoneyText';
import { belowFloor, draftAmounts, type LineDraft } from './pricedLines';

type Focusable = { focus: () => void } | null;
type AmountKey = 'netAmount' | 'taxAmount' | 'grossAmount';
const AMOUNT_COLUMN: Record<AmountKey, string> = { netAmount: 'net', taxAmount: 'tax', grossAmount: 'gross' };

/** data-testid of each part (the e2e tests drive them); an absent one is not rendered. */
export interface PricedLineTestIds {
  root: string;
  table?: string;
  row?: string;
  qty?: string;
  price?: string;
  belowFloor?: string;
  discount?: string;
  gross?: string;
  error?: string;
}

export interface PricedLineEditorProps<L extends LineDraft> {
  lines: L[];
  onChange: (lines: L[]) => void;
  /** The server's refusal of a line (or of the lines), shown under the table. */
  error?: string | null;
  /** i18n prefix of the column titles, e.g. `fields.orderLine`. */
  fieldPrefix: string;
  /** Product search above the table. */
  picker: ReactNode;
  emptyText: string;
  /** Tooltip of the below-floor warning; without it no warning is shown. */
  belowFloorTip?: (floor: string | null) => string;
  /** Amount columns after the tax rate. */
  amounts: AmountKey[];
  /** Code only in the product column, the unit beside the qty (contracts). */
  unitInQty?: boolean;
  /** Columns placed right after the qty (e.g. live stock on orders). */
  afterQty?: ColumnType<L>[];
  /** Keyboard-first entry: called on every input's key press, and with the qty inputs as they mount. */
  onFieldKeyDown?: (e: React.KeyboardEvent) => void;
  qtyRef?: (key: string, el: Focusable) => void;
  onRemoved?: () => void;
  testIds: PricedLineTestIds;
  /** Totals under the lines. */
  footer: ReactNode;
}

/** The priced-line table shared by quotes, contracts and orders: qty, price, discount, tax, live amounts. */
export function PricedLineEditor<L extends LineDraft>(p: PricedLineEditorProps<L>) {
  const { t } = useTranslation();
  const { lines, onChange, testIds: ids, onFieldKeyDown: keys } = p;
  const set = (key: string, patch: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const label = (f: string) => t(`${p.fieldPrefix}.${f}`);
  const amountColumns: ColumnType<L>[] = p.amounts.map((k) => ({
    title: label(k),
    key: AMOUNT_COLUMN[k],
    align: 'right',
    render: (_, l) => {
      const value = <MoneyText value={draftAmounts(l)?.[k]} />;
      return k === 'grossAmount' && ids.gross ? <span data-testid={ids.gross}>{value}</span> : value;
    },
  }));

  const columns: ColumnType<L>[] = [
    { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
    p.unitInQty
      ? { title: label('productCode'), key: 'product', dataIndex: 'productCode' }
      : {
          title: label('product'),
          key: 'product',
          render: (_, l) => (
            <div style={{ minWidth: 140 }}>
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
          style={{ width: 170 }}
          onChange={(e) => set(l.key, { description: e.target.value })}
          onKeyDown={keys}
        />
      ),
    },
    {
      title: label('qty'),
      key: 'qty',
      render: (_, l) => (
        <InputNumber<string>
          ref={p.qtyRef ? (el) => p.qtyRef?.(l.key, el) : undefined}
          size="small"
          stringMode
          min="0"
          value={l.qty}
          status={l.qty && Number(l.qty) > 0 ? undefined : 'error'}
          onChange={(qty) => set(l.key, { qty })}
          onKeyDown={keys}
          style={{ width: p.unitInQty ? 90 : 100 }}
          addonAfter={p.unitInQty ? l.unit : undefined}
          data-testid={ids.qty}
          data-line-qty={l.key}
        />
      ),
    },
    ...(p.afterQty ?? []),
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
            onKeyDown={keys}
            style={{ width: 120 }}
            data-testid={ids.price}
          />
          {p.belowFloorTip && belowFloor(l) ? (
            <Tooltip title={p.belowFloorTip(l.floorPrice)}>
              <WarningOutlined style={{ color: '#faad14', marginInlineStart: 4 }} data-testid={ids.belowFloor} />
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
          onKeyDown={keys}
          style={{ width: 90 }}
          data-testid={ids.discount}
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
          style={{ width: 86 }}
          options={TAX_RATES.map((r) => ({ value: r, label: `${Number(r)}%` }))}
          onChange={(taxRate) => set(l.key, { taxRate })}
        />
      ),
    },
    ...amountColumns,
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
          onClick={() => {
            onChange(lines.filter((x) => x.key !== l.key));
            p.onRemoved?.();
          }}
        />
      ),
    },
  ];

  return (
    <div data-testid={ids.root}>
      <div style={{ marginBottom: 8 }}>{p.picker}</div>
      <Table<L>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={lines}
        data-testid={ids.table}
        locale={{ emptyText: p.emptyText }}
        onRow={ids.row ? () => ({ 'data-testid': ids.row }) as React.HTMLAttributes<HTMLElement> : undefined}
        columns={columns}
      />
      {p.error ? (
        <Typography.Text type="danger" data-testid={ids.error}>
          {p.error}
        </Typography.Text>
      ) : null}
      {p.footer}
    </div>
  );
}
