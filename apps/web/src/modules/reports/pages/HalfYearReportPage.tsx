import { Card, Col, DatePicker, Descriptions, Row, Segmented, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useHalfYearReport } from '../api';
import { count, money, percent } from '../components/format';
import { ReportToolbar } from '../components/ReportToolbar';
import { ReviewCard } from '../components/ReviewCard';
import { useReportParams } from '../components/useReportParams';
import type { HalfYearReport } from '../types';

type Product = HalfYearReport['best'][number];

/** 半年分析 (SPEC 5.1): six-month trend, best/worst products, channels, regions, and the written review. */
export function HalfYearReportPage() {
  const { t } = useTranslation();
  const { query, departmentId, set } = useReportParams(['date']);
  const q = useHalfYearReport(query);
  const data = q.data;
  const date = dayjs(query.date ?? data?.from);
  const year = date.isValid() ? date : dayjs();
  const half = year.month() < 6 ? 1 : 2;
  const pickHalf = (y: number, h: number) => set({ date: `${y}-${h === 1 ? '01' : '07'}-01` });
  const productColumns = [
    { key: 'name', dataIndex: 'name', title: t('report.col.product') },
    {
      key: 'amount',
      title: t('report.col.amount'),
      align: 'right' as const,
      render: (_: unknown, p: Product) => money(p.amount),
    },
  ];
  const blank = () => t('report.unassigned');
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="report-half">
      <Card>
        <PageHeader
          title={t('menu.reportHalfYear')}
          subTitle={data ? `${data.department.name} · ${data.from} ~ ${data.to}` : undefined}
          extra={
            <ReportToolbar
              path="half-year"
              query={query}
              departments={data?.departments}
              departmentId={departmentId}
              onDepartment={(id) => set({ departmentId: id })}
              period={
                <>
                  <DatePicker
                    picker="year"
                    allowClear={false}
                    value={year}
                    onChange={(d) => d && pickHalf(d.year(), half)}
                    data-testid="report-year"
                  />
                  <Segmented
                    value={half}
                    options={[
                      { value: 1, label: t('report.half1') },
                      { value: 2, label: t('report.half2') },
                    ]}
                    onChange={(v) => pickHalf(year.year(), Number(v))}
                    data-testid="report-half-picker"
                  />
                </>
              }
            />
          }
        />
        {data ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="report-half-totals">
            <Descriptions.Item label={t('report.col.amount')}>{money(data.totals.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('report.col.volume')}>{count(data.totals.volume)}</Descriptions.Item>
            <Descriptions.Item label={t('report.col.newCustomers')}>
              {count(data.totals.newCustomers)}
            </Descriptions.Item>
            <Descriptions.Item label={t('report.col.leads')}>{count(data.totals.leads)}</Descriptions.Item>
            <Descriptions.Item label={t('report.col.deals')}>{count(data.totals.deals)}</Descriptions.Item>
            <Descriptions.Item label={t('report.col.conversion')}>{percent(data.totals.conversion)}</Descriptions.Item>
          </Descriptions>
        ) : (
          <PageSpinner />
        )}
      </Card>
      {data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('report.section.trend')}>
              <Table
                size="small"
                pagination={false}
                rowKey="month"
                dataSource={data.trend}
                columns={[
                  {
                    key: 'month',
                    title: t('report.col.month'),
                    render: (_, m) => dayjs(`${m.month}-01`).format(t('report.monthFormat')),
                  },
                  { key: 'amount', title: t('report.col.amount'), align: 'right', render: (_, m) => money(m.amount) },
                  { key: 'volume', title: t('report.col.volume'), align: 'right', render: (_, m) => count(m.volume) },
                  {
                    key: 'nc',
                    title: t('report.col.newCustomers'),
                    align: 'right',
                    render: (_, m) => count(m.newCustomers),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('report.section.channels')}>
              <Table
                size="small"
                pagination={false}
                rowKey={(c) => c.channel ?? ''}
                dataSource={data.channels}
                columns={[
                  {
                    key: 'channel',
                    title: t('report.col.channel'),
                    render: (_, c) =>
                      c.channel ? t(`dict.source.${c.channel}`, { defaultValue: c.channel }) : blank(),
                  },
                  { key: 'leads', title: t('report.col.leads'), align: 'right', render: (_, c) => count(c.leads) },
                  { key: 'deals', title: t('report.col.deals'), align: 'right', render: (_, c) => count(c.deals) },
                  {
                    key: 'conv',
                    title: t('report.col.conversion'),
                    align: 'right',
                    render: (_, c) => percent(c.conversion),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('report.section.best')}>
              <Table size="small" pagination={false} rowKey="id" dataSource={data.best} columns={productColumns} />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('report.section.worst')}>
              <Table size="small" pagination={false} rowKey="id" dataSource={data.worst} columns={productColumns} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('report.section.regions')}>
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => r.region ?? ''}
                dataSource={data.regions}
                columns={[
                  {
                    key: 'region',
                    title: t('report.col.region'),
                    render: (_, r) => (r.region ? t(`dict.region.${r.region}`, { defaultValue: r.region }) : blank()),
                  },
                  { key: 'amount', title: t('report.col.amount'), align: 'right', render: (_, r) => money(r.amount) },
                  { key: 'volume', title: t('report.col.volume'), align: 'right', render: (_, r) => count(r.volume) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <ReviewCard
              period={data.period}
              departmentId={data.department.id}
              review={data.review}
              editable={data.departments.some((d) => d.id === data.department.id)}
            />
          </Col>
        </Row>
      ) : null}
    </Space>
  );
}
