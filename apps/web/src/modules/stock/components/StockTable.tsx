import { Button, Col, Form, Input, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { FilterFields } from '../../../components/FilterFields';
import { orDash } from '../../../components/format';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { useStockList } from '../api';
import { formatQty } from '../format';
import type { StockFilters, StockRow } from '../types';
import { WarehouseSelect } from './WarehouseSelect';

/** 库存查询: on hand / reserved / available per warehouse and product; filters live in the URL. */
export function StockTable() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [form] = Form.useForm<StockFilters>();
  const filters: StockFilters = {
    keyword: sp.get('keyword') ?? undefined,
    warehouseId: Number(sp.get('warehouseId')) || undefined,
  };
  const query = useStockList({ ...filters, page, pageSize });
  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };
  const keyword = filters.keyword;
  const warehouseId = filters.warehouseId;
  useEffect(() => {
    form.setFieldsValue({ keyword, warehouseId });
  }, [form, keyword, warehouseId]);
  const label = (f: string) => t(`fields.stock.${f}`);

  const columns: ColumnsType<StockRow> = [
    { title: label('warehouse'), dataIndex: 'warehouseName' },
    { title: label('productCode'), dataIndex: 'productCode' },
    { title: label('productName'), dataIndex: 'productName' },
    { title: label('spec'), dataIndex: 'spec', render: orDash },
    { title: label('unit'), dataIndex: 'unit', render: orDash },
    { title: label('onHand'), dataIndex: 'onHand', align: 'right', render: formatQty },
    { title: label('reserved'), dataIndex: 'reserved', align: 'right', render: formatQty },
    {
      title: label('available'),
      dataIndex: 'available',
      align: 'right',
      render: (v: string) => (
        <Typography.Text type={Number(v) > 0 ? undefined : 'danger'} strong data-testid="stock-available">
          {formatQty(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            navigate(`/stock/movements?productId=${r.productId}&warehouseId=${r.warehouseId}`);
          }}
        >
          {t('stock.viewMovements')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => update({ keyword: v.keyword?.trim() || undefined, warehouseId: v.warehouseId ?? undefined })}
        data-testid="stock-filter"
      >
        <FilterFields
          onReset={() => {
            form.resetFields();
            update({ keyword: undefined, warehouseId: undefined });
          }}
          testIdPrefix="stock"
          lg={8}
        >
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="keyword" label={t('stock.keyword')}>
              <Input allowClear placeholder={t('stock.productSearchPlaceholder')} data-testid="stock-keyword" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="warehouseId" label={label('warehouse')}>
              <WarehouseSelect includeInactive testId="stock-filter-warehouse" />
            </Form.Item>
          </Col>
        </FilterFields>
      </Form>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<StockRow>
          data-testid="stock-table"
          rowTestId="stock-row"
          rowKey={(r) => `${r.warehouseId}-${r.productId}`}
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
    </>
  );
}
