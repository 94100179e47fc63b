import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ProductPicker } from '../../../components/ProductPicker';
import type { ProductFacts } from '../../../components/pricedLines';
import { validValues } from '../../../components/validValues.ts';
import { PRESALE_KINDS, useInquiryMutation } from '../api';

type Picked = ProductFacts;

/** 售前服务申请: product information, technical consultation or a sample (product, qty, return date). */
export function PresaleFormModal({
  inquiryId,
  open,
  onClose,
}: {
  inquiryId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [product, setProduct] = useState<Picked | null>(null);
  const kind = Form.useWatch('kind', form);
  const onError = useApiErrorHandler();
  const save = useInquiryMutation<Record<string, unknown>>(`/api/inquiries/${inquiryId}/presale-requests`);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      {
        kind: v.kind,
        detail: v.detail,
        productId: product?.id ?? null,
        quantity: v.quantity ?? null,
        expectedReturnDate: v.expectedReturnDate ? v.expectedReturnDate.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: () => {
          form.resetFields();
          setProduct(null);
          onClose();
        },
        onError: (e) => onError(e, { form }),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('presale.new')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'product_info' }}>
        <Form.Item name="kind" label={t('presale.fields.kind')}>
          <Select options={PRESALE_KINDS.map((k) => ({ value: k, label: t(`presale.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="detail" label={t('presale.fields.detail')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="productId" label={t('presale.fields.product')}>
          <ProductPicker<Picked>
            testId="presale-product"
            placeholder={t('inquiries.pickProduct')}
            onPick={setProduct}
          />
          {product ? <div style={{ marginTop: 8 }}>{`${product.code} ${product.name}`}</div> : null}
        </Form.Item>
        {kind === 'sample' ? (
          <>
            <Form.Item name="quantity" label={t('presale.fields.quantity')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="expectedReturnDate"
              label={t('presale.fields.expectedReturnDate')}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
