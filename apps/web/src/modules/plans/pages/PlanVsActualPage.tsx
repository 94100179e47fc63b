import { Card, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useVsActual } from '../api';
import { type Period, PeriodPicker } from '../components/PeriodPicker';
import { PlanRate as Rate } from '../components/PlanRate';
import type { VsActualRow } from '../types';

/** 计划完成情况: the plan in force against the indicator engine's actuals, at every level in scope. */
export function PlanVsActualPage() {
  const { t } = useTranslation();
  const now = new Date();
  const [p, setP] = useState<{ year: number; period: Period; index: number }>({
    year: now.getFullYear(),
    period: 'month',
    index: now.getMonth() + 1,
  });
  const q = useVsActual(p);
  const f = (k: string) => t(`plans.fields.${k}`);
  const columns: ColumnsType<VsActualRow> = [
    {
      key: 'name',
      title: f('row'),
      fixed: 'left',
      width: 150,
      render: (_: unknown, r) => (
        <span style={{ paddingLeft: r.depth * 14, fontWeight: r.kind === 'rep' ? 400 : 600 }}>{r.name}</span>
      ),
    },
    {
      title: f('targetAmount'),
      dataIndex: 'targetAmount',
      width: 140,
      align: 'right',
      render: (v) => <MoneyText value={v} />,
    },
    {
      title: f('actualAmount'),
      dataIndex: 'actualAmount',
      width: 140,
      align: 'right',
      render: (v) => <MoneyText value={v} />,
    },
    { title: f('amountRate'), dataIndex: 'amountRate', width: 170, render: (v: string | null) => <Rate value={v} /> },
    { title: f('targetCustomers'), dataIndex: 'targetCustomers', width: 100, align: 'right' },
    { title: f('actualCustomers'), dataIndex: 'actualCustomers', width: 100, align: 'right' },
    {
      title: f('customersRate'),
      dataIndex: 'customersRate',
      width: 170,
      render: (v: string | null) => <Rate value={v} />,
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.plansVsActual')}
        subTitle={q.data?.planVersion ? t('plans.inForce', { n: q.data.planVersion }) : undefined}
      />
      <PeriodPicker {...p} onChange={setP} />
      {q.data && q.data.planId === null ? (
        <Empty description={t('plans.noPlanInForce')} />
      ) : (
        <Table<VsActualRow>
          data-testid="vs-actual-table"
          size="small"
          rowKey="key"
          loading={q.isFetching}
          pagination={false}
          columns={columns}
          dataSource={q.data?.rows}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
