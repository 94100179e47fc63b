import { Checkbox, Input, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../../orders/types';
import { useBatches } from '../../stock/api';

export interface PickedLine {
  include: boolean;
  qty: string;
  batchId: number | null;
}

/** Batches of a product holding stock in the warehouse, with their expiry (批号 / 有效期). */
function BatchSelect({
  productId,
  warehouseId,
  value,
  onChange,
  testId,
}: {
  productId: number;
  warehouseId: number | null;
  value: number | null;
  onChange: (v: number | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const q = useBatches({ productId });
  const options = (q.data?.items ?? [])
    .map((b) => ({ b, onHand: b.onHand.find((o) => o.warehouseId === warehouseId)?.onHand ?? '0' }))
    .filter((x) => Number(x.onHand) > 0)
    .map(({ b, onHand }) => ({
      value: b.id,
      label: `${b.batchNo}${b.serialNo ? ` / ${b.serialNo}` : ''}${b.expiryDate ? ` · ${t('fields.delivery.expiryDate')} ${b.expiryDate}` : ''} · ${t('delivery.create.onHand', { qty: Number(onHand) })}`,
    }));
  // A product without any batch is not batch-tracked: nothing to choose.
  if (!q.isLoading && (q.data?.items ?? []).length === 0) return <span>-</span>;
  if (!q.isLoading && options.length === 0)
    return <span style={{ color: '#999' }}>{t('delivery.create.noBatch')}</span>;
  return (
    <Select
      allowClear
      style={{ minWidth: 260 }}
      loading={q.isLoading}
      value={value ?? undefined}
      options={options}
      onChange={(v) => onChange(v ?? null)}
      data-testid={testId}
    />
  );
}

/** The order's lines with open quantity: tick the ones to deliver now, set qty and batch. */
export function OrderLinePicker({
  lines,
  warehouseId,
  value,
  onChange,
}: {
  lines: OrderLine[];
  warehouseId: number | null;
  value: Record<number, PickedLine>;
  onChange: (v: Record<number, PickedLine>) => void;
}) {
  const { t } = useTranslation();
  const f = (k: string) => t(`fields.delivery.${k}`);
  const set = (id: number, patch: Partial<PickedLine>) => onChange({ ...value, [id]: { ...value[id], ...patch } });
  return (
    <Table<OrderLine>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={lines}
      scroll={{ x: 'max-content' }}
      data-testid="delivery-create-lines"
      columns={[
        {
          title: '',
          key: 'include',
          width: 40,
          render: (_, l) => (
            <Checkbox
              checked={value[l.id]?.include}
              onChange={(e) => set(l.id, { include: e.target.checked })}
              data-testid={`pick-${l.lineNo}`}
            />
          ),
        },
        { title: '#', dataIndex: 'lineNo', width: 40 },
        { title: f('productCode'), dataIndex: 'productCode' },
        { title: f('product'), dataIndex: 'description' },
        { title: f('spec'), dataIndex: 'spec' },
        { title: f('ordered'), dataIndex: 'qty', align: 'right', render: (v: string) => Number(v) },
        { title: f('delivered'), dataIndex: 'deliveredQty', align: 'right', render: (v: string) => Number(v) },
        {
          title: f('qty'),
          key: 'qty',
          width: 120,
          render: (_, l) => (
            <Input
              value={value[l.id]?.qty}
              disabled={!value[l.id]?.include}
              onChange={(e) => set(l.id, { qty: e.target.value })}
              data-testid={`pick-qty-${l.lineNo}`}
            />
          ),
        },
        {
          title: f('batchNo'),
          key: 'batch',
          render: (_, l) =>
            l.productId && value[l.id]?.include ? (
              <BatchSelect
                productId={l.productId}
                warehouseId={warehouseId}
                value={value[l.id]?.batchId ?? null}
                onChange={(b) => set(l.id, { batchId: b })}
                testId={`pick-batch-${l.lineNo}`}
              />
            ) : null,
        },
      ]}
    />
  );
}
