import { Card, DatePicker, Space, Statistic, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { useEventCosts, useRepCosts } from '../api';
import type { EventCost, RepCost } from '../types';

const CATEGORIES = ['invitation', 'event', 'promotion', 'travel', 'entertainment'] as const;

function useColumns() {
  const { t } = useTranslation();
  // The event's page is for those who see events (finance analyses costs without event.view).
  const seesEvents = useAuth().hasPermission('event.view');
  const a = (k: string) => t(`expenses.analysis.${k}`);
  const amount = (v: string | null) => (v === null ? a('noFigure') : <MoneyText value={v} />);
  const rep: ColumnsType<RepCost> = [
    { title: a('rep'), dataIndex: 'repName', key: 'rep', width: 100 },
    { title: t('expenses.fields.dept'), dataIndex: 'deptName', key: 'dept', width: 110 },
    ...CATEGORIES.map((c) => ({
      title: t(`expenses.category.${c}`),
      key: c,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: RepCost) => <MoneyText value={r.byCategory[c]} />,
    })),
    { title: a('spent'), dataIndex: 'spent', key: 'spent', width: 120, align: 'right', render: amount },
    { title: a('acquired'), dataIndex: 'acquired', key: 'acquired', width: 90, align: 'right' },
    {
      title: a('perCustomer'),
      dataIndex: 'perCustomer',
      key: 'perCustomer',
      width: 120,
      align: 'right',
      render: amount,
    },
  ];
  const event: ColumnsType<EventCost> = [
    {
      title: t('expenses.fields.event'),
      dataIndex: 'theme',
      key: 'theme',
      width: 200,
      ellipsis: true,
      render: (v: string, r) => (seesEvents ? <Link to={`/events/${r.eventId}`}>{v}</Link> : v),
    },
    { title: a('startsAt'), dataIndex: 'startsAt', key: 'startsAt', width: 110, render: (v: string) => formatDate(v) },
    { title: a('budget'), dataIndex: 'budget', key: 'budget', width: 120, align: 'right', render: amount },
    { title: a('spent'), dataIndex: 'spent', key: 'spent', width: 120, align: 'right', render: amount },
    { title: a('attended'), dataIndex: 'attended', key: 'attended', width: 90, align: 'right' },
    { title: a('deals'), dataIndex: 'deals', key: 'deals', width: 90, align: 'right' },
    {
      title: a('perAttendee'),
      dataIndex: 'perAttendee',
      key: 'perAttendee',
      width: 110,
      align: 'right',
      render: amount,
    },
    { title: a('perDeal'), dataIndex: 'perDeal', key: 'perDeal', width: 120, align: 'right', render: amount },
  ];
  return { rep, event };
}

/**
 * 费用分析 (SPEC 5.3; seed 001 费用控制 4: 定期对销售费用进行分析和评估): what approved and paid claims
 * spent in a period, per person with the cost of one customer acquired, and per event with its
 * budget, attendees and deals.
 */
export function CostAnalysisPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { sp, page, pageSize, patch } = useListUrlState();
  const tab = search.get('tab') ?? 'reps';
  const range = { from: sp.get('from') ?? undefined, to: sp.get('to') ?? undefined };
  const params = { ...range, page, pageSize };
  const reps = useRepCosts(params);
  const events = useEventCosts(params);
  const columns = useColumns();
  const a = (k: string) => t(`expenses.analysis.${k}`);
  const shown = reps.data ?? events.data;
  const paging = (p: number, ps: number) =>
    patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false);
  return (
    <Card>
      <PageHeader title={a('title')}>
        <Space wrap>
          <DatePicker.RangePicker
            value={shown ? [dayjs(shown.from), dayjs(shown.to)] : null}
            allowClear={false}
            onChange={(v) =>
              patch({ from: v?.[0]?.format('YYYY-MM-DD') ?? undefined, to: v?.[1]?.format('YYYY-MM-DD') ?? undefined })
            }
            data-testid="analysis-period"
          />
          <Typography.Text type="secondary">{a('hint')}</Typography.Text>
        </Space>
      </PageHeader>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(search);
          next.set('tab', k);
          next.delete('page');
          setSearch(next, { replace: true });
        }}
        items={[
          {
            key: 'reps',
            label: <span data-testid="tab-reps">{a('byRep')}</span>,
            children: reps.isError ? (
              <QueryErrorResult error={reps.error} onRetry={() => void reps.refetch()} />
            ) : (
              <>
                <Space size="large" wrap style={{ marginBottom: 16 }} data-testid="analysis-summary">
                  <Statistic title={a('spent')} value={reps.data?.summary.spent ?? '0.00'} prefix="¥" precision={2} />
                  <Statistic title={a('acquired')} value={reps.data?.summary.acquired ?? 0} />
                  <Statistic
                    title={a('perCustomer')}
                    value={reps.data?.summary.perCustomer ?? a('noFigure')}
                    prefix={reps.data?.summary.perCustomer ? '¥' : undefined}
                    precision={reps.data?.summary.perCustomer ? 2 : undefined}
                  />
                </Space>
                <DataTable<RepCost>
                  data-testid="analysis-reps"
                  rowKey="repId"
                  columns={columns.rep}
                  items={reps.data?.items}
                  total={reps.data?.total ?? 0}
                  totalCapped={reps.data?.totalCapped}
                  page={page}
                  pageSize={pageSize}
                  loading={reps.isFetching}
                  cardTitleKey="rep"
                  onPageChange={paging}
                />
              </>
            ),
          },
          {
            key: 'events',
            label: <span data-testid="tab-events">{a('byEvent')}</span>,
            children: events.isError ? (
              <QueryErrorResult error={events.error} onRetry={() => void events.refetch()} />
            ) : (
              <DataTable<EventCost>
                data-testid="analysis-events"
                rowKey="eventId"
                columns={columns.event}
                items={events.data?.items}
                total={events.data?.total ?? 0}
                totalCapped={events.data?.totalCapped}
                page={page}
                pageSize={pageSize}
                loading={events.isFetching}
                cardTitleKey="theme"
                onPageChange={paging}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
