import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Segmented, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { PageHeader } from '../../../components/PageHeader';
import { type SatisfactionRow, useSatisfaction } from '../../return-visits/api';
import { type ComplaintStat, useComplaintStats } from '../api';
import { SurveyModal } from '../components/SurveyModal';

const GROUPS = ['month', 'product', 'rep', 'engineer'] as const;

/** 满意度调查结果 by product / rep / engineer / month, and complaints verified or not per month. */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const [surveying, setSurveying] = useState(false);
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('month');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const q = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const results = useSatisfaction({ groupBy, ...q });
  const stats = useComplaintStats(q);
  const label = (f: string) => t(`satisfaction.field.${f}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <PageHeader
          title={t('menu.satisfaction')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSurveying(true)} data-testid="survey-new">
              {t('satisfaction.newSurvey')}
            </Button>
          }
        />
        <Space wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Segmented
            value={groupBy}
            onChange={(v) => setGroupBy(v as (typeof GROUPS)[number])}
            options={GROUPS.map((g) => ({ value: g, label: t(`satisfaction.groupBy.${g}`) }))}
            data-testid="satisfaction-group"
          />
        </Space>
        {results.isError ? (
          <QueryErrorResult error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Table<SatisfactionRow>
            size="small"
            rowKey="label"
            loading={results.isFetching}
            pagination={false}
            scroll={{ x: true }}
            dataSource={results.data?.items ?? []}
            data-testid="satisfaction-table"
            columns={[
              {
                title: t(`satisfaction.groupBy.${groupBy}`),
                dataIndex: 'label',
                render: (v: string) => v || t('satisfaction.none'),
              },
              { title: label('visits'), dataIndex: 'visits', align: 'right' },
              { title: label('average'), dataIndex: 'average', align: 'right' },
              { title: label('satisfied'), dataIndex: 'satisfied', align: 'right' },
              { title: label('low'), dataIndex: 'low', align: 'right' },
            ]}
          />
        )}
      </Card>
      <Card title={t('satisfaction.complaints')} size="small">
        <Table<ComplaintStat>
          size="small"
          rowKey={(r) => `${r.month}-${r.severity}`}
          loading={stats.isFetching}
          pagination={false}
          scroll={{ x: true }}
          dataSource={stats.data?.items ?? []}
          columns={[
            { title: label('month'), dataIndex: 'month' },
            { title: label('severity'), dataIndex: 'severity', render: (v: string) => t(`complaint.severity.${v}`) },
            { title: label('total'), dataIndex: 'total', align: 'right' },
            { title: label('verified'), dataIndex: 'verified', align: 'right' },
            { title: label('unverified'), dataIndex: 'unverified', align: 'right' },
            { title: label('open'), dataIndex: 'open', align: 'right' },
            { title: label('incidents'), dataIndex: 'incidents', align: 'right' },
          ]}
        />
      </Card>
      {surveying ? <SurveyModal onClose={() => setSurveying(false)} /> : null}
    </Space>
  );
}
