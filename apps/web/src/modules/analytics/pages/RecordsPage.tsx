import { MEASURES, type Measure } from '@sales/core';
import { Card, Descriptions, Space, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { formatDate, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { useAnalyticsRecords } from '../api';
import { formatValue } from '../components/labels';
import type { AnalyticsRecord } from '../types';

const LINKS: Record<string, (id: number) => string> = {
  order: (id) => `/orders/${id}`,
  sales_return: (id) => `/returns/${id}`,
  invoice: (id) => `/finance/invoices/${id}`,
  payment: (id) => `/finance/payments/${id}`,
  customer: (id) => `/customers/${id}`,
  quote: (id) => `/quotes/${id}`,
  opportunity: (id) => `/opportunities/${id}`,
  frontdesk_registration: (id) => `/front-desk/registrations/${id}`,
};

const linkOf = (r: AnalyticsRecord) =>
  LINKS[r.sourceType]?.(r.sourceId) ?? (r.customerId !== null ? `/customers/${r.customerId}` : null);

const FILTERS = [
  'departmentId',
  'repId',
  'productId',
  'categoryId',
  'region',
  'channel',
  'stageId',
  'customerId',
] as const;

/**
 * The records behind a figure (SPEC 5.1 drill-down): the same measure, period and filter as the
 * chart element clicked; the count and the sum shown equal the figure.
 */
export function RecordsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { page, pageSize, patch } = useListUrlState();
  const measure = (MEASURES as readonly string[]).includes(params.get('measure') ?? '')
    ? (params.get('measure') as Measure)
    : 'sales_amount';
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]));
  const list = useAnalyticsRecords({
    measure,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    ...filter,
    page,
    pageSize,
  });
  const f = (k: string) => t(`analytics.records.${k}`);
  const columns: ColumnsType<AnalyticsRecord> = [
    { title: f('date'), dataIndex: 'date', width: 110, render: (v: string) => formatDate(v) },
    { title: f('kind'), dataIndex: 'kind', width: 110, render: (v: string) => t(`analytics.kind.${v}`) },
    {
      title: f('document'),
      dataIndex: 'documentNo',
      width: 170,
      render: (v: string | null, r) => {
        const to = linkOf(r);
        return to ? <Link to={to}>{orDash(v ?? r.customerName)}</Link> : orDash(v);
      },
    },
    {
      title: f('customer'),
      dataIndex: 'customerName',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => orDash(v),
    },
    { title: f('rep'), dataIndex: 'repName', width: 100, render: (v: string | null) => orDash(v) },
    {
      title: t(`analytics.measure.${measure}`),
      dataIndex: 'value',
      width: 140,
      align: 'right',
      render: (v: string) => formatValue(measure, v),
    },
  ];
  const d = list.data;
  return (
    <Card>
      <PageHeader
        title={t('analytics.records.title', { measure: t(`analytics.measure.${measure}`) })}
        onBack={() => navigate(-1)}
      />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={f('period')}>
            {d ? t('analytics.range', { from: d.from, to: d.to }) : '-'}
          </Descriptions.Item>
        </Descriptions>
        <Space size={32} wrap>
          <Statistic title={f('count')} value={d?.total ?? 0} data-testid="records-total" />
          <Statistic
            title={t(`analytics.measure.${measure}`)}
            value={d ? formatValue(measure, d.sum) : '-'}
            data-testid="records-sum"
          />
        </Space>
        <DataTable<AnalyticsRecord>
          data-testid="analytics-records-table"
          columns={columns}
          items={d?.items}
          total={d?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={list.isFetching}
          onRowClick={(r) => {
            const to = linkOf(r);
            if (to) navigate(to);
          }}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      </Space>
    </Card>
  );
}
