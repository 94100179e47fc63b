import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';

export interface ReasonModalTarget {
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  /** A note may be empty (confirmation); a reason may not (cancel, return). */
  required: boolean;
  testId: string;
}

export interface ReasonModalProps {
  target: ReasonModalTarget | null;
  submitting: boolean;
  onSubmit: (text: string) => void;
  onClose: () => void;
}

/** Asks for the reason (cancel, return to draft) or the note (customer confirmation) of an order action. */
export function ReasonModal({ target, ...rest }: ReasonModalProps) {
  const session = useModalSession(target);
  return <ReasonModalBody key={session.key} target={session.shown} open={target !== null} {...rest} />;
}

function ReasonModalBody({ target, open, submitting, onSubmit, onClose }: ReasonModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text?: string }>();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    onSubmit((v.text ?? '').trim());
  };
  return (
    <Modal
      open={open}
      title={target?.title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={target?.okText}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ ...buttonTestId(`${target?.testId ?? 'reason'}-submit`), danger: target?.danger }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={target?.label}
          rules={target?.required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            autoFocus
            data-testid={`${target?.testId ?? 'reason'}-text`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
