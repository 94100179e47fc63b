import { Card, Col, Form, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { FilterFields } from '../../../components/FilterFields';
import { formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { useMovements } from '../api';
import { ProductSelect } from '../components/ProductSelect';
import { WarehouseSelect } from '../components/WarehouseSelect';
import { MOVEMENT_COLORS } from '../constants';
import { formatQty } from '../format';
import type { StockMovement } from '../types';

/** Documents a movement may point at, and where they open. */
const REF_LINKS: Record<string, string> = { order: '/orders', delivery: '/deliveries' };

/** 出入库流水: every inbound, outbound, return and adjustment, newest first. */
export function MovementsPage() {
  const { t } = useTranslation();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [form] = Form.useForm<{ productId?: number; warehouseId?: number }>();
  const productId = Number(sp.get('productId')) || undefined;
  const warehouseId = Number(sp.get('warehouseId')) || undefined;
  const batchId = Number(sp.get('batchId')) || undefined;
  const query = useMovements({ productId, warehouseId, batchId, page, pageSize });
  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };
  useEffect(() => {
    form.setFieldsValue({ warehouseId });
  }, [form, warehouseId]);
  const label = (f: string) => t(`fields.movement.${f}`);

  const columns: ColumnsType<StockMovement> = [
    { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: label('kind'),
      dataIndex: 'kind',
      render: (v: string) => <StatusTag dict="stock.movementKind" value={v} colors={MOVEMENT_COLORS} />,
    },
    { title: label('warehouseName'), dataIndex: 'warehouseName' },
    { title: label('productCode'), dataIndex: 'productCode' },
    { title: label('productName'), dataIndex: 'productName' },
    { title: label('batchNo'), dataIndex: 'batchNo', render: orDash },
    {
      title: label('qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (v: string) => (
        <Typography.Text type={v.startsWith('-') ? 'danger' : 'success'} strong>
          {v.startsWith('-') ? formatQty(v) : `+${formatQty(v)}`}
        </Typography.Text>
      ),
    },
    {
      title: label('ref'),
      key: 'ref',
      render: (_, m) => {
        if (!m.refType) return '-';
        // The document by its number, linked when the viewer may open it (never its id, never a 404).
        const type = t(`stock.refType.${m.refType}`, { defaultValue: t('stock.refType.other') });
        const base = REF_LINKS[m.refType];
        if (!m.refNo) return type;
        return (
          <span>
            {type} {base && m.refId ? <Link to={`${base}/${m.refId}`}>{m.refNo}</Link> : m.refNo}
          </span>
        );
      },
    },
    { title: label('note'), dataIndex: 'note', render: orDash },
    { title: label('createdByName'), dataIndex: 'createdByName', render: orDash },
  ];

  return (
    <Card>
      <PageHeader title={t('menu.stockMovements')} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          update({ productId: v.productId ?? undefined, warehouseId: v.warehouseId ?? undefined, batchId: undefined })
        }
        data-testid="movement-filter"
      >
        <FilterFields
          onReset={() => {
            form.resetFields();
            update({ productId: undefined, warehouseId: undefined, batchId: undefined });
          }}
          testIdPrefix="movement"
          lg={8}
        >
          <Col xs={24} sm={12} lg={8}>
            <Form.Item
              name="productId"
              label={label('product')}
              extra={productId ? t('stock.filteredByProduct') : undefined}
            >
              <ProductSelect testId="movement-product" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="warehouseId" label={label('warehouseName')}>
              <WarehouseSelect includeInactive testId="movement-warehouse" />
            </Form.Item>
          </Col>
        </FilterFields>
      </Form>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<StockMovement>
          data-testid="movement-table"
          rowTestId="movement-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
    </Card>
  );
}
