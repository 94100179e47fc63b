import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { validValues } from '../../../components/validValues';
import { type Customer, useTransferCustomer } from '../api';

interface Values {
  toUserId: number;
  reason: string;
}

export interface TransferModalProps {
  customer: Customer;
  open: boolean;
  onClose: () => void;
  /** Called after a successful transfer (the modal is closed already). */
  onTransferred: () => void;
}

export function TransferModal({ customer, open, onClose, onTransferred }: TransferModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const transfer = useTransferCustomer(customer.id);
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    transfer.mutate(
      { toUserId: v.toUserId, reason: v.reason.trim(), version: customer.version },
      {
        onSuccess: () => {
          onClose();
          onTransferred();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('customer.transferTitle', { name: customer.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      okButtonProps={buttonTestId('transfer-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label={t('customer.currentOwner')}>{customer.ownerName ?? '-'}</Form.Item>
        <Form.Item
          name="toUserId"
          label={t('customer.transferTo')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UserSelect testId="transfer-to" excludeId={customer.ownerId} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('customer.transferReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
