import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Form, Input, List, Modal, Space, Tabs, Upload } from 'antd';
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
import {
  type MissingReport,
  type ResearchReport,
  useMissingReports,
  useReport,
  useReports,
  useResearchWrite,
} from '../api';
import { PeriodSelect, recentPeriods, usePeriodLabel } from '../components/period';

const COLORS = { draft: 'default', submitted: 'green', missing: 'red' };
const toBase64 = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(',')[1] ?? '');
    r.onerror = reject;
    r.readAsDataURL(f);
  });

/** A report: findings, attachments; its owner edits, attaches and submits while it is a draft. */
function ReportDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const q = useReport(id);
  const label = usePeriodLabel();
  const [form] = Form.useForm<{ title: string; findings: string }>();
  const save = useResearchWrite<{ _id: number; title: string; findings: string; version: number }>(
    'PUT',
    (b) => `/api/research-reports/${b._id}`,
  );
  const submit = useResearchWrite<{ _id: number; version: number }>(
    'POST',
    (b) => `/api/research-reports/${b._id}/submit`,
  );
  const attach = useResearchWrite<{ _id: number; file: { fileName: string; mimeType: string; contentBase64: string } }>(
    'POST',
    (b) => `/api/research-reports/${b._id}/attachments`,
  );
  const r = q.data;
  const mine = r && r.ownerId === me?.id && r.status === 'draft';
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={r ? `${label(r.period)} · ${r.title}` : ''}
      destroyOnHidden
    >
      {r ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item
              label={t('research.fields.owner')}
            >{`${r.ownerName}（${r.deptName}）`}</Descriptions.Item>
            <Descriptions.Item label={t('research.fields.status')}>
              <StatusTag dict="research.reportStatus" value={r.status} colors={COLORS} />
            </Descriptions.Item>
            <Descriptions.Item label={t('research.fields.submittedAt')}>
              {formatDateTime(r.submittedAt)}
            </Descriptions.Item>
          </Descriptions>
          {mine ? (
            <Form form={form} layout="vertical" initialValues={{ title: r.title, findings: r.findings }}>
              <Form.Item name="title" label={t('research.fields.title')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="findings" label={t('research.fields.findings')}>
                <Input.TextArea rows={8} maxLength={20000} data-testid="report-findings" />
              </Form.Item>
              <Space wrap>
                <Button
                  onClick={async () => {
                    const v = await form.validateFields();
                    save.mutate(
                      { _id: r.id, ...v, version: r.version },
                      {
                        onSuccess: () => message.success(t('research.saved')),
                        onError: (e) => handleError(e, { form }),
                      },
                    );
                  }}
                >
                  {t('common.save')}
                </Button>
                <Button
                  type="primary"
                  data-testid="report-submit"
                  onClick={() =>
                    submit.mutate(
                      { _id: r.id, version: r.version },
                      {
                        onSuccess: () => message.success(t('research.submitted')),
                        onError: (e) => handleError(e, { form }),
                      },
                    )
                  }
                >
                  {t('research.submit')}
                </Button>
                <Upload
                  accept=".pdf,.png,.jpg,.jpeg,.webp"
                  showUploadList={false}
                  beforeUpload={async (file) => {
                    attach.mutate(
                      {
                        _id: r.id,
                        file: { fileName: file.name, mimeType: file.type, contentBase64: await toBase64(file) },
                      },
                      { onSuccess: () => message.success(t('research.attached')), onError: (e) => handleError(e) },
                    );
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t('research.attach')}</Button>
                </Upload>
              </Space>
            </Form>
          ) : (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('research.fields.findings')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{r.findings || '-'}</span>
              </Descriptions.Item>
            </Descriptions>
          )}
          <List
            header={t('research.attachments')}
            size="small"
            bordered
            dataSource={r.attachments ?? []}
            locale={{ emptyText: t('research.noAttachments') }}
            renderItem={(a) => (
              <List.Item>
                <a href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer">
                  {a.fileName}
                </a>
                <span>{formatDateTime(a.createdAt)}</span>
              </List.Item>
            )}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}

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
        const v = await form.validateFields();
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
