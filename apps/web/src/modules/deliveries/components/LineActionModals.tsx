import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { INSPECTION_NEXT, type InspectionStatus } from '../constants';
import type { DeliveryLine } from '../types';

export interface LineModalProps {
  line: DeliveryLine | null;
  submitting: boolean;
  onClose: () => void;
}

/** 出厂检验: the next inspection result of a line (合格 / 不合格 / 待检 / 待处理 / 报废) with a note. */
export function InspectModal({
  line,
  submitting,
  onClose,
  onSubmit,
}: LineModalProps & { onSubmit: (v: { status: InspectionStatus; note?: string }) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ status: InspectionStatus; note?: string }>();
  const options = line ? (INSPECTION_NEXT[line.inspectionStatus as InspectionStatus] ?? []) : [];
  return (
    <Modal
      open={line !== null}
      title={
        line
          ? t('delivery.inspect.title', {
              lineNo: line.lineNo,
              product: `${line.productCode ?? ''} ${line.productName}`,
            })
          : ''
      }
      onCancel={onClose}
      onOk={async () => {
        const v = await validValues(form);
        if (v) onSubmit(v);
      }}
      confirmLoading={submitting}
      okButtonProps={buttonTestId('inspect-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="status"
          label={t('fields.delivery.inspectionStatus')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={options.map((s) => ({ value: s, label: t(`delivery.inspection.${s}`) }))}
            data-testid="inspect-status"
          />
        </Form.Item>
        <Form.Item name="note" label={t('fields.delivery.inspectionNote')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="inspect-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 紧急放行申请: the reason goods must ship before inspection; goes to 质管部 → 总经理 approval. */
export function ReleaseModal({
  line,
  submitting,
  onClose,
  onSubmit,
}: LineModalProps & { onSubmit: (reason: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={line !== null}
      title={line ? t('delivery.release.title', { lineNo: line.lineNo }) : ''}
      onCancel={onClose}
      onOk={async () => {
        const v = await validValues(form);
        if (v) onSubmit(v.reason.trim());
      }}
      confirmLoading={submitting}
      okButtonProps={buttonTestId('release-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('delivery.release.reason')}
          extra={t('delivery.release.hint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="release-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
