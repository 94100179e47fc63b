import { Col, Empty, Form, Input, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { FilterFields } from '../../../components/FilterFields';
import { formatDate, orDash } from '../../../components/format';
import { useBatches, useWarehouses } from '../api';
import { formatQty } from '../format';
import type { StockBatch } from '../types';
import { ProductSelect } from './ProductSelect';

const SOON_DAYS = 30;

function ExpiryTag({ date }: { date: string | null }) {
  const { t } = useTranslation();
  if (!date) return <span>-</span>;
  const days = dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
  if (days < 0) return <Tag color="error">{t('stock.expired', { date: formatDate(date) })}</Tag>;
  if (days <= SOON_DAYS) return <Tag color="warning">{t('stock.expiresIn', { date: formatDate(date), days })}</Tag>;
  return <span>{formatDate(date)}</span>;
}

/** 批次 / 序列号 of a product (or by batch number), with expiry and on-hand per warehouse (traceability). */
export function BatchesView() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ productId?: number; batchNo?: string }>();
  const [q, setQ] = useState<{ productId?: number; batchNo?: string }>({});
  const query = useBatches(q);
  const warehouses = useWarehouses();
  const whName = new Map((warehouses.data?.items ?? []).map((w) => [w.id, w.name]));
  const label = (f: string) => t(`fields.stock.${f}`);
  return (
    <>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => setQ({ productId: v.productId ?? undefined, batchNo: v.batchNo?.trim() || undefined })}
      >
        <FilterFields
          onReset={() => {
            form.resetFields();
            setQ({});
          }}
          testIdPrefix="batch"
          lg={8}
        >
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="productId" label={label('product')}>
              <ProductSelect testId="batch-product" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="batchNo" label={label('batchNo')}>
              <Input allowClear data-testid="batch-no" />
            </Form.Item>
          </Col>
        </FilterFields>
      </Form>
      {!q.productId && !q.batchNo ? (
        <Empty description={t('stock.batchesHint')} />
      ) : query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<StockBatch>
          size="small"
          rowKey="id"
          loading={query.isFetching}
          pagination={false}
          data-testid="batch-table"
          dataSource={query.data?.items}
          columns={[
            { title: label('batchNo'), dataIndex: 'batchNo' },
            { title: label('serialNo'), dataIndex: 'serialNo', render: orDash },
            {
              title: label('expiryDate'),
              dataIndex: 'expiryDate',
              render: (v: string | null) => <ExpiryTag date={v} />,
            },
            {
              title: label('onHandByWarehouse'),
              key: 'onHand',
              render: (_, b) =>
                b.onHand.length
                  ? b.onHand.map((o) => (
                      <Tag key={o.warehouseId}>
                        {whName.get(o.warehouseId) ?? o.warehouseId}: {formatQty(o.onHand)}
                      </Tag>
                    ))
                  : '-',
            },
          ]}
        />
      )}
    </>
  );
}
