import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import { WORKPLAN_STATUS_COLORS } from '../constants';
import type { WorkPlan } from '../types';

/** Columns of a work-plan list (mine: without the rep). */
export function workPlanColumns(t: TFunction, withRep: boolean): ColumnsType<WorkPlan> {
  const f = (k: string) => t(`workPlans.fields.${k}`);
  return [
    { title: f('month'), dataIndex: 'month', width: 90 },
    ...(withRep
      ? [
          { title: f('rep'), dataIndex: 'userName', width: 100 },
          { title: f('dept'), dataIndex: 'deptName', width: 120 },
        ]
      : []),
    {
      title: f('status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <StatusTag dict="workPlans.status" value={v} colors={WORKPLAN_STATUS_COLORS} />,
    },
    { title: f('goals'), dataIndex: 'goals', width: 280, ellipsis: true },
    {
      title: f('customers'),
      dataIndex: 'customers',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? '-',
    },
    {
      title: f('activities'),
      dataIndex: 'activities',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? '-',
    },
    { title: f('submittedAt'), dataIndex: 'submittedAt', width: 160, render: (v: string | null) => formatDateTime(v) },
  ];
}
