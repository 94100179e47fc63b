import { DownloadOutlined, SwapOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { validValues } from '../../../components/validValues';
import { usePools } from '../../pool/api';
import { type BulkRow, useBulkRelease, useBulkTransfer } from '../bulkApi';

type Action = 'transfer' | 'release' | null;

/**
 * The bar of actions on the selected customers (issue 11 item 4): 批量转移, 批量放入公海 and
 * 导出所选, each on every selected row at once — the server applies a batch all or nothing and
 * refuses it whole if one customer is out of the user's scope.
 */
export function CustomerBulkActions({
  selected,
  archived,
  onDone,
}: {
  selected: BulkRow[];
  /** The 已归档 list: the export then looks among the archived customers. */
  archived: boolean;
  /** Clears the selection (after an action, or by the user). */
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const [action, setAction] = useState<Action>(null);
  const [exporting, setExporting] = useState(false);
  const count = selected.length;
  if (count === 0) return null;

  const exportSelected = async () => {
    setExporting(true);
    try {
      await apiDownload(
        '/api/customers/export',
        { ids: selected.map((r) => r.id).join(','), archived: archived ? 'true' : undefined },
        'customers.xlsx',
      );
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space wrap data-testid="customer-bulk-bar">
      <Typography.Text data-testid="customer-bulk-count">{t('bulk.selected', { count })}</Typography.Text>
      {hasPermission('customer.transfer') && !archived ? (
        <Button icon={<SwapOutlined />} onClick={() => setAction('transfer')} data-testid="customer-bulk-transfer">
          {t('customer.bulkTransfer')}
        </Button>
      ) : null}
      {hasPermission('pool.claim') && !archived ? (
        <Button icon={<UndoOutlined />} onClick={() => setAction('release')} data-testid="customer-bulk-release">
          {t('customer.bulkRelease')}
        </Button>
      ) : null}
      {hasPermission('customer.export') ? (
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportSelected()}
          data-testid="customer-bulk-export"
        >
          {t('bulk.exportSelected')}
        </Button>
      ) : null}
      <Button type="link" onClick={onDone} data-testid="customer-bulk-clear">
        {t('bulk.clear')}
      </Button>
      <BulkTransferModal
        open={action === 'transfer'}
        selected={selected}
        onClose={() => setAction(null)}
        onDone={(n) => {
          message.success(t('customer.bulkTransferred', { count: n }));
          setAction(null);
          onDone();
        }}
      />
      <BulkReleaseModal
        open={action === 'release'}
        selected={selected}
        onClose={() => setAction(null)}
        onDone={(n) => {
          message.success(t('customer.bulkReleased', { count: n }));
          setAction(null);
          onDone();
        }}
      />
    </Space>
  );
}

interface ModalProps {
  open: boolean;
  selected: BulkRow[];
  onClose: () => void;
  onDone: (count: number) => void;
}

function BulkTransferModal({ open, selected, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ toUserId: number; reason: string }>();
  const transfer = useBulkTransfer();
  const handleError = useApiErrorHandler();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    transfer.mutate(
      { items: selected, toUserId: v.toUserId, reason: v.reason.trim() },
      { onSuccess: (r) => onDone(r.count), onError: (e) => handleError(e, { form }) },
    );
  };
  return (
    <Modal
      open={open}
      title={t('customer.bulkTransferTitle', { count: selected.length })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      okButtonProps={buttonTestId('customer-bulk-transfer-submit')}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('customer.bulkAllOrNothing')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="toUserId"
          label={t('customer.transferTo')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UserSelect testId="customer-bulk-transfer-to" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('customer.transferReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="customer-bulk-transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BulkReleaseModal({ open, selected, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [form] = Form.useForm<{ poolId?: number; reason: string }>();
  const release = useBulkRelease();
  const pools = usePools(open && hasPermission('pool.view'));
  const handleError = useApiErrorHandler();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    release.mutate(
      { items: selected, reason: v.reason.trim(), poolId: v.poolId ?? null },
      { onSuccess: (r) => onDone(r.count), onError: (e) => handleError(e, { form }) },
    );
  };
  return (
    <Modal
      open={open}
      title={t('customer.bulkReleaseTitle', { count: selected.length })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('pool.release')}
      cancelText={t('common.cancel')}
      confirmLoading={release.isPending}
      okButtonProps={{ ...buttonTestId('customer-bulk-release-submit'), danger: true }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('customer.bulkAllOrNothing')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="poolId" label={t('pool.releaseTo')} extra={t('customer.bulkReleaseHint')}>
          <Select
            allowClear
            loading={pools.isLoading}
            placeholder={t('common.pleaseSelect')}
            options={(pools.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="customer-bulk-release-pool"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pool.releaseReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="customer-bulk-release-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
