import { ASSESSMENT_METHODS } from '@sales/core';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { useTrainingCommand } from '../api';
import type { TrainingSession } from '../types';

interface FormValues {
  topic: string;
  time: [Dayjs, Dayjs];
  location?: string;
  trainer?: string;
  assessmentMethod: string;
  passScore: number;
  participantIds?: number[];
}

/** A session of a plan: when and where, how it is assessed, the pass mark and who takes part. */
export function SessionFormModal({
  planId,
  session,
  onClose,
  onSaved,
}: {
  planId: number;
  session?: TrainingSession;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const command = useTrainingCommand<TrainingSession>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const f = (k: string) => t(`training.fields.${k}`);
  const initial: Partial<FormValues> = session
    ? {
        topic: session.topic,
        time: [dayjs(session.startsAt), dayjs(session.endsAt)],
        location: session.location ?? undefined,
        trainer: session.trainer ?? undefined,
        assessmentMethod: session.assessmentMethod,
        passScore: Number(session.passScore),
        participantIds: session.attendance.map((a) => a.userId),
      }
    : { assessmentMethod: 'exam', passScore: 60 };
  const save = async (v: FormValues) => {
    const body = {
      topic: v.topic,
      startsAt: v.time[0].toISOString(),
      endsAt: v.time[1].toISOString(),
      location: v.location || null,
      trainer: v.trainer || null,
      assessmentMethod: v.assessmentMethod,
      passScore: String(v.passScore),
      participantIds: v.participantIds ?? [],
    };
    try {
      const saved = session
        ? await command.mutateAsync({
            path: `/training/sessions/${session.id}`,
            method: 'PUT',
            body: { ...body, version: session.version },
          })
        : await command.mutateAsync({ path: `/training/plans/${planId}/sessions`, body });
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
      width={680}
      title={session ? t('training.editSession') : t('training.newSession')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('session-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={command.isPending}>
        <Form.Item name="topic" label={f('topic')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="session-topic" />
        </Form.Item>
        <Form.Item name={['time']} label={f('time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="session-time"
          />
        </Form.Item>
        <Form.Item name="location" label={f('location')}>
          <Input maxLength={200} data-testid="session-location" />
        </Form.Item>
        <Form.Item name="trainer" label={f('trainer')} extra={t('training.trainerHint')}>
          <Input maxLength={200} data-testid="session-trainer" />
        </Form.Item>
        <Form.Item name="assessmentMethod" label={f('assessmentMethod')} rules={[{ required: true }]}>
          <Select options={ASSESSMENT_METHODS.map((m) => ({ value: m, label: t(`training.assessment.${m}`) }))} />
        </Form.Item>
        <Form.Item name="passScore" label={f('passScore')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={1} style={{ width: 160 }} data-testid="session-pass" />
        </Form.Item>
        <Form.Item name="participantIds" label={f('participants')}>
          <UserSelect mode="multiple" testId="session-participants" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
