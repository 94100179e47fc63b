import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { usePlanList } from '../api';
import { NewPlanModal } from '../components/NewPlanModal';
import { PLAN_CREATE, PLAN_STATUS_COLORS } from '../constants';
import type { PlanListItem } from '../types';

/** 年度销售计划: every version in scope, latest year first. */
export function PlanListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { page, pageSize, patch } = useListUrlState();
  const list = usePlanList({ page, pageSize });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`plans.fields.${k}`);
  const columns: ColumnsType<PlanListItem> = [
    { title: f('year'), dataIndex: 'year', width: 80 },
    {
      title: f('title'),
      dataIndex: 'title',
      width: 220,
      ellipsis: true,
      render: (v: string, r) => <Link to={`/plans/${r.id}`}>{v}</Link>,
    },
    {
      title: f('planVersion'),
      dataIndex: 'planVersion',
      width: 80,
      render: (v: number) => t('plans.versionNo', { n: v }),
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 110,
      render: (v: string) => <StatusTag dict="plans.status" value={v} colors={PLAN_STATUS_COLORS} />,
    },
    {
      title: f('targetAmount'),
      dataIndex: 'targetAmount',
      width: 150,
      align: 'right',
      render: (v: string | null) => (v === null ? '-' : <MoneyText value={v} />),
    },
    { title: f('targetCustomers'), dataIndex: 'targetCustomers', width: 110, align: 'right', render: (v) => v ?? '-' },
    { title: f('createdBy'), dataIndex: 'createdByName', width: 100 },
    { title: f('approvedAt'), dataIndex: 'approvedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.plans')}
        extra={
          hasPermission(PLAN_CREATE) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
              {t('plans.new')}
            </Button>
          ) : null
        }
      />
      <DataTable<PlanListItem>
        data-testid="plans-table"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onRowClick={(r) => navigate(`/plans/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      <NewPlanModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
