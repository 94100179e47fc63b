import { Alert, Card, Descriptions, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useLeadTargets } from '../api';
import { PeriodPicker } from '../components/PeriodPicker';
import type { LeadTargets } from '../types';

type Row = LeadTargets['rows'][number];

/**
 * 集客目标 (4S manual 1.1): lead target = deals target ÷ the lead-to-deal conversion of the last N
 * months, split across the consultants of the plan.
 */
export function LeadTargetPage() {
  const { t } = useTranslation();
  const now = new Date();
  const [p, setP] = useState({ year: now.getFullYear(), index: now.getMonth() + 1 });
  const q = useLeadTargets({ year: p.year, month: p.index });
  const d = q.data;
  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: t('plans.fields.row'),
      width: 160,
      render: (_: unknown, r) => (
        <span style={{ paddingLeft: r.depth * 14, fontWeight: r.kind === 'rep' ? 400 : 600 }}>{r.name}</span>
      ),
    },
    { title: t('plans.fields.dealTarget'), dataIndex: 'target', width: 120, align: 'right' },
    {
      title: t('plans.fields.leadTarget'),
      dataIndex: 'leadTarget',
      width: 120,
      align: 'right',
      render: (v: number | null) => (v === null ? '-' : <strong data-testid="lead-target">{v}</strong>),
    },
  ];
  return (
    <Card>
      <PageHeader title={t('menu.plansLeadTarget')} />
      <PeriodPicker year={p.year} period="month" index={p.index} periods={['month']} onChange={(v) => setP(v)} />
      {d ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('plans.fields.conversionPeriod')}>
            {t('plans.lastMonths', { n: d.months, from: d.from, to: d.to })}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.leads')}>{d.leads}</Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.deals')}>{d.deals}</Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.conversion')}>
            {d.rate === null ? '-' : `${(Number(d.rate) * 100).toFixed(2)}%`}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {d && d.rate === null ? (
        <Alert
          type="warning"
          showIcon
          message={t('plans.noConversion')}
          style={{ marginBottom: 12 }}
          data-testid="no-conversion"
        />
      ) : null}
      {d && d.planId === null ? (
        <Empty description={t('plans.noPlanInForce')} />
      ) : (
        <Table<Row>
          data-testid="lead-target-table"
          size="small"
          rowKey="key"
          loading={q.isFetching}
          pagination={false}
          columns={columns}
          dataSource={d?.rows}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
