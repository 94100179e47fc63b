import { formatMoney } from '@sales/core';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { validValues } from '../../../components/validValues.ts';
import { useWarehouses } from '../../stock/api';
import { useReturnCommand } from '../api';
import type { ReturnDetail } from '../types';

interface Props {
  detail: ReturnDetail;
  open: boolean;
  onClose: () => void;
}

/** 登记到货: when and where the returned goods reached the warehouse (the deadline starts then). */
export function ArrivalModal({ detail, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ arrivedAt: Dayjs; warehouseId: number }>();
  const warehouses = useWarehouses(open);
  const command = useReturnCommand();
  const handleError = useApiErrorHandler();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await command.mutateAsync({
        path: `/${detail.id}/arrival`,
        body: { arrivedAt: v.arrivedAt.toISOString(), warehouseId: v.warehouseId, version: detail.version },
      });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      title={t('returns.arrival.title')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ arrivedAt: dayjs() }}>
        <Form.Item name="arrivedAt" label={t('returns.fields.arrivedAt')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="arrival-at"
          />
        </Form.Item>
        <Form.Item
          name="warehouseId"
          label={t('returns.fields.warehouse')}
          extra={t('returns.arrival.warehouseHint')}
          rules={[{ required: true }]}
        >
          <Select
            options={(warehouses.data?.items ?? [])
              .filter((w) => w.active)
              .map((w) => ({ value: w.id, label: w.name }))}
            data-testid="arrival-warehouse"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 开具红字发票: finance credits an issued invoice of the order for the returned goods. */
export function RedInvoiceModal({ detail, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ invoiceId: number; externalNo: string }>();
  const command = useReturnCommand();
  const handleError = useApiErrorHandler();
  const originals = detail.invoices.filter((i) => i.status === 'issued' && i.creditsInvoiceId === null);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await command.mutateAsync({ path: `/${detail.id}/red-invoice`, body: { ...v, version: detail.version } });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      title={t('returns.credit.title')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
    >
      <p>
        {t('returns.credit.hint', { amount: formatMoney(detail.totalAmount, currentLanguage(), { symbol: true }) })}
      </p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="invoiceId" label={t('returns.credit.original')} rules={[{ required: true }]}>
          <Select
            options={originals.map((i) => ({
              value: i.id,
              label: `${i.no}（${i.externalNo}，${formatMoney(i.totalGross, currentLanguage(), { symbol: true })}）`,
            }))}
            data-testid="credit-invoice"
          />
        </Form.Item>
        <Form.Item
          name="externalNo"
          label={t('returns.credit.externalNo')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={40} data-testid="credit-external-no" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
