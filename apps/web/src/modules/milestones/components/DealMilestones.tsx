import { Button, Card, DatePicker, Empty, Form, Modal, Progress, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate } from '../../../components/format';
import { validValues } from '../../../components/validValues.ts';
import { useMilestoneCommand, useMilestoneProcess, useMilestoneProcesses, useMilestoneTemplates } from '../api';
import { MILESTONE_HANDLE } from '../constants';
import type { MilestoneProcess } from '../types';
import { MilestoneProcessView } from './MilestoneProcessView';

function ProcessCard({ summary }: { summary: MilestoneProcess }) {
  const { t } = useTranslation();
  const detail = useMilestoneProcess(summary.id);
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Link to={`/milestones/${summary.id}`}>{summary.no}</Link>
          {summary.templateName}
          {summary.lateSteps ? <Tag color="error">{t('milestones.lateCount', { n: summary.lateSteps })}</Tag> : null}
          {summary.status === 'completed' ? <Tag color="success">{t('milestones.status.completed')}</Tag> : null}
        </Space>
      }
      extra={<Progress type="circle" size={32} percent={Math.round((summary.doneSteps / summary.totalSteps) * 100)} />}
    >
      {detail.data ? <MilestoneProcessView process={detail.data} /> : null}
    </Card>
  );
}

/** The post-sale processes of an order or contract, and starting one from a template. */
export function DealMilestones({ orderId, contractId }: { orderId?: number; contractId?: number }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const list = useMilestoneProcesses({ orderId, contractId, pageSize: 50 });
  const canStart = hasPermission(MILESTONE_HANDLE);
  const templates = useMilestoneTemplates(canStart);
  const command = useMilestoneCommand();
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ templateId: number; startDate: Dayjs }>();
  const start = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await command.mutateAsync({
        path: '/api/milestone-processes',
        body: { templateId: v.templateId, orderId, contractId, startDate: v.startDate.format('YYYY-MM-DD') },
      });
      setOpen(false);
    } catch (e) {
      handleError(e, { form });
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="deal-milestones">
      {canStart ? (
        <Button onClick={() => setOpen(true)} data-testid="milestone-start">
          {t('milestones.start.action')}
        </Button>
      ) : null}
      {items.length ? (
        items.map((p) => <ProcessCard key={p.id} summary={p} />)
      ) : (
        <Empty description={t('milestones.none')} />
      )}
      <Modal
        title={t('milestones.start.title')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void start()}
        confirmLoading={command.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ startDate: dayjs() }}>
          <Form.Item name="templateId" label={t('milestones.fields.template')} rules={[{ required: true }]}>
            <Select
              options={(templates.data?.items ?? [])
                .filter((x) => x.active)
                .map((x) => ({ value: x.id, label: x.name }))}
              data-testid="milestone-template"
            />
          </Form.Item>
          <Form.Item
            name="startDate"
            label={t('milestones.fields.startDate')}
            extra={t('milestones.start.hint', { date: formatDate(dayjs().format('YYYY-MM-DD')) })}
            rules={[{ required: true }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
