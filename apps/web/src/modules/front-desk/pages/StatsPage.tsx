import { Card, Col, DatePicker, Row, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SOURCE_CHANNELS } from '../../../app/dictionaries';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { PageHeader } from '../../../components/PageHeader';
import { type Counts, useRegistrationStats } from '../api';
import { useCompanyToday } from '../components/useCompanyToday';

type StatRow = Counts & { key: string };

const DATE = 'YYYY-MM-DD';

/** 集客统计: visits, calls and new customers for a period, per channel and per day. */
export function StatsPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const today = useCompanyToday();
  const from = sp.get('from') ?? dayjs(today).startOf('month').format(DATE);
  const to = sp.get('to') ?? today;
  const query = useRegistrationStats(from, to);
  const data = query.data;

  const onRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    const next = new URLSearchParams(sp);
    if (range?.[0] && range[1]) {
      next.set('from', range[0].format(DATE));
      next.set('to', range[1].format(DATE));
    } else {
      next.delete('from');
      next.delete('to');
    }
    setSp(next, { replace: true });
  };

  const countCols = (): ColumnsType<StatRow> => [
    { title: t('frontDesk.stats.visits'), dataIndex: 'visits', align: 'right' },
    { title: t('frontDesk.stats.calls'), dataIndex: 'calls', align: 'right' },
    { title: t('frontDesk.stats.total'), key: 'total', align: 'right', render: (_, r) => r.visits + r.calls },
    { title: t('frontDesk.stats.newCustomers'), dataIndex: 'newCustomers', align: 'right' },
  ];
  const channelCols: ColumnsType<StatRow> = [
    { title: t('frontDesk.fields.channel'), dataIndex: 'key', render: (v: string) => t(`dict.source.${v}`) },
    ...countCols(),
  ];
  const dayCols: ColumnsType<StatRow> = [{ title: t('frontDesk.stats.date'), dataIndex: 'key' }, ...countCols()];

  const channelRows: StatRow[] = SOURCE_CHANNELS.map((ch) => ({
    key: ch,
    ...(data?.totals.byChannel[ch] ?? { visits: 0, calls: 0, newCustomers: 0 }),
  }));
  const dayRows: StatRow[] = [...(data?.days ?? [])]
    .reverse()
    .map((d) => ({ key: d.date, visits: d.visits, calls: d.calls, newCustomers: d.newCustomers }));
  const summary = () =>
    data ? (
      <Table.Summary.Row style={{ fontWeight: 600 }}>
        <Table.Summary.Cell index={0}>{t('frontDesk.stats.sum')}</Table.Summary.Cell>
        <Table.Summary.Cell index={1} align="right">
          {data.totals.visits}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={2} align="right">
          {data.totals.calls}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={3} align="right">
          {data.total}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={4} align="right">
          {data.totals.newCustomers}
        </Table.Summary.Cell>
      </Table.Summary.Row>
    ) : null;

  const stat = (title: string, value: number | undefined, testId: string) => (
    <Col xs={12} md={6} data-testid={testId}>
      <Card size="small">
        <Statistic title={title} value={value ?? 0} loading={query.isPending} />
      </Card>
    </Col>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader
          title={t('menu.frontDeskStats')}
          extra={
            <DatePicker.RangePicker
              value={[dayjs(from), dayjs(to)]}
              onChange={(v) => onRange(v)}
              allowClear={false}
              disabledDate={(d) => d.format(DATE) > today}
              data-testid="fd-stats-range"
            />
          }
        />
        {query.isError && !data ? (
          <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Row gutter={[16, 16]}>
            {stat(t('frontDesk.stats.total'), data?.total, 'fd-stats-total')}
            {stat(t('frontDesk.stats.visits'), data?.totals.visits, 'fd-stats-visits')}
            {stat(t('frontDesk.stats.calls'), data?.totals.calls, 'fd-stats-calls')}
            {stat(t('frontDesk.stats.newCustomers'), data?.totals.newCustomers, 'fd-stats-new')}
          </Row>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('frontDesk.stats.byChannel')} style={{ marginBottom: 16 }}>
            <Table<StatRow>
              data-testid="fd-stats-channels"
              size="small"
              pagination={false}
              loading={query.isFetching}
              columns={channelCols}
              dataSource={channelRows}
              summary={summary}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('frontDesk.stats.byDay')}>
            <Table<StatRow>
              data-testid="fd-stats-days"
              size="small"
              loading={query.isFetching}
              columns={dayCols}
              dataSource={dayRows}
              pagination={dayRows.length > 31 ? { pageSize: 31, showSizeChanger: false } : false}
              summary={summary}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
