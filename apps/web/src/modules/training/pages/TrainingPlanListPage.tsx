import { PlusOutlined } from '@ant-design/icons';
import { TRAINING_KINDS } from '@sales/core';
import { Button, Card, Segmented } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { usePlanList } from '../api';
import { PlanFormModal } from '../components/PlanFormModal';
import { TRAINING_MANAGE } from '../constants';
import type { TrainingPlanRow } from '../types';

/** 培训计划: the plans in scope (organised, or attended by someone in scope), latest schedule first. */
export function TrainingPlanListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const kind = sp.get('kind') ?? undefined;
  const list = usePlanList({ page, pageSize, kind });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`training.fields.${k}`);
  const columns: ColumnsType<TrainingPlanRow> = [
    {
      title: f('title'),
      dataIndex: 'title',
      key: 'title',
      width: 260,
      ellipsis: true,
      render: (v: string, r) => <Link to={`/training/plans/${r.id}`}>{v}</Link>,
    },
    { title: f('kind'), dataIndex: 'kind', width: 110, render: (v: string) => t(`training.kind.${v}`) },
    { title: f('method'), dataIndex: 'method', width: 110, render: (v: string) => t(`training.method.${v}`) },
    {
      title: f('schedule'),
      dataIndex: 'startsOn',
      width: 210,
      render: (_: string, r) => t('training.range', { from: formatDate(r.startsOn), to: formatDate(r.endsOn) }),
    },
    { title: f('trainer'), dataIndex: 'trainer', width: 160, ellipsis: true },
    { title: f('owner'), dataIndex: 'ownerName', width: 100 },
    {
      title: f('sessions'),
      dataIndex: 'sessions',
      width: 110,
      align: 'right',
      render: (v: number, r) => t('training.sessionsDone', { done: r.completed, total: v }),
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.trainingPlans')}
        extra={
          hasPermission(TRAINING_MANAGE) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
              {t('training.newPlan')}
            </Button>
          ) : null
        }
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={kind ?? 'all'}
        onChange={(v) => patch({ kind: v === 'all' ? undefined : String(v) })}
        options={[
          { value: 'all', label: t('training.allKinds') },
          ...TRAINING_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) })),
        ]}
        data-testid="plan-kind-filter"
      />
      <DataTable<TrainingPlanRow>
        data-testid="plans-table"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="title"
        onRowClick={(r) => navigate(`/training/plans/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {creating && (
        <PlanFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/training/plans/${id}`)} />
      )}
    </Card>
  );
}
