import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { validValues } from '../../../components/validValues.ts';

/** Asks for the reason of a rejection or a void (required, as the server requires it). */
export function ReasonModal({
  title,
  open,
  onCancel,
  onOk,
  loading,
}: {
  title: string;
  open: boolean;
  onCancel: () => void;
  onOk: (reason: string) => void;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      confirmLoading={loading}
      destroyOnHidden
      onOk={() => void validValues(form).then((v) => v && onOk(v.reason))}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('finance.reason')}
          rules={[{ required: true, whitespace: true, message: t('finance.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="finance-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
