import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Modal, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { buttonTestId } from '../../../components/testId';
import { useListUrlState } from '../../../components/useListUrlState';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues';
import { useAppraisalCommand, useAppraisalRuns, useRunSchemes } from '../api';
import { APPRAISAL_MANAGE, lastEnded, notEnded, periodParts, periodValue, RUN_STATUS_COLORS } from '../constants';
import type { AppraisalRun, AppraisalRunDetail } from '../types';

type Kind = 'month' | 'quarter' | 'year';

/** Runs a scheme over an ended period of its kind (month / quarter / year) for the people in the user's scope. */
function RunModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ schemeId: number; period: Dayjs }>();
  const command = useAppraisalCommand<AppraisalRunDetail>();
  const schemes = useRunSchemes(true);
  const schemeId = Form.useWatch('schemeId', form);
  const items = schemes.data?.items ?? [];
  const kind: Kind = items.find((s) => s.id === schemeId)?.periodKind ?? 'month';
  useEffect(() => {
    // The default scheme (the first) until the user picks another.
    if (items.length > 0 && form.getFieldValue('schemeId') === undefined)
      form.setFieldsValue({ schemeId: items[0].id, period: lastEnded(items[0].periodKind) });
  }, [items, form]);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      const run = await command.mutateAsync({
        path: '/appraisal-runs',
        body: { schemeId: v.schemeId, period: periodValue(kind, v.period) },
      });
      onDone(run.id);
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      open
      {...fit}
      title={t('appraisal.newRun')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={command.isPending}
      okButtonProps={{ ...buttonTestId('appraisal-run-ok'), disabled: items.length === 0 }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('appraisal.runHint')} />
      <Form form={form} layout="vertical">
        <Form.Item name="schemeId" label={t('appraisal.schemeField')} rules={[{ required: true }]}>
          <Select
            data-testid="appraisal-run-scheme"
            loading={schemes.isLoading}
            onChange={(id: number) => {
              const k = items.find((s) => s.id === id)?.periodKind ?? 'month';
              form.setFieldsValue({ period: lastEnded(k) });
            }}
            options={items.map((s) => ({
              value: s.id,
              label: `${s.name}（${t(`appraisal.periodKind.${s.periodKind}`)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('appraisal.fields.period')} rules={[{ required: true }]}>
          <DatePicker
            data-testid="appraisal-run-period"
            picker={kind}
            allowClear={false}
            inputReadOnly
            style={{ width: '100%' }}
            disabledDate={(d) => notEnded(kind, d)}
            format={(d) => periodParts(periodValue(kind, d)).period}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 绩效考核: the runs the user may open (a rep: those holding their own result), latest first. */
export function AppraisalListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const status = sp.get('status') ?? undefined;
  const list = useAppraisalRuns({ status, page, pageSize });
  const [running, setRunning] = useState(false);
  const f = (k: string) => t(`appraisal.fields.${k}`);
  const columns: ColumnsType<AppraisalRun> = [
    {
      title: f('period'),
      dataIndex: 'period',
      key: 'period',
      width: 130,
      render: (v: string, r) => (
        <Link to={`/appraisal/runs/${r.id}`}>{t('appraisal.periodLabel', periodParts(v))}</Link>
      ),
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <StatusTag dict="appraisal.runStatus" value={v} colors={RUN_STATUS_COLORS} />,
    },
    {
      title: f('champion'),
      dataIndex: 'championName',
      width: 110,
      render: (v: string | null) => v ?? t('appraisal.noChampion'),
    },
    { title: f('resultCount'), dataIndex: 'resultCount', width: 90, align: 'right' },
    { title: f('scheme'), dataIndex: 'schemeName', width: 180, ellipsis: true },
    { title: f('dept'), dataIndex: 'deptName', width: 120, ellipsis: true },
    { title: f('runBy'), dataIndex: 'runByName', width: 100 },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.appraisal')}
        extra={
          hasPermission(APPRAISAL_MANAGE) ? (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              onClick={() => setRunning(true)}
              data-testid="appraisal-new"
            >
              {t('appraisal.newRun')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={f('status')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => patch({ status: v })}
          options={['open', 'closed'].map((v) => ({ value: v, label: t(`appraisal.runStatus.${v}`) }))}
          data-testid="appraisal-filter-status"
        />
      </Flex>
      <DataTable<AppraisalRun>
        data-testid="appraisal-table"
        rowTestId="appraisal-row"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        cardTitleKey="period"
        onRowClick={(r) => navigate(`/appraisal/runs/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {running && <RunModal onClose={() => setRunning(false)} onDone={(id) => navigate(`/appraisal/runs/${id}`)} />}
    </Card>
  );
}
