import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../../app/api';
import { formatDate, orDash } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';

interface Entry {
  kind: string;
  id: number;
  no: string;
  date: string;
  status: string;
  customerName: string;
  summary: string | null;
}

/** Where each kind of card entry opens and how its status reads (a later kind, e.g. returns, adds a row). */
const KINDS: Record<string, { path: (id: number) => string; dict: string; color: string }> = {
  delivery: { path: (id) => `/deliveries/${id}`, dict: 'delivery.status', color: 'blue' },
  service_ticket: { path: (id) => `/service/tickets/${id}`, dict: 'qualityCard.ticketStatus', color: 'orange' },
  return_visit: { path: (id) => `/return-visits/${id}`, dict: 'visit.status', color: 'green' },
  complaint: { path: (id) => `/complaints/${id}`, dict: 'complaint.status', color: 'red' },
  sales_return: { path: (id) => `/returns/${id}`, dict: 'returns.status', color: 'purple' },
};

/** 产品质量跟踪卡 of one batch/serial: its deliveries and every ticket, visit, complaint and return about it. */
export function QualityCard({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['trace', 'card', batchId],
    queryFn: ({ signal }) => apiFetch<{ entries: Entry[] }>(`/api/trace/batches/${batchId}/card`, { signal }),
  });
  const f = (k: string) => t(`qualityCard.field.${k}`);
  return (
    <Card size="small" title={t('qualityCard.title')} style={{ marginTop: 16 }} data-testid="quality-card">
      <Table<Entry>
        size="small"
        rowKey={(r) => `${r.kind}-${r.id}`}
        loading={q.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={q.data?.entries ?? []}
        columns={[
          { title: f('date'), dataIndex: 'date', render: formatDate },
          {
            title: f('kind'),
            dataIndex: 'kind',
            render: (v: string) => (
              <Tag color={KINDS[v]?.color}>
                {t(`qualityCard.kind.${v}`, { defaultValue: t('qualityCard.kind.other') })}
              </Tag>
            ),
          },
          {
            title: f('no'),
            dataIndex: 'no',
            render: (v: string, r) => (KINDS[r.kind] ? <Link to={KINDS[r.kind].path(r.id)}>{v}</Link> : v),
          },
          { title: f('customer'), dataIndex: 'customerName' },
          {
            title: f('status'),
            dataIndex: 'status',
            render: (v: string, r) => <StatusTag dict={KINDS[r.kind]?.dict ?? 'qualityCard.kind'} value={v} />,
          },
          { title: f('summary'), dataIndex: 'summary', render: orDash },
        ]}
      />
    </Card>
  );
}
