import { App, Button, Descriptions, Drawer, Modal, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime, orDash } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import {
  useRedeliver,
  useWebhookDeliveries,
  useWebhookDelivery,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../api';
import { DELIVERY_STATUS_COLORS, eventLabel } from '../labels';

const STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

/** An HTTP status as a coloured tag (2xx green), or "no answer" when the request never got one. */
export function HttpStatus({ code }: { code: number | null }) {
  const { t } = useTranslation();
  if (code === null) return <Tag>{t('integrations.deliveries.noResponse')}</Tag>;
  return <Tag color={code >= 200 && code < 300 ? 'green' : 'red'}>{`HTTP ${code}`}</Tag>;
}

/** One delivery opened: the exact body sent and every attempt. */
function DeliveryDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useWebhookDelivery(id);
  if (q.isPending) return <Spin />;
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const columns: ColumnsType<WebhookAttempt> = [
    { title: t('integrations.deliveries.attemptAt'), dataIndex: 'at', render: formatDateTime },
    {
      title: t('integrations.deliveries.statusCode'),
      dataIndex: 'statusCode',
      render: (c: number | null) => <HttpStatus code={c} />,
    },
    {
      title: t('integrations.deliveries.duration'),
      dataIndex: 'durationMs',
      render: (ms: number) => t('integrations.deliveries.ms', { ms }),
    },
    { title: t('integrations.deliveries.error'), dataIndex: 'error', render: orDash },
    {
      title: t('integrations.deliveries.response'),
      dataIndex: 'responseSnippet',
      render: (s: string | null) =>
        s ? (
          <Typography.Text style={{ maxWidth: 320, display: 'inline-block', wordBreak: 'break-all' }}>
            {s}
          </Typography.Text>
        ) : (
          '-'
        ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="delivery-detail">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('integrations.deliveries.eventId')}>
          <Typography.Text code>{q.data.eventId}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Table<WebhookAttempt>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={q.data.attemptLog}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('integrations.deliveries.noAttempts') }}
      />
      <Typography.Text type="secondary">{t('integrations.deliveries.payload')}</Typography.Text>
      <pre
        style={{
          margin: 0,
          padding: 8,
          background: 'rgba(0,0,0,0.03)',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {JSON.stringify(JSON.parse(q.data.payload), null, 2)}
      </pre>
    </Space>
  );
}

/** The delivery log of one endpoint (SPEC 1.11): status per event, attempts, redeliver. */
export function DeliveryLogDrawer({ endpoint, onClose }: { endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [opened, setOpened] = useState<WebhookDelivery | null>(null);
  const query = useWebhookDeliveries(endpoint?.id ?? null, { page, pageSize, status });
  const redeliver = useRedeliver();
  const handleError = useApiErrorHandler();

  const columns: ColumnsType<WebhookDelivery> = [
    {
      title: t('integrations.deliveries.event'),
      dataIndex: 'eventType',
      render: (type: string) => eventLabel(t, type),
    },
    {
      title: t('integrations.deliveries.status'),
      dataIndex: 'status',
      render: (s: string) => (
        <StatusTag
          dict="integrations.deliveryStatus"
          value={s}
          colors={DELIVERY_STATUS_COLORS}
          testId="delivery-status"
        />
      ),
    },
    { title: t('integrations.deliveries.attempts'), dataIndex: 'attempts' },
    {
      title: t('integrations.deliveries.lastResult'),
      key: 'last',
      render: (_, r) => (r.lastAttemptAt ? <HttpStatus code={r.lastStatusCode} /> : '-'),
    },
    { title: t('integrations.deliveries.lastAttemptAt'), dataIndex: 'lastAttemptAt', render: formatDateTime },
    { title: t('integrations.deliveries.nextAttemptAt'), dataIndex: 'nextAttemptAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpened(r)} data-testid="delivery-open">
            {t('integrations.deliveries.details')}
          </Button>
          <Button
            type="link"
            size="small"
            loading={redeliver.isPending && redeliver.variables === r.id}
            data-testid="delivery-redeliver"
            onClick={() =>
              redeliver.mutate(r.id, {
                onSuccess: (d) =>
                  d.status === 'delivered'
                    ? message.success(t('integrations.deliveries.redelivered'))
                    : message.warning(t('integrations.deliveries.redeliverFailed', { error: d.lastError ?? '' })),
                onError: (e) => handleError(e),
              })
            }
          >
            {t('integrations.deliveries.redeliver')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Drawer
      open={endpoint !== null}
      onClose={onClose}
      title={t('integrations.deliveries.title', { url: endpoint?.url ?? '' })}
      size={Math.min(1040, window.innerWidth)}
      destroyOnHidden
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('integrations.deliveries.status')}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(`integrations.deliveryStatus.${s}`) }))}
          onChange={(v) => {
            setPage(1);
            setStatus(v ?? undefined);
          }}
          data-testid="delivery-filter-status"
        />
        <Button onClick={() => void query.refetch()}>{t('common.reload')}</Button>
      </Space>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<WebhookDelivery>
          rowTestId="delivery-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          locale={{ emptyText: t('integrations.deliveries.empty') }}
          onPageChange={(p, ps) => {
            setPage(p);
            setPageSize(ps);
          }}
        />
      )}
      <Modal
        open={opened !== null}
        title={opened ? eventLabel(t, opened.eventType) : ''}
        onCancel={() => setOpened(null)}
        footer={null}
        width={Math.min(900, window.innerWidth)}
        destroyOnHidden
      >
        {opened ? <DeliveryDetail id={opened.id} /> : null}
      </Modal>
    </Drawer>
  );
}
