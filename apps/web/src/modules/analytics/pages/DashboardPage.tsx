import { ANALYTICS_PERIODS, type AnalyticsPeriod } from '@sales/core';
import { Card, Col, DatePicker, Empty, Row, Segmented, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useMonthlyTargets } from '../../plans/api';
import { useDashboard } from '../api';
import { monthsOf } from '../components/charts';
import { DashboardCharts } from '../components/DashboardCharts';
import { Kpis } from '../components/Kpis';
import type { DrillFilter } from '../types';

const PICKER: Record<AnalyticsPeriod, 'month' | 'quarter' | 'year'> = {
  month: 'month',
  quarter: 'quarter',
  half: 'month',
  year: 'year',
};

/** 报表分析 dashboard (SPEC 5.1): one period, one department within scope; every element drills down. */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const [params, setParams] = useSearchParams();
  const period = (ANALYTICS_PERIODS as readonly string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as AnalyticsPeriod)
    : 'month';
  const date = params.get('date') ?? undefined;
  const departmentId = params.get('departmentId') ? Number(params.get('departmentId')) : undefined;
  const q = useDashboard({ period, date, departmentId });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v === undefined ? next.delete(k) : next.set(k, v);
    setParams(next, { replace: true });
  };
  const drill = (f: DrillFilter) => {
    const s = new URLSearchParams();
    const withDept = departmentId !== undefined && f.departmentId === undefined ? { ...f, departmentId } : f;
    for (const [k, v] of Object.entries(withDept)) if (v !== undefined && v !== null) s.set(k, String(v));
    navigate(`/analytics/records?${s}`);
  };
  const tree = useMemo(() => {
    const ds = q.data?.departments ?? [];
    const ids = new Set(ds.map((d) => d.id));
    type Node = { value: number; title: string; children: Node[] };
    const nodes = new Map<number, Node>(ds.map((d) => [d.id, { value: d.id, title: d.name, children: [] }]));
    const roots: Node[] = [];
    for (const d of ds) {
      const n = nodes.get(d.id) as Node;
      if (d.parentId !== null && ids.has(d.parentId)) nodes.get(d.parentId)?.children.push(n);
      else roots.push(n);
    }
    return roots;
  }, [q.data?.departments]);
  const data = q.data;
  // SPEC 2.1 plan vs actual: the plan in force's monthly amounts beside the actual sales.
  const targets = useMonthlyTargets(data?.monthly.year, departmentId, hasPermission('plan.view'));
  const planLine = targets.data?.amounts?.map((value, i) => ({ key: monthsOf(data?.monthly.year ?? '')[i], value }));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="analytics-dashboard">
      <Card>
        <PageHeader
          title={t('menu.dashboard')}
          subTitle={data ? t('analytics.range', { from: data.from, to: data.to }) : undefined}
          extra={
            <>
              <Segmented
                data-testid="analytics-period"
                value={period}
                options={ANALYTICS_PERIODS.map((p) => ({ value: p, label: t(`analytics.period.${p}`) }))}
                onChange={(v) => set({ period: String(v) === 'month' ? undefined : String(v) })}
              />
              <DatePicker
                data-testid="analytics-date"
                picker={PICKER[period]}
                allowClear={false}
                value={date ? dayjs(date) : dayjs()}
                onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : undefined })}
              />
              <TreeSelect
                data-testid="analytics-department"
                style={{ minWidth: 160 }}
                allowClear
                treeDefaultExpandAll
                placeholder={t('analytics.allDepartments')}
                treeData={tree}
                value={departmentId}
                onChange={(v) => set({ departmentId: v === undefined || v === null ? undefined : String(v) })}
              />
            </>
          }
        />
        {data ? <Kpis data={data} onDrill={drill} /> : <PageSpinner />}
      </Card>
      {data ? (
        <DashboardCharts data={data} onDrill={drill} plan={planLine} />
      ) : q.isError ? (
        <Row>
          <Col span={24}>
            <Empty />
          </Col>
        </Row>
      ) : null}
    </Space>
  );
}
