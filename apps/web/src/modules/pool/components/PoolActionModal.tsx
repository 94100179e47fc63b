import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { validValues } from '../../../components/validValues';
import { type PoolCustomerDetail, useAssignPoolCustomer, useMovePoolCustomer, usePools } from '../api';

export type PoolAction = 'move' | 'assign';

interface Values {
  toPoolId?: number;
  toUserId?: number;
  reason: string;
}

export interface PoolActionModalProps {
  customer: PoolCustomerDetail;
  action: PoolAction | null;
  onClose: () => void;
}

/** Pool managers: move a pool customer to another pool, or assign it to a rep of the pool. */
export function PoolActionModal({ customer, action, onClose }: PoolActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const move = useMovePoolCustomer(customer.id);
  const assign = useAssignPoolCustomer(customer.id);
  const pools = usePools(action === 'move');
  const handleError = useApiErrorHandler();
  const shown = action ?? 'move';

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const reason = v.reason.trim();
    const opts = { onError: (e: unknown) => handleError(e, { form }) };
    if (shown === 'move') {
      move.mutate(
        { toPoolId: v.toPoolId as number, reason, version: customer.version },
        {
          ...opts,
          onSuccess: () => {
            message.success(t('pool.moved'));
            onClose();
          },
        },
      );
    } else {
      assign.mutate(
        { toUserId: v.toUserId as number, reason, version: customer.version },
        {
          ...opts,
          onSuccess: () => {
            message.success(t('pool.assigned'));
            onClose();
            navigate('/pool', { replace: true });
          },
        },
      );
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  const poolOptions = (pools.data?.items ?? [])
    .filter((p) => p.canManage && p.id !== customer.poolId)
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <Modal
      open={action !== null}
      title={t(shown === 'move' ? 'pool.moveTitle' : 'pool.assignTitle', { name: customer.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending || assign.isPending}
      okButtonProps={buttonTestId(`pool-${shown}-submit`)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label={t('pool.fields.poolName')}>{customer.poolName}</Form.Item>
        {shown === 'move' ? (
          <Form.Item name="toPoolId" label={t('pool.moveTo')} rules={required}>
            <Select
              options={poolOptions}
              loading={pools.isLoading}
              placeholder={t('common.pleaseSelect')}
              data-testid="pool-move-to"
            />
          </Form.Item>
        ) : (
          <Form.Item name="toUserId" label={t('pool.assignTo')} rules={required} extra={t('pool.assignHint')}>
            <UserSelect testId="pool-assign-to" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('pool.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`pool-${shown}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
