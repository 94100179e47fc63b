import { Badge, Card, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { docTypeLabelKey, FactValue } from '../../../components/ApprovalFacts';
import { APPROVAL_STATUS_COLORS, TASK_STATUS_COLORS } from '../../../components/ApprovalPanel';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { type InboxItem, type InboxStatus, useApprovalInbox, useApprovalInboxCount } from '../api';

const STATUSES: InboxStatus[] = ['pending', 'done'];
/** The fact that is "the amount" of a document, in order of preference. */
const AMOUNT_FACTS = ['totalGross', 'amount', 'creditLimit', 'newStandardPrice'];

function InboxTable({ status }: { status: InboxStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const query = useApprovalInbox(status, page, pageSize);

  if (query.isError && !query.data) {
    return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }

  const label = (f: string) => t(`approval.fields.${f}`);
  const columns: ColumnsType<InboxItem> = [
    {
      title: label('docType'),
      dataIndex: 'docType',
      width: 140,
      render: (v: string) => <span data-testid="approval-row-doctype">{t(docTypeLabelKey(v))}</span>,
    },
    {
      // The server renders the summary in the reader's language, amounts with separators.
      title: label('summary'),
      dataIndex: 'summary',
      render: (summary: string, r) => (
        <Link to={`/approvals/${r.instanceId}`} onClick={(e) => e.stopPropagation()} data-testid="approval-row-link">
          {summary}
        </Link>
      ),
    },
    {
      title: label('amount'),
      key: 'amount',
      align: 'right',
      render: (_, r) => {
        const fact = AMOUNT_FACTS.find((f) => f in r.facts);
        return fact ? (
          <span data-testid="approval-row-amount">
            <FactValue field={fact} value={r.facts[fact]} masked={r.maskedFacts?.includes(fact)} />
          </span>
        ) : (
          '-'
        );
      },
    },
    { title: label('step'), dataIndex: 'stepName' },
    { title: label('applicant'), dataIndex: 'applicantName' },
    { title: label('arrivedAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];
  if (status === 'done') {
    columns.push(
      {
        title: label('myDecision'),
        dataIndex: 'taskStatus',
        render: (v: string) => <Tag color={TASK_STATUS_COLORS[v]}>{t(`approval.taskStatus.${v}`)}</Tag>,
      },
      { title: label('actedAt'), dataIndex: 'actedAt', render: formatDateTime },
    );
  }
  columns.push({
    title: label('status'),
    dataIndex: 'status',
    render: (v: string) => (
      <Tag color={APPROVAL_STATUS_COLORS[v]} data-testid="approval-row-status">
        {t(`approval.status.${v}`, { defaultValue: v })}
      </Tag>
    ),
  });

  return (
    <DataTable<InboxItem>
      rowKey="taskId"
      rowTestId="approval-row"
      columns={columns}
      items={query.data?.items}
      total={query.data?.total ?? 0}
      totalCapped={query.data?.totalCapped}
      page={page}
      pageSize={pageSize}
      loading={query.isFetching}
      onRowClick={(r) => navigate(`/approvals/${r.instanceId}`)}
      onPageChange={(p, ps) => {
        const next = new URLSearchParams(sp);
        next.set('page', String(p));
        next.set('pageSize', String(ps));
        setSp(next);
      }}
    />
  );
}

export function MyApprovalsPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const raw = sp.get('tab') as InboxStatus | null;
  const status: InboxStatus = raw && STATUSES.includes(raw) ? raw : 'pending';
  const count = useApprovalInboxCount();

  return (
    <Card>
      <PageHeader title={t('menu.myApprovals')} />
      <Tabs
        activeKey={status}
        onChange={(key) => setSp({ tab: key })}
        items={STATUSES.map((s) => ({
          key: s,
          label: (
            <span data-testid={`tab-${s}`}>
              {t(`approval.inbox.${s}`)}
              {s === 'pending' && count.data?.total ? (
                <Badge count={count.data.total} size="small" style={{ marginInlineStart: 6 }} />
              ) : null}
            </span>
          ),
          children: status === s ? <InboxTable status={s} /> : null,
        }))}
      />
    </Card>
  );
}
