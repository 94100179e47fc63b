import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { type PoolStatus, usePools, useReleaseCustomer } from '../api';

interface Values {
  poolId?: number;
  reason: string;
}

export interface ReleaseModalProps {
  customerId: number;
  customerName: string;
  status: PoolStatus;
  open: boolean;
  onClose: () => void;
}

/** 退回公海: gives an owned customer up to a pool (its home pool unless another is chosen), with a reason. */
export function ReleaseModal({ customerId, customerName, status, open, onClose }: ReleaseModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const [form] = Form.useForm<Values>();
  const release = useReleaseCustomer(customerId);
  const pools = usePools(open && hasPermission('pool.view'));
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    release.mutate(
      { reason: v.reason.trim(), poolId: v.poolId ?? null, version: status.version },
      {
        onSuccess: () => {
          message.success(t('pool.released', { name: customerName }));
          onClose();
          navigate(hasPermission('pool.view') ? '/pool' : '/customers', { replace: true });
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('pool.releaseTitle', { name: customerName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('pool.release')}
      cancelText={t('common.cancel')}
      confirmLoading={release.isPending}
      okButtonProps={{ ...buttonTestId('pool-release-submit'), danger: true }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="poolId" label={t('pool.releaseTo')} extra={t('pool.releaseHint')}>
          <Select
            allowClear
            loading={pools.isLoading}
            placeholder={t('pool.homePool', { pool: status.homePoolName ?? t('common.none') })}
            options={(pools.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="pool-release-pool"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pool.releaseReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="pool-release-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
