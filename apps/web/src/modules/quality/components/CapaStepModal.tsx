import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useQualityCommand } from '../api';
import type { CapaDetail } from '../types';

export type CapaStep = 'implement' | 'verify' | 'reject' | 'due';

/** The owner's implementation, the verification (effective or not), or a new due date with its reason. */
export function CapaStepModal({ capa, step, onClose }: { capa: CapaDetail; step: CapaStep; onClose: () => void }) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ note?: string; reason?: string; dueDate?: Dayjs }>();
  const command = useQualityCommand();
  const f = (k: string) => t(`quality.fields.${k}`);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = step === 'due' ? { dueDate: v.dueDate?.format('YYYY-MM-DD'), reason: v.reason } : { note: v.note };
    try {
      await command.mutateAsync({ path: `/capas/${capa.id}/${step}`, body: { ...body, version: capa.version } });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  const noteLabel = { implement: 'implementationNote', verify: 'verificationNote', reject: 'rejectReason', due: '' }[
    step
  ];
  return (
    <Modal
      open
      {...fit}
      title={t(`quality.steps.${step}`)}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={{ danger: step === 'reject', ...buttonTestId(`capa-${step}-ok`) }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={step === 'due' ? { dueDate: dayjs(capa.dueDate) } : {}}>
        {step === 'due' ? (
          <>
            <Form.Item name="dueDate" label={f('dueDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="reason" label={f('dueReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="capa-due-reason" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="note" label={f(noteLabel)} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={step === 'implement' ? 4000 : 2000} data-testid={`capa-${step}-note`} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
