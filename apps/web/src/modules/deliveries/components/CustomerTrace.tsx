import { Alert, Card, Empty, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import { useTraceCustomer, useTraceCustomerSearch } from '../api';
import { DELIVERY_STATUS_COLORS } from '../constants';
import type { TraceCustomer } from '../types';

type BatchRow = TraceCustomer['batches'][number];

/**
 * 按客户追溯 (SPEC 3.5: from a customer back to batches): pick a customer who received goods, see every
 * batch or serial number on their shipped notes — the reverse of the batch trace, e.g. for a recall.
 */
export function CustomerTrace({
  customerId,
  onCustomer,
  onBatch,
}: {
  customerId: number | null;
  onCustomer: (id: number | null) => void;
  onBatch: (b: { batchNo: string; batchId: number }) => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useTraceCustomerSearch(keyword);
  const trace = useTraceCustomer(customerId);
  const f = (k: string) => t(`fields.trace.${k}`);
  const options = (search.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.no}）` }));
  if (trace.data && !options.some((o) => o.value === trace.data.customer.id))
    options.unshift({
      value: trace.data.customer.id,
      label: `${trace.data.customer.name}（${trace.data.customer.no}）`,
    });

  return (
    <>
      <Select<number>
        showSearch={{ filterOption: false, onSearch: setInput }}
        allowClear
        value={customerId ?? undefined}
        onChange={(v) => onCustomer(v ?? null)}
        options={options}
        loading={search.isFetching}
        placeholder={t('trace.customerSearchHint')}
        notFoundContent={keyword ? t('trace.noCustomer') : null}
        style={{ width: '100%', maxWidth: 480, marginBottom: 16 }}
        data-testid="trace-customer-search"
      />
      {trace.isError ? <Alert type="error" showIcon title={t('errors.unknown')} /> : null}
      {trace.data ? (
        <Card
          size="small"
          title={t('trace.customerBatches', { name: trace.data.customer.name, n: trace.data.batchCount })}
          data-testid="trace-customer"
        >
          <Table<BatchRow>
            size="small"
            rowKey="batchId"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={trace.data.batches}
            locale={{ emptyText: t('trace.customerNoBatches') }}
            onRow={() => ({ 'data-testid': 'trace-customer-batch' }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (b) => (
                <Table
                  size="small"
                  rowKey="deliveryId"
                  pagination={false}
                  dataSource={b.deliveries}
                  columns={[
                    {
                      title: f('deliveryNo'),
                      dataIndex: 'deliveryNo',
                      render: (v: string, r) => <Link to={`/deliveries/${r.deliveryId}`}>{v}</Link>,
                    },
                    { title: f('shippedAt'), dataIndex: 'shippedAt', render: formatDateTime },
                    { title: f('orderNo'), dataIndex: 'orderNo' },
                    { title: f('qty'), dataIndex: 'qty', align: 'right' },
                    {
                      title: f('status'),
                      dataIndex: 'status',
                      render: (v: string) => (
                        <StatusTag dict="delivery.status" value={v} colors={DELIVERY_STATUS_COLORS} />
                      ),
                    },
                  ]}
                />
              ),
            }}
            columns={[
              { title: f('product'), key: 'p', render: (_, b) => `${b.productCode} ${b.productName}` },
              {
                title: f('batchNo'),
                dataIndex: 'batchNo',
                render: (v: string | null, b) =>
                  v ? (
                    <Link
                      to={`/trace?batchNo=${encodeURIComponent(v)}&batchId=${b.batchId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onBatch({ batchNo: v, batchId: b.batchId });
                      }}
                    >
                      {v}
                    </Link>
                  ) : (
                    '-'
                  ),
              },
              { title: f('serialNo'), dataIndex: 'serialNo', render: orDash },
              { title: f('expiryDate'), dataIndex: 'expiryDate', render: formatDate },
              { title: f('qty'), dataIndex: 'totalQty', align: 'right' },
            ]}
          />
        </Card>
      ) : customerId === null ? (
        <Empty description={t('trace.customerEmpty')} />
      ) : null}
    </>
  );
}
