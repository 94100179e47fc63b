import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { phoneRule } from '../constants';
import type { DeliveryDetail } from '../types';

export interface ShippingValues {
  carrier: string | null;
  trackingNo: string | null;
  consignee: string;
  consigneePhone: string | null;
  address: string;
  boxCount: number | null;
  plannedDate: string | null;
  remark: string | null;
}

/** Edits a draft note's shipping fields (承运人, 运单号, 收货人, 地址, 箱数, 计划日期); the lines stay. */
export function EditShippingModal({
  delivery,
  open,
  submitting,
  onClose,
  onSubmit,
}: {
  delivery: DeliveryDetail;
  open: boolean;
  submitting: boolean;
  onClose: () => void;
  onSubmit: (v: ShippingValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Omit<ShippingValues, 'plannedDate'> & { plannedDate: Dayjs | null }>();
  const f = (k: string) => t(`fields.delivery.${k}`);
  const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  return (
    <Modal
      open={open}
      title={t('delivery.edit.title')}
      onCancel={onClose}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        onSubmit({
          carrier: text(v.carrier),
          trackingNo: text(v.trackingNo),
          consignee: v.consignee.trim(),
          consigneePhone: text(v.consigneePhone),
          address: v.address.trim(),
          boxCount: v.boxCount ?? null,
          plannedDate: v.plannedDate ? v.plannedDate.format('YYYY-MM-DD') : null,
          remark: text(v.remark),
        });
      }}
      confirmLoading={submitting}
      okButtonProps={buttonTestId('edit-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ ...delivery, plannedDate: delivery.plannedDate ? dayjs(delivery.plannedDate) : null }}
      >
        <Form.Item name="carrier" label={f('carrier')}>
          <Input maxLength={100} data-testid="edit-carrier" />
        </Form.Item>
        <Form.Item name="trackingNo" label={f('trackingNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="consignee"
          label={f('consignee')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="consigneePhone"
          label={f('consigneePhone')}
          extra={t('delivery.requiredToShip')}
          rules={[phoneRule(t)]}
        >
          <Input maxLength={40} data-testid="delivery-consignee-phone" />
        </Form.Item>
        <Form.Item
          name="address"
          label={f('address')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="boxCount" label={f('boxCount')} extra={t('delivery.requiredToShip')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="delivery-box-count" />
        </Form.Item>
        <Form.Item name="plannedDate" label={f('plannedDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="remark" label={f('remark')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
