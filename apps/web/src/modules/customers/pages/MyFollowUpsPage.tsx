import { Badge, Card, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OUTCOME_COLORS } from '../../../app/dictionaries';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type FollowUpStatus, type MyFollowUp, useMyFollowUps } from '../api';

const STATUSES: FollowUpStatus[] = ['due', 'overdue', 'upcoming'];

function FollowUpTable({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const query = useMyFollowUps(status, page, pageSize);

  if (query.isError && !query.data) {
    return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }

  const columns: ColumnsType<MyFollowUp> = [
    {
      title: t('fields.followUp.nextActionDate'),
      dataIndex: 'nextActionDate',
      width: 120,
      render: formatDate,
    },
    { title: t('fields.followUp.nextAction'), dataIndex: 'nextAction', render: orDash },
    {
      title: t('fields.followUp.customer'),
      dataIndex: 'customerName',
      render: (name: string, r) => (
        <Link to={`/customers/${r.customerId}?tab=followups`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('fields.customer.no'), dataIndex: 'customerNo' },
    {
      title: t('fields.followUp.type'),
      dataIndex: 'type',
      render: (v) => <StatusTag dict="dict.followUpType" value={v} />,
    },
    {
      title: t('fields.followUp.outcome'),
      dataIndex: 'outcome',
      render: (v) => <StatusTag dict="dict.followUpOutcome" value={v} colors={OUTCOME_COLORS} />,
    },
    {
      title: t('fields.followUp.content'),
      dataIndex: 'content',
      ellipsis: true,
      width: 320,
    },
    { title: t('fields.followUp.contactName'), dataIndex: 'contactName', render: orDash },
    { title: t('fields.followUp.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];

  return (
    <DataTable<MyFollowUp>
      rowTestId="followup-row"
      columns={columns}
      items={query.data?.items}
      total={query.data?.total ?? 0}
      totalCapped={query.data?.totalCapped}
      page={page}
      pageSize={pageSize}
      loading={query.isFetching}
      onRowClick={(r) => navigate(`/customers/${r.customerId}?tab=followups`)}
      onPageChange={(p, ps) => {
        const next = new URLSearchParams(sp);
        next.set('page', String(p));
        next.set('pageSize', String(ps));
        setSp(next);
      }}
    />
  );
}

export function MyFollowUpsPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const raw = sp.get('status') as FollowUpStatus | null;
  const status: FollowUpStatus = raw && STATUSES.includes(raw) ? raw : 'due';
  const colors: Record<FollowUpStatus, string> = { due: 'blue', overdue: 'red', upcoming: 'green' };

  return (
    <Card>
      <PageHeader title={t('menu.myFollowUps')} />
      <Tabs
        activeKey={status}
        onChange={(key) => setSp({ status: key })}
        items={STATUSES.map((s) => ({
          key: s,
          label: (
            <span data-testid={`tab-${s}`}>
              <Badge color={colors[s]} /> {t(`followUp.status.${s}`)}
            </span>
          ),
          children: status === s ? <FollowUpTable status={s} /> : null,
        }))}
      />
    </Card>
  );
}
