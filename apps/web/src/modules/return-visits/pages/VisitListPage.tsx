import { Card, Segmented, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { useVisitList, type VisitListItem } from '../api';

const STATUS_COLORS: Record<string, string> = { planned: 'blue', done: 'green', cancelled: 'default' };

/** 回访 list: mine or all in scope, by due date (overdue first), with the score of done visits. */
export function VisitListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sp, page, pageSize, patch } = useListUrlState();
  const mine = sp.get('mine') !== 'false';
  const status = sp.get('status') ?? 'planned';
  const query = useVisitList({
    mine: mine ? 'true' : 'false',
    ...(status === 'all' ? {} : { status }),
    page,
    pageSize,
  });
  const update = (changes: UrlPatch) => {
    if (!patch(changes, true)) void query.refetch();
  };
  const today = dayjs().format('YYYY-MM-DD');
  const label = (f: string) => t(`visit.field.${f}`);
  const columns: ColumnsType<VisitListItem> = [
    {
      title: label('customerName'),
      dataIndex: 'customerName',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/return-visits/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="visit-link">
          {v}
        </Link>
      ),
    },
    { title: label('subject'), dataIndex: 'subject' },
    {
      title: label('dueDate'),
      dataIndex: 'dueDate',
      render: (v: string, r) => (
        <>
          {formatDate(v)} {r.status === 'planned' && v < today ? <Tag color="red">{t('visit.overdue')}</Tag> : null}
          {r.status === 'planned' && v === today ? <Tag color="orange">{t('visit.dueToday')}</Tag> : null}
        </>
      ),
    },
    {
      title: label('status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag dict="visit.status" value={v} colors={STATUS_COLORS} />,
    },
    {
      title: label('satisfaction'),
      dataIndex: 'satisfaction',
      align: 'right',
      render: (v: number | null, r) =>
        v === null ? (
          r.outcome ? (
            t(`visit.outcome.${r.outcome}`)
          ) : (
            '-'
          )
        ) : (
          <Tag color={v <= 2 ? 'red' : v >= 4 ? 'green' : 'gold'}>{t('visit.score', { score: v })}</Tag>
        ),
    },
    { title: label('source'), dataIndex: 'sourceType', render: (v: string) => t(`visit.source.${v}`) },
    { title: label('ownerName'), dataIndex: 'ownerName' },
  ];
  return (
    <Card>
      <PageHeader title={t('menu.returnVisits')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={mine ? 'mine' : 'all'}
          onChange={(v) => update({ mine: v === 'mine' ? undefined : 'false' })}
          options={[
            { value: 'mine', label: t('visit.mine') },
            { value: 'all', label: t('visit.all') },
          ]}
          data-testid="visit-scope"
        />
        <Select
          value={status}
          style={{ minWidth: 140 }}
          onChange={(v) => update({ status: v === 'planned' ? undefined : v })}
          options={['planned', 'done', 'all'].map((s) => ({ value: s, label: t(`visit.filter.${s}`) }))}
          data-testid="visit-status"
        />
      </Space>
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<VisitListItem>
          data-testid="visit-table"
          rowTestId="visit-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/return-visits/${r.id}`)}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
    </Card>
  );
}
