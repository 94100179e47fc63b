import { Alert, Card, Col, Descriptions, Empty, Input, List, Row, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useBatchSearch, useTraceBatch, useTraceDelivery } from '../api';
import { CustomerTrace } from '../components/CustomerTrace';
import { QualityCard } from '../components/QualityCard';
import { DELIVERY_STATUS_COLORS, INSPECTION_COLORS } from '../constants';

/**
 * 追溯 (SPEC 3.5): batch number → deliveries and customers; delivery → its batches; and by customer:
 * every batch a customer received.
 */
export function TracePage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const batchNo = sp.get('batchNo') ?? '';
  const batchId = Number(sp.get('batchId')) || null;
  const deliveryId = Number(sp.get('deliveryId')) || null;
  const [input, setInput] = useState(batchNo);
  const search = useBatchSearch(batchNo);
  const hits = search.data?.items ?? [];
  const chosen = batchId ?? (hits.length === 1 ? hits[0].id : null);
  const trace = useTraceBatch(chosen);
  const back = useTraceDelivery(deliveryId);
  const byCustomer = sp.get('by') === 'customer';
  const customerId = Number(sp.get('customerId')) || null;
  const set = (k: string, v: string | number | null) => {
    const next = new URLSearchParams(sp);
    if (v === null || v === '') next.delete(k);
    else next.set(k, String(v));
    setSp(next);
  };
  const f = (k: string) => t(`fields.trace.${k}`);

  const batchTrace = (
    <>
      <Input.Search
        enterButton={t('common.search')}
        placeholder={t('trace.searchHint')}
        value={input}
        onChange={(e) => setInput(e.target.value)}
        onSearch={(v) => {
          const next = new URLSearchParams();
          if (v.trim()) next.set('batchNo', v.trim());
          setSp(next);
        }}
        style={{ maxWidth: 480, marginBottom: 16 }}
        data-testid="trace-search"
      />
      {batchNo && search.isSuccess && hits.length === 0 ? (
        <Alert type="info" showIcon title={t('trace.noBatch', { batchNo })} />
      ) : null}
      {hits.length > 1 ? (
        <List
          size="small"
          bordered
          header={t('trace.pickBatch')}
          dataSource={hits}
          style={{ marginBottom: 16 }}
          renderItem={(b) => (
            <List.Item onClick={() => set('batchId', b.id)} style={{ cursor: 'pointer' }}>
              {b.productCode} {b.productName} · {b.batchNo} {b.serialNo ?? ''}{' '}
              {b.expiryDate ? `· ${t('fields.trace.expiryDate')} ${b.expiryDate}` : ''}
            </List.Item>
          )}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24}>
          {trace.data ? (
            <Card size="small" title={t('trace.forward')} data-testid="trace-forward">
              <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={f('product')}>
                  {trace.data.batch.productCode} {trace.data.batch.productName}
                </Descriptions.Item>
                <Descriptions.Item label={f('batchNo')}>
                  {trace.data.batch.batchNo} {trace.data.batch.serialNo ?? ''}
                </Descriptions.Item>
                <Descriptions.Item label={f('expiryDate')}>{formatDate(trace.data.batch.expiryDate)}</Descriptions.Item>
                <Descriptions.Item label={f('summary')}>
                  {t('trace.summary', { customers: trace.data.customerCount, qty: trace.data.totalQty })}
                </Descriptions.Item>
              </Descriptions>
              <Table
                size="small"
                rowKey="deliveryId"
                pagination={false}
                dataSource={trace.data.deliveries}
                scroll={{ x: 'max-content' }}
                onRow={(r) => ({ onClick: () => set('deliveryId', r.deliveryId), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: f('deliveryNo'),
                    dataIndex: 'deliveryNo',
                    render: (v: string, r) => (
                      <Link to={`/deliveries/${r.deliveryId}`} onClick={(e) => e.stopPropagation()}>
                        {v}
                      </Link>
                    ),
                  },
                  { title: f('shippedAt'), dataIndex: 'shippedAt', render: formatDateTime },
                  {
                    title: f('customer'),
                    dataIndex: 'customerName',
                    // From a batch to one of its customers, and on to every batch that customer got.
                    render: (v: string, r) => (
                      <Typography.Link
                        onClick={(e) => {
                          e.stopPropagation();
                          setSp(new URLSearchParams({ by: 'customer', customerId: String(r.customerId) }));
                        }}
                      >
                        {v}
                      </Typography.Link>
                    ),
                  },
                  { title: f('orderNo'), dataIndex: 'orderNo' },
                  { title: f('qty'), dataIndex: 'qty', align: 'right' },
                  {
                    title: f('status'),
                    dataIndex: 'status',
                    render: (v: string) => (
                      <StatusTag dict="delivery.status" value={v} colors={DELIVERY_STATUS_COLORS} />
                    ),
                  },
                  {
                    title: f('inspection'),
                    dataIndex: 'inspectionStatus',
                    render: (v: string, r) => (
                      <>
                        <StatusTag dict="delivery.inspection" value={v} colors={INSPECTION_COLORS} />
                        {r.emergencyRelease === 'approved' ? (
                          <Tag color="magenta">{t('delivery.release.approved')}</Tag>
                        ) : null}
                      </>
                    ),
                  },
                ]}
              />
            </Card>
          ) : (
            <Empty description={t('trace.empty')} />
          )}
          {trace.data && chosen ? <QualityCard batchId={chosen} /> : null}
        </Col>
        <Col xs={24} style={{ marginTop: 16 }}>
          {back.data ? (
            <Card size="small" title={t('trace.backward', { no: back.data.delivery.no })} data-testid="trace-backward">
              <Table
                size="small"
                rowKey="lineNo"
                pagination={false}
                dataSource={back.data.lines}
                columns={[
                  { title: '#', dataIndex: 'lineNo', width: 40 },
                  { title: f('product'), key: 'p', render: (_, r) => `${r.productCode} ${r.productName}` },
                  {
                    title: f('batchNo'),
                    dataIndex: 'batchNo',
                    render: (v: string | null, r) =>
                      v ? (
                        <Typography.Link
                          onClick={() => setSp(new URLSearchParams({ batchNo: v, batchId: String(r.batchId) }))}
                        >
                          {v}
                        </Typography.Link>
                      ) : (
                        '-'
                      ),
                  },
                  { title: f('serialNo'), dataIndex: 'serialNo', render: orDash },
                  { title: f('expiryDate'), dataIndex: 'expiryDate', render: formatDate },
                  { title: f('qty'), dataIndex: 'qty', align: 'right' },
                ]}
              />
            </Card>
          ) : (
            <Typography.Text type="secondary">{t('trace.pickDelivery')}</Typography.Text>
          )}
        </Col>
      </Row>
    </>
  );

  return (
    <Card>
      <PageHeader title={t('menu.trace')} />
      <Tabs
        activeKey={byCustomer ? 'customer' : 'batch'}
        onChange={(k) => setSp(k === 'customer' ? new URLSearchParams({ by: 'customer' }) : new URLSearchParams())}
        items={[
          {
            key: 'batch',
            label: <span data-testid="trace-tab-batch">{t('trace.byBatch')}</span>,
            children: batchTrace,
          },
          {
            key: 'customer',
            label: <span data-testid="trace-tab-customer">{t('trace.byCustomer')}</span>,
            children: (
              <CustomerTrace
                customerId={customerId}
                onCustomer={(id) =>
                  setSp(new URLSearchParams(id ? { by: 'customer', customerId: String(id) } : { by: 'customer' }))
                }
                onBatch={(b) => setSp(new URLSearchParams({ batchNo: b.batchNo, batchId: String(b.batchId) }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
