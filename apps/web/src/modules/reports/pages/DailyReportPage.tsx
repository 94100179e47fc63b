import { Card, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useDailyReport } from '../api';
import { FigureTable } from '../components/FigureTable';
import { ReportToolbar } from '../components/ReportToolbar';
import { useReportParams } from '../components/useReportParams';

/** 销售日报 (SPEC 5.1): one day per rep and per team, with the team total. */
export function DailyReportPage() {
  const { t } = useTranslation();
  const { query, departmentId, set } = useReportParams(['date']);
  const q = useDailyReport(query);
  const data = q.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="report-daily">
      <Card>
        <PageHeader
          title={t('menu.reportDaily')}
          subTitle={data ? `${data.department.name} · ${data.date}` : undefined}
          extra={
            <ReportToolbar
              path="daily"
              query={query}
              departments={data?.departments}
              departmentId={departmentId}
              onDepartment={(id) => set({ departmentId: id })}
              period={
                <DatePicker
                  data-testid="report-date"
                  allowClear={false}
                  value={query.date ? dayjs(query.date) : dayjs(data?.date)}
                  onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : undefined })}
                />
              }
            />
          }
        />
        {data ? (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <FigureTable rows={data.reps} nameTitle={t('report.rep')} testId="report-rep-row" />
            <FigureTable rows={data.teams} total={data.total} nameTitle={t('report.team')} testId="report-team-row" />
          </Space>
        ) : (
          <PageSpinner />
        )}
      </Card>
    </Space>
  );
}
