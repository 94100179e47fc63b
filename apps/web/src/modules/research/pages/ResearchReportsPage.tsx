import { Button, Card, Form, Input, Modal, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDate, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { validValues } from '../../../components/validValues.ts';
import { type MissingReport, type ResearchReport, useMissingReports, useReports, useResearchWrite } from '../api';
import { PeriodSelect, recentPeriods, usePeriodLabel } from '../components/period';
import { REPORT_COLORS, ReportDrawer } from '../components/ReportDrawer';

const COLORS = REPORT_COLORS;
function NewReportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ period: string; title: string; findings?: string }>();
  const create = useResearchWrite<{ period: string; title: string; findings?: string }>(
    'POST',
    () => '/api/research-reports',
  );
  return (
    <Modal
      open={open}
      title={t('research.newReport')}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={create.isPending}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        create.mutate(v, { onSuccess: () => onClose(), onError: (e) => handleError(e, { form }) });
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ period: recentPeriods(1)[0] }}>
        <Form.Item name="period" label={t('research.fields.period')} rules={[{ required: true }]}>
          <PeriodSelect testId="report-period" />
        </Form.Item>
        <Form.Item name="title" label={t('research.fields.title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="report-title" />
        </Form.Item>
        <Form.Item name="findings" label={t('research.fields.findings')}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 市场调研报告 (SPEC 2.2; seed 003: one every half-year): the reports in scope and who has not handed one in. */
export function ResearchReportsPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [sp, setSp] = useSearchParams();
  const { page, pageSize, patch } = useListUrlState();
  const label = usePeriodLabel();
  const period = sp.get('period') ?? undefined;
  const tab = sp.get('tab') === 'missing' ? 'missing' : 'list';
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const reports = useReports({ period, page, pageSize });
  const missing = useMissingReports(period);
  const f = (k: string) => t(`research.fields.${k}`);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setSp(next);
  };
  const columns: ColumnsType<ResearchReport> = [
    { title: f('title'), dataIndex: 'title', width: 260, ellipsis: true },
    { title: f('period'), dataIndex: 'period', width: 140, render: label },
    { title: f('owner'), dataIndex: 'ownerName', width: 110 },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 100,
      render: (v) => <StatusTag dict="research.reportStatus" value={v} colors={COLORS} />,
    },
    { title: f('submittedAt'), dataIndex: 'submittedAt', width: 160, render: formatDateTime },
  ];
  const missingColumns: ColumnsType<MissingReport> = [
    { title: f('period'), dataIndex: 'period', width: 140, render: label },
    { title: f('owner'), dataIndex: 'userName', width: 120 },
    { title: f('dept'), dataIndex: 'deptName', width: 160 },
    { title: f('due'), dataIndex: 'due', width: 120, render: formatDate },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 100,
      render: (v) => <StatusTag dict="research.reportStatus" value={v} colors={COLORS} />,
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.researchReports')}
        extra={[
          <PeriodSelect key="p" value={period} allowClear onChange={(v) => set('period', v)} testId="period-filter" />,
          hasPermission('research.write') ? (
            <Button key="n" type="primary" onClick={() => setCreating(true)} data-testid="new-report">
              {t('research.newReport')}
            </Button>
          ) : null,
        ]}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'list' ? undefined : k)}
        items={[
          {
            key: 'list',
            label: t('research.reportList'),
            children: (
              <DataTable<ResearchReport>
                rowTestId="report-row"
                columns={columns}
                items={reports.data?.items}
                total={reports.data?.total ?? 0}
                totalCapped={reports.data?.totalCapped}
                page={page}
                pageSize={pageSize}
                loading={reports.isFetching}
                onRowClick={(r) => setOpen(r.id)}
                onPageChange={(p, ps) =>
                  patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
                }
              />
            ),
          },
          {
            key: 'missing',
            label: <span data-testid="tab-missing">{t('research.missing')}</span>,
            children: (
              <DataTable<MissingReport>
                rowTestId="missing-row"
                columns={missingColumns}
                items={missing.data?.items}
                rowKey={(r) => `${r.period}-${r.userId}`}
                loading={missing.isFetching}
                locale={{ emptyText: t('research.noneMissing') }}
              />
            ),
          },
        ]}
      />
      <ReportDrawer id={open} onClose={() => setOpen(null)} />
      <NewReportModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
