import { Card, DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useWeeklyReport } from '../api';
import { DealTable } from '../components/DealTable';
import { FigureTable } from '../components/FigureTable';
import { ReportToolbar } from '../components/ReportToolbar';
import { useReportParams } from '../components/useReportParams';

/** 周报 for the Monday meeting (SPEC 5.1): last week against the week before, and the week's new deals. */
export function WeeklyReportPage() {
  const { t } = useTranslation();
  const { query, departmentId, set } = useReportParams(['date']);
  const q = useWeeklyReport(query);
  const data = q.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="report-weekly">
      <Card>
        <PageHeader
          title={t('menu.reportWeekly')}
          subTitle={
            data
              ? t('report.weekRange', {
                  from: data.from,
                  to: data.to,
                  prevFrom: data.previousWeek.from,
                  prevTo: data.previousWeek.to,
                })
              : undefined
          }
          extra={
            <ReportToolbar
              path="weekly"
              query={query}
              departments={data?.departments}
              departmentId={departmentId}
              onDepartment={(id) => set({ departmentId: id })}
              period={
                <DatePicker
                  picker="week"
                  data-testid="report-week"
                  allowClear={false}
                  value={dayjs(query.date ?? data?.from)}
                  onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : undefined })}
                />
              }
            />
          }
        />
        {data ? (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <FigureTable rows={data.reps} nameTitle={t('report.rep')} testId="report-rep-row" compare />
            <FigureTable
              rows={data.teams}
              total={data.total}
              previousTotal={data.previousTotal}
              nameTitle={t('report.team')}
              testId="report-team-row"
              compare
            />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('report.newDeals', { n: data.deals.length })}
            </Typography.Title>
            <DealTable items={data.deals} />
          </Space>
        ) : (
          <PageSpinner />
        )}
      </Card>
    </Space>
  );
}
