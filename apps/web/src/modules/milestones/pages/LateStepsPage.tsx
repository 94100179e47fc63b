import { Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { formatDate, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { useLateSteps } from '../api';
import type { LateStep } from '../types';

/** 逾期步骤: every late step of the post-sale processes in scope, oldest due first (SPEC 4.5). */
export function LateStepsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { page, pageSize, patch } = useListUrlState();
  const list = useLateSteps({ page, pageSize });
  const f = (k: string) => t(`milestones.fields.${k}`);
  const columns: ColumnsType<LateStep> = [
    { title: f('step'), dataIndex: 'name', width: 160 },
    { title: f('dueDate'), dataIndex: 'dueDate', width: 120, render: (v: string) => formatDate(v) },
    { title: f('customer'), dataIndex: 'customerName', width: 200, ellipsis: true },
    {
      title: f('process'),
      dataIndex: 'processNo',
      width: 150,
      render: (v: string, r) => <Link to={`/milestones/${r.processId}`}>{v}</Link>,
    },
    { title: f('template'), dataIndex: 'templateName', width: 160 },
    { title: f('deal'), key: 'deal', width: 170, render: (_: unknown, r) => orDash(r.orderNo ?? r.contractNo) },
    { title: f('department'), dataIndex: 'departmentName', width: 140, render: (v: string | null) => orDash(v) },
    { title: f('owner'), dataIndex: 'ownerName', width: 100 },
  ];
  return (
    <Card>
      <PageHeader title={t('menu.milestonesLate')} />
      <DataTable<LateStep>
        data-testid="late-steps-table"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onRowClick={(r) => navigate(`/milestones/${r.processId}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
    </Card>
  );
}
