import { AGING_BUCKETS, type Measure } from '@sales/core';
import { Card, Col, Empty, Row } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useReceivablesAging } from '../api';
import type { Dashboard, DrillFilter, KeyValue } from '../types';
import { Chart } from './Chart';
import { channelOption, funnelOption, monthlyOption, monthsOf, pieOption, rankingOption } from './charts';
import { keyLabel } from './labels';

type Dim = 'rep' | 'department' | 'product' | 'category' | 'region';
const FILTER: Record<Dim, keyof DrillFilter> = {
  rep: 'repId',
  department: 'departmentId',
  product: 'productId',
  category: 'categoryId',
  region: 'region',
};

function Panel({ title, children, wide }: { title: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <Col xs={24} xl={wide ? 24 : 12}>
      <Card size="small" title={title} styles={{ body: { padding: 8 } }}>
        {children}
      </Card>
    </Col>
  );
}

export interface DashboardChartsProps {
  data: Dashboard;
  onDrill: (f: DrillFilter) => void;
  /** The plan series by month (SPEC 2.1 plan vs actual), wired by the plans module when present. */
  plan?: KeyValue[];
}

/** Every chart of the dashboard; a click opens the records behind the element clicked. */
export function DashboardCharts({ data, onDrill, plan }: DashboardChartsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const aging = useReceivablesAging(hasPermission('receivable.view'));
  const range = { from: data.from, to: data.to };
  const months = monthsOf(data.monthly.year);
  const monthRange = (i: number) => {
    const m = dayjs(`${months[i]}-01`);
    return { from: m.format('YYYY-MM-DD'), to: m.endOf('month').format('YYYY-MM-DD') };
  };
  const rows = (dim: Dim, list: KeyValue[]) =>
    list.map((r) => ({
      label: keyLabel(t, dim, r.key, data.labels),
      value: r.value,
      id: r.key === null ? '' : String(r.key),
    }));
  const byDim = (dim: Dim, measure: Measure) => (e: { id?: string }) => {
    if (!e.id) return;
    const v = dim === 'region' ? e.id : Number(e.id);
    onDrill({ measure, ...range, [FILTER[dim]]: v } as DrillFilter);
  };
  const empty = (list: unknown[]) => (list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null);
  const channels = [...new Set([...data.channels.leads, ...data.channels.deals].map((r) => String(r.key ?? '')))];
  return (
    <Row gutter={[12, 12]}>
      <Panel title={t('analytics.chart.salesTrend', { year: data.monthly.year })} wide>
        <Chart
          testId="chart-sales-trend"
          option={monthlyOption(t, 'sales_amount', data.monthly.year, {
            actual: data.monthly.salesAmount,
            lastYear: data.monthly.salesAmountLastYear,
            plan,
          })}
          onClick={(e) =>
            e.seriesName === t('analytics.series.actual') &&
            onDrill({ measure: 'sales_amount', ...monthRange(e.dataIndex) })
          }
        />
      </Panel>
      <Panel title={t('analytics.chart.volume')}>
        <Chart
          testId="chart-volume"
          option={monthlyOption(t, 'sales_volume', data.monthly.year, { actual: data.monthly.salesVolume })}
          onClick={(e) => onDrill({ measure: 'sales_volume', ...monthRange(e.dataIndex) })}
        />
      </Panel>
      {data.costVisible ? (
        <Panel title={t('analytics.chart.margin')}>
          <Chart
            testId="chart-margin"
            option={monthlyOption(t, 'gross_margin', data.monthly.year, { actual: data.monthly.grossMargin })}
            onClick={(e) => onDrill({ measure: 'gross_margin', ...monthRange(e.dataIndex) })}
          />
        </Panel>
      ) : null}
      <Panel title={t('analytics.chart.newCustomers')}>
        <Chart
          testId="chart-new-customers"
          option={monthlyOption(t, 'new_customers', data.monthly.year, {
            actual: data.monthly.newCustomers,
            lastYear: data.monthly.newCustomersLastYear,
          })}
          onClick={(e) =>
            e.seriesName === t('analytics.series.actual') &&
            onDrill({ measure: 'new_customers', ...monthRange(e.dataIndex) })
          }
        />
      </Panel>
      <Panel
        title={
          data.funnel[0] ? `${t('analytics.chart.funnel')} · ${data.funnel[0].pipeline}` : t('analytics.chart.funnel')
        }
      >
        {empty(data.funnel) ?? (
          <Chart
            testId="chart-funnel"
            option={funnelOption(data.funnel.map((s) => ({ label: s.name, value: s.value, id: String(s.stageId) })))}
            onClick={(e) => e.id && onDrill({ measure: 'stage_entries', ...range, stageId: Number(e.id) })}
          />
        )}
      </Panel>
      <Panel title={t('analytics.chart.channels')}>
        {empty(channels) ?? (
          <Chart
            testId="chart-channels"
            option={channelOption(
              t,
              channels,
              channels.map((c) => keyLabel(t, 'channel', c || null, data.labels)),
              data.channels.leads,
              data.channels.deals,
            )}
            onClick={(e) =>
              channels[e.dataIndex] &&
              onDrill({
                measure: e.seriesName === t('analytics.series.deals') ? 'lead_deals' : 'leads',
                ...range,
                channel: channels[e.dataIndex],
              })
            }
          />
        )}
      </Panel>
      <Panel title={t('analytics.chart.byRep')}>
        {empty(data.byRep) ?? (
          <Chart
            testId="chart-by-rep"
            option={rankingOption('sales_amount', rows('rep', data.byRep))}
            onClick={byDim('rep', 'sales_amount')}
          />
        )}
      </Panel>
      <Panel title={t('analytics.chart.byDepartment')}>
        {empty(data.byDepartment) ?? (
          <Chart
            testId="chart-by-department"
            option={rankingOption('sales_amount', rows('department', data.byDepartment))}
            onClick={byDim('department', 'sales_amount')}
          />
        )}
      </Panel>
      <Panel title={t('analytics.chart.byProduct')}>
        {empty(data.byProduct) ?? (
          <Chart
            testId="chart-by-product"
            option={rankingOption('sales_amount', rows('product', data.byProduct))}
            onClick={byDim('product', 'sales_amount')}
          />
        )}
      </Panel>
      <Panel title={t('analytics.chart.byRegion')}>
        {empty(data.byRegion) ?? (
          <Chart
            testId="chart-by-region"
            option={rankingOption('sales_amount', rows('region', data.byRegion))}
            onClick={byDim('region', 'sales_amount')}
          />
        )}
      </Panel>
      <Panel title={t('analytics.chart.byCategory')}>
        {empty(data.byCategory) ?? (
          <Chart
            testId="chart-by-category"
            option={pieOption('sales_amount', rows('category', data.byCategory))}
            onClick={byDim('category', 'sales_amount')}
          />
        )}
      </Panel>
      {aging.data ? (
        <Panel title={t('analytics.chart.aging')}>
          <Chart
            testId="chart-aging"
            option={rankingOption(
              'collections',
              AGING_BUCKETS.map((b) => ({
                label: t(`finance.bucket.${b}`),
                value: aging.data.totals[b] ?? '0',
                id: b,
              })),
            )}
            onClick={() => navigate('/finance/receivables')}
          />
        </Panel>
      ) : null}
    </Row>
  );
}
