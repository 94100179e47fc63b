import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { validValues } from '../../../components/validValues.ts';
import {
  type MissingRow,
  type MonthlyReport,
  useMissingReports,
  useMonthlyReports,
  useMyMonthlyReport,
  useSaveMonthlyReport,
} from '../api';

const pre = (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>;

/** My report of the month, with next month's plan (月度工作报告, due by the 25th). */
function MineTab({ month }: { month?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const q = useMyMonthlyReport(month);
  const save = useSaveMonthlyReport();
  const [form] = Form.useForm<{ summary: string; nextMonthPlan: string }>();
  const report = q.data?.report ?? null;
  useEffect(() => {
    form.setFieldsValue({ summary: report?.summary, nextMonthPlan: report?.nextMonthPlan });
  }, [report, form]);
  if (!q.data) return null;
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 800 }}>
      {report ? (
        <Typography.Paragraph type="secondary" data-testid="report-submitted">
          {t('worklogs.reportSubmittedAt', { at: formatDateTime(report.submittedAt) })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="summary"
        label={t('worklogs.fields.summary')}
        rules={[{ required: true, message: t('worklogs.summaryRequired') }]}
      >
        <Input.TextArea rows={6} maxLength={8000} data-testid="report-summary" />
      </Form.Item>
      <Form.Item
        name="nextMonthPlan"
        label={t('worklogs.fields.nextMonthPlan')}
        rules={[{ required: true, message: t('worklogs.planRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={8000} data-testid="report-plan" />
      </Form.Item>
      <Button
        type="primary"
        loading={save.isPending}
        data-testid="report-submit"
        onClick={async () => {
          const v = await validValues(form);
          if (!v) return;
          save.mutate(
            { month: q.data.month, ...v, version: report?.version ?? 0 },
            { onSuccess: () => message.success(t('worklogs.reportSaved')), onError: (e) => handleError(e, { form }) },
          );
        }}
      >
        {t(report ? 'worklogs.reportUpdate' : 'worklogs.reportSubmit')}
      </Button>
    </Form>
  );
}

function ListTab({ month }: { month?: string }) {
  const { t } = useTranslation();
  const { page, pageSize, patch } = useListUrlState();
  const q = useMonthlyReports({ month, page, pageSize });
  const [open, setOpen] = useState<MonthlyReport | null>(null);
  const f = (k: string) => t(`worklogs.fields.${k}`);
  const columns: ColumnsType<MonthlyReport> = [
    { title: f('month'), dataIndex: 'month', width: 100 },
    { title: f('user'), dataIndex: 'userName', width: 110 },
    { title: f('dept'), dataIndex: 'deptName', width: 140 },
    { title: f('summary'), dataIndex: 'summary', ellipsis: true, width: 300 },
    { title: f('submittedAt'), dataIndex: 'submittedAt', width: 160, render: formatDateTime },
  ];
  return (
    <>
      <DataTable<MonthlyReport>
        rowTestId="report-row"
        columns={columns}
        items={q.data?.items}
        total={q.data?.total ?? 0}
        totalCapped={q.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={q.isFetching}
        onRowClick={setOpen}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        title={open ? `${open.userName} · ${open.month}` : ''}
        size="large"
      >
        {open ? (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={f('summary')}>{pre(open.summary)}</Descriptions.Item>
            <Descriptions.Item label={f('nextMonthPlan')}>{pre(open.nextMonthPlan)}</Descriptions.Item>
            <Descriptions.Item label={f('submittedAt')}>{formatDateTime(open.submittedAt)}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Drawer>
    </>
  );
}

function MissingTab({ month }: { month?: string }) {
  const { t } = useTranslation();
  const q = useMissingReports(month);
  const f = (k: string) => t(`worklogs.fields.${k}`);
  const columns: ColumnsType<MissingRow> = [
    { title: f('user'), dataIndex: 'userName', width: 140 },
    { title: f('dept'), dataIndex: 'deptName', width: 200 },
  ];
  return (
    <DataTable<MissingRow>
      rowTestId="missing-row"
      columns={columns}
      items={q.data?.items}
      total={q.data?.items.length ?? 0}
      totalCapped={q.data?.more}
      loading={q.isFetching}
      locale={{ emptyText: t('worklogs.noneMissing') }}
    />
  );
}

/** 月度工作报告: mine, the reports in scope, and who has not handed this month's in (SPEC 5.1). */
export function MonthlyReportsPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [sp, setSp] = useSearchParams();
  const canWrite = hasPermission('worklog.write');
  const raw = sp.get('tab');
  const tab = raw === 'list' || raw === 'missing' ? raw : canWrite ? 'mine' : 'list';
  const month = sp.get('month') ?? undefined;
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(sp);
    next.set(k, v);
    next.delete('page');
    setSp(next);
  };
  const tabs = [
    ...(canWrite
      ? [{ key: 'mine', label: t('worklogs.reportMine'), children: tab === 'mine' ? <MineTab month={month} /> : null }]
      : []),
    { key: 'list', label: t('worklogs.reportList'), children: tab === 'list' ? <ListTab month={month} /> : null },
    {
      key: 'missing',
      label: t('worklogs.reportMissing'),
      children: tab === 'missing' ? <MissingTab month={month} /> : null,
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.monthlyReports')}
        extra={
          <DatePicker
            picker="month"
            allowClear={false}
            value={month ? dayjs(`${month}-01`) : dayjs()}
            onChange={(d) => d && set('month', d.format('YYYY-MM'))}
            data-testid="report-month"
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        items={tabs.map((x) => ({ ...x, label: <span data-testid={`tab-${x.key}`}>{x.label}</span> }))}
      />
    </Card>
  );
}
