import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { type Product, useRequestPriceAdjustment } from '../api';

interface Values {
  newStandardPrice: string;
  newFloorPrice: string;
  reason: string;
  effectiveDate?: Dayjs | null;
}

/** 调价申请: new standard / floor price with a reason; applies only once the approval passes. */
export function PriceAdjustmentModal({
  product,
  open,
  onClose,
}: {
  product: Product;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestPriceAdjustment(product.id);
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    request.mutate(
      {
        newStandardPrice: normalizeMoney(v.newStandardPrice) ?? v.newStandardPrice,
        newFloorPrice: normalizeMoney(v.newFloorPrice) ?? v.newFloorPrice,
        reason: v.reason.trim(),
        effectiveDate: v.effectiveDate ? v.effectiveDate.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: (r) => {
          message.success(
            t(r.status === 'approved' ? 'priceAdjustment.appliedAtOnce' : 'priceAdjustment.submitted', { no: r.no }),
          );
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const label = (f: string) => t(`priceAdjustment.fields.${f}`);
  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={t('priceAdjustment.requestTitle', { product: `${product.code} ${product.name}` })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('priceAdjustment.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      okButtonProps={buttonTestId('price-adjustment-submit')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('priceAdjustment.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ newStandardPrice: product.standardPrice, newFloorPrice: product.floorPrice }}
      >
        <Form.Item
          name="newStandardPrice"
          label={label('newStandardPrice')}
          rules={[required]}
          extra={t('priceAdjustment.current', { value: product.standardPrice })}
        >
          <MoneyInput testId="price-adjustment-standard" />
        </Form.Item>
        <Form.Item
          name="newFloorPrice"
          label={label('newFloorPrice')}
          rules={[required]}
          extra={t('priceAdjustment.current', { value: product.floorPrice })}
        >
          <MoneyInput testId="price-adjustment-floor" />
        </Form.Item>
        <Form.Item name="effectiveDate" label={label('effectiveDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={label('reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="price-adjustment-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
