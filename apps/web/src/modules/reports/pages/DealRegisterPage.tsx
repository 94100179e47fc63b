import { Alert, Card, DatePicker, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useDealRegister } from '../api';
import { DealTable } from '../components/DealTable';
import { count, money } from '../components/format';
import { ReportToolbar } from '../components/ReportToolbar';
import { useReportParams } from '../components/useReportParams';

/** 成交客户登记表 (SPEC 5.1): the deals booked in the period, with cancellations and returns netting out. */
export function DealRegisterPage() {
  const { t } = useTranslation();
  const { query, departmentId, set } = useReportParams(['from', 'to']);
  const q = useDealRegister(query);
  const data = q.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="report-deals">
      <Card>
        <PageHeader
          title={t('menu.reportDeals')}
          subTitle={data ? `${data.department.name} · ${data.from} ~ ${data.to}` : undefined}
          extra={
            <ReportToolbar
              path="deals"
              query={query}
              departments={data?.departments}
              departmentId={departmentId}
              onDepartment={(id) => set({ departmentId: id })}
              period={
                <DatePicker.RangePicker
                  allowClear={false}
                  data-testid="report-range"
                  value={data ? [dayjs(data.from), dayjs(data.to)] : undefined}
                  onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
                />
              }
            />
          }
        />
        {data ? (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Space size={32} wrap>
              <Statistic title={t('report.register.amount')} value={money(data.amount)} />
              <Statistic title={t('report.register.orders')} value={count(data.orders)} />
            </Space>
            {data.truncated ? (
              <Alert
                type="warning"
                showIcon
                message={t('report.truncated', { n: data.items.length, total: data.total })}
              />
            ) : null}
            <DealTable items={data.items} full />
          </Space>
        ) : (
          <PageSpinner />
        )}
      </Card>
    </Space>
  );
}
