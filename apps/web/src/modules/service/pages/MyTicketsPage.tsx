import { Card, Col, Form, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { FilterFields } from '../../../components/FilterFields';
import { formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useTicketList } from '../api';
import { SlaTag } from '../components/SlaTag';
import { PRIORITY_COLORS, TICKET_STATUS_COLORS, TICKET_STATUSES } from '../constants';
import type { TicketListItem } from '../types';
import { ToneLegend } from './TicketBoardPage';

/** 我的工单: the tickets assigned to the signed-in engineer, with both SLA clocks. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const status = sp.get('status') ?? undefined;
  const valid = status && (TICKET_STATUSES as readonly string[]).includes(status) ? status : undefined;
  const query = useTicketList({ engineerId: me?.id, status: valid as never, page, pageSize }, !!me);
  const f = (k: string) => t(`service.fields.${k}`);
  const columns: ColumnsType<TicketListItem> = [
    {
      title: f('no'),
      dataIndex: 'no',
      render: (v: string, r) => (
        <Link to={`/service/tickets/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="ticket-link">
          {v}
        </Link>
      ),
    },
    { title: f('subject'), dataIndex: 'subject' },
    {
      title: f('status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag dict="service.status" value={v} colors={TICKET_STATUS_COLORS} />,
    },
    {
      title: f('priority'),
      dataIndex: 'priority',
      render: (v: string) => <Tag color={PRIORITY_COLORS[v]}>{t(`service.priority.${v}`)}</Tag>,
    },
    { title: f('customer'), dataIndex: 'customerName' },
    {
      title: f('sla'),
      key: 'sla',
      render: (_, r) => (
        <Space size={4} wrap>
          <SlaTag metric="response" clock={r.sla.response} />
          <SlaTag metric="resolution" clock={r.sla.resolution} />
        </Space>
      ),
    },
    {
      title: f('warranty'),
      dataIndex: 'inWarranty',
      render: (v: boolean) => (v ? t('service.warranty.in') : t('service.warranty.out')),
    },
    { title: f('dueAt'), dataIndex: 'dueAt', render: (v: string | null) => orDash(v ? formatDateTime(v) : null) },
  ];
  return (
    <Card>
      <PageHeader title={t('menu.myTickets')} />
      <Form layout="vertical" initialValues={{ status: valid }} onValuesChange={(v) => patch({ status: v.status })}>
        <FilterFields testIdPrefix="my-tickets-filter" onReset={() => patch({ status: undefined })}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="status" label={f('status')}>
              <Select
                allowClear
                options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`service.status.${s}`) }))}
                data-testid="my-tickets-status"
              />
            </Form.Item>
          </Col>
        </FilterFields>
      </Form>
      <div style={{ marginBottom: 12 }}>
        <ToneLegend />
      </div>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<TicketListItem>
          data-testid="my-tickets-table"
          rowTestId="my-ticket-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/service/tickets/${r.id}`)}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
    </Card>
  );
}
