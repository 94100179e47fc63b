import { amountInWords, formatAttributes } from '@sales/core';
import { Button, Descriptions, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { PricedLineEditor } from '../../../components/PricedLineEditor';
import { useAvailability } from '../../stock/api';
import { ProductSearchBox } from '../../stock/components/ProductSearchBox';
import { formatQty } from '../../stock/format';
import type { ProductOption } from '../../stock/types';
import { LineAttributesModal } from './LineAttributesModal';
import { draftTotals, type LineDraft, short } from './lineDraft';

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
  const [editingAttrs, setEditingAttrs] = useState<LineDraft | null>(null);
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

  const backToSearch = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      searchRef.current?.focus();
    }
  };
  const totals = draftTotals(lines);

  return (
    <>
      <PricedLineEditor<LineDraft>
        lines={lines}
        onChange={onChange}
        error={error}
        fieldPrefix="fields.orderLine"
        emptyText={t('order.form.noLines')}
        belowFloorTip={(floor) => t('order.form.belowFloor', { floor })}
        amounts={['netAmount', 'grossAmount']}
        onFieldKeyDown={backToSearch}
        qtyRef={(key, el) => {
          qtyRefs.current[key] = el;
        }}
        onRemoved={() => searchRef.current?.focus()}
        testIds={{
          root: 'line-editor',
          table: 'order-form-lines',
          row: 'order-form-line',
          qty: 'line-qty',
          price: 'line-price',
          belowFloor: 'line-below-floor',
          discount: 'line-discount',
          gross: 'line-gross',
          error: 'order-lines-error',
        }}
        picker={
          <>
            <ProductSearchBox
              onPick={onAdd}
              warehouseId={warehouseId}
              inputRef={searchRef}
              testId="order-product-search"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('order.form.keyboardHint')}
            </Typography.Text>
          </>
        }
        afterQty={[
          {
            title: t('fields.orderLine.available'),
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
            title: t('fields.orderLine.attributes'),
            key: 'attributes',
            render: (_, l) => (
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'start', height: 'auto' }}
                onClick={() => setEditingAttrs(l)}
                data-testid="line-attributes"
              >
                {formatAttributes(l.attributes) || t('order.attributes.edit')}
              </Button>
            ),
          },
        ]}
        footer={
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
        }
      />
      <LineAttributesModal
        open={editingAttrs !== null}
        value={editingAttrs?.attributes ?? {}}
        onClose={() => setEditingAttrs(null)}
        onSave={(attributes) => {
          const key = editingAttrs?.key;
          setEditingAttrs(null);
          onChange(lines.map((l) => (l.key === key ? { ...l, attributes } : l)));
        }}
      />
    </>
  );
}
