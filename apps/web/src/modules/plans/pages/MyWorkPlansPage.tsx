import { Card, Descriptions, Divider } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { useMissingWorkPlans, useWorkPlans } from '../api';
import { WorkPlanForm } from '../components/WorkPlanForm';
import { workPlanColumns } from '../components/workPlanColumns';
import type { WorkPlan } from '../types';

/** 我的月度工作计划: write next month's plan (draft or submit) and read the past ones. */
export function MyWorkPlansPage() {
  const { t } = useTranslation();
  const { page, pageSize, patch } = useListUrlState();
  const list = useWorkPlans({ page, pageSize, mine: 1 });
  const due = useMissingWorkPlans(undefined);
  const [editing, setEditing] = useState<WorkPlan | null>(null);
  return (
    <Card>
      <PageHeader title={t('menu.workPlansMine')} />
      {due.data ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('workPlans.upcoming')}>{due.data.month}</Descriptions.Item>
          <Descriptions.Item label={t('workPlans.dueDate')}>{due.data.dueDate}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <WorkPlanForm draft={editing} onDone={() => setEditing(null)} />
      <Divider />
      <DataTable<WorkPlan>
        data-testid="my-workplans-table"
        columns={workPlanColumns(t, false)}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onRowClick={(r) => setEditing(r.status === 'draft' ? r : null)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
    </Card>
  );
}
