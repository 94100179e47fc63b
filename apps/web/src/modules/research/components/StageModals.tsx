import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput } from '../../../components/MoneyInput';
import { validValues } from '../../../components/validValues.ts';
import { type PromotionStage, useResearchWrite } from '../api';

/** Adds a stage (阶段性推广方案) with its own dates and budget. */
export function StageModal({
  promotionId,
  open,
  onClose,
}: {
  promotionId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ name: string; range: [Dayjs, Dayjs]; budget: string; plan?: string }>();
  const add = useResearchWrite<{
    _id: number;
    name: string;
    startDate: string;
    endDate: string;
    budget: string;
    plan?: string;
  }>('POST', (b) => `/api/promotions/${b._id}/stages`);
  return (
    <Modal
      open={open}
      title={t('research.addStage')}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={add.isPending}
      onOk={async () => {
        const values = await validValues(form);
        if (!values) return;
        const { range, ...v } = values;
        add.mutate(
          {
            _id: promotionId,
            ...v,
            budget: String(v.budget),
            startDate: range[0].format('YYYY-MM-DD'),
            endDate: range[1].format('YYYY-MM-DD'),
          },
          { onSuccess: onClose, onError: (e) => handleError(e, { form }) },
        );
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('research.fields.stage')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="stage-name" />
        </Form.Item>
        <Form.Item name="range" label={t('research.fields.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="budget" label={t('research.fields.budget')} rules={[{ required: true }]}>
          <MoneyInput testId="stage-budget" />
        </Form.Item>
        <Form.Item name="plan" label={t('research.fields.plan')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The effect evaluation (效果评估) of an approved stage: cost, leads, deals, revenue. */
export function EvaluationModal({ stage, onClose }: { stage: PromotionStage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ cost: string; leads: number; deals: number; revenue: string }>();
  const save = useResearchWrite<{
    _id: number;
    cost: string;
    leads: number;
    deals: number;
    revenue: string;
    version: number;
  }>('PUT', (b) => `/api/promotion-stages/${b._id}/evaluation`);
  return (
    <Modal
      open={!!stage}
      title={stage ? t('research.evaluateStage', { name: stage.name }) : ''}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={save.isPending}
      onOk={async () => {
        if (!stage) return;
        const v = await validValues(form);
        if (!v) return;
        save.mutate(
          { _id: stage.id, ...v, cost: String(v.cost), revenue: String(v.revenue), version: stage.version },
          { onSuccess: onClose, onError: (e) => handleError(e, { form }) },
        );
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          stage?.evaluatedAt
            ? { cost: stage.cost, leads: stage.leads, deals: stage.deals, revenue: stage.revenue }
            : undefined
        }
      >
        <Form.Item name="cost" label={t('research.fields.cost')} rules={[{ required: true }]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="leads" label={t('research.fields.leads')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="deals" label={t('research.fields.deals')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="revenue" label={t('research.fields.revenue')} rules={[{ required: true }]}>
          <MoneyInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
