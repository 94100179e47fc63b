import { App, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useWarehouses } from '../../stock/api';
import { useContractCommand } from '../api';
import type { ContractDetail } from '../types';

/**
 * 生成订单: a draft order with every product of the signed contract not yet ordered, at the
 * contract's reviewed prices (POST /api/contracts/:id/orders); the order page opens next.
 */
export function OrderFromContractModal({
  contract: c,
  open,
  onClose,
}: {
  contract: ContractDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const cmd = useContractCommand(c.id);
  const warehouses = useWarehouses(open);
  const [form] = Form.useForm<{ requestedDate: Dayjs; warehouseId?: number }>();
  const submit = (v: { requestedDate: Dayjs; warehouseId?: number }) =>
    cmd.mutate(
      {
        action: 'orders',
        body: {
          version: c.version,
          requestedDate: v.requestedDate.format('YYYY-MM-DD'),
          warehouseId: v.warehouseId ?? null,
        },
      },
      {
        onSuccess: (res) => {
          message.success(t('contract.done.order'));
          onClose();
          navigate(`/orders/${(res as unknown as { orderId: number }).orderId}`);
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  return (
    <Modal
      open={open}
      title={t('contract.action.order')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={cmd.isPending}
      okButtonProps={buttonTestId('contract-order-ok')}
      destroyOnHidden
    >
      <p>{t('contract.orderHint')}</p>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ requestedDate: dayjs().add(7, 'day') }}>
        <Form.Item
          name="requestedDate"
          label={t('contract.orderRequestedDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="contract-order-date" />
        </Form.Item>
        <Form.Item name="warehouseId" label={t('contract.orderWarehouse')}>
          <Select
            allowClear
            data-testid="contract-order-warehouse"
            loading={warehouses.isLoading}
            options={(warehouses.data?.items ?? [])
              .filter((w) => w.active)
              .map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
