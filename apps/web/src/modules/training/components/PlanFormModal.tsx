import { TRAINING_KINDS, TRAINING_METHODS } from '@sales/core';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useTrainingCommand } from '../api';
import type { TrainingPlan } from '../types';

interface FormValues {
  title: string;
  kind: string;
  goals: string;
  content: string;
  method: string;
  trainer: string;
  schedule: [Dayjs, Dayjs];
}

/** A training plan (seed 001 培训计划: 培训目标、内容、方式、时间、师资), new or changed. */
export function PlanFormModal({
  plan,
  onClose,
  onSaved,
}: {
  plan?: TrainingPlan;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const command = useTrainingCommand<TrainingPlan>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const f = (k: string) => t(`training.fields.${k}`);
  const initial: Partial<FormValues> = plan
    ? { ...plan, schedule: [dayjs(plan.startsOn), dayjs(plan.endsOn)] }
    : { kind: 'in_service', method: 'internal' };
  const save = async (v: FormValues) => {
    const body = {
      title: v.title,
      kind: v.kind,
      goals: v.goals,
      content: v.content,
      method: v.method,
      trainer: v.trainer,
      startsOn: v.schedule[0].format('YYYY-MM-DD'),
      endsOn: v.schedule[1].format('YYYY-MM-DD'),
    };
    try {
      const saved = plan
        ? await command.mutateAsync({
            path: `/training/plans/${plan.id}`,
            method: 'PUT',
            body: { ...body, version: plan.version },
          })
        : await command.mutateAsync({ path: '/training/plans', body });
      message.success(t('training.saved'));
      onSaved?.(saved.id);
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };
  return (
    <Modal
      open
      width={720}
      title={plan ? t('training.editPlan') : t('training.newPlan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('plan-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={command.isPending}>
        <Form.Item name="title" label={f('title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="kind" label={f('kind')} rules={[{ required: true }]}>
          <Select
            data-testid="plan-kind"
            options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="goals" label={f('goals')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="plan-goals" />
        </Form.Item>
        <Form.Item name="content" label={f('content')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="plan-content" />
        </Form.Item>
        <Form.Item name="method" label={f('method')} rules={[{ required: true }]}>
          <Select
            data-testid="plan-method"
            options={TRAINING_METHODS.map((m) => ({ value: m, label: t(`training.method.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="trainer" label={f('trainer')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="plan-trainer" />
        </Form.Item>
        <Form.Item name="schedule" label={f('schedule')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="plan-schedule" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
