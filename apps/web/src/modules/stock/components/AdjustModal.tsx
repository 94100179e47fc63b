import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate } from '../../../components/format';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useAdjust, useBatches } from '../api';
import type { ProductOption } from '../types';
import { ProductSelect } from './ProductSelect';
import { WarehouseSelect } from './WarehouseSelect';

interface Values {
  warehouseId: number;
  productId: number;
  batchId?: number;
  qty: string;
  reason: string;
}

/** 库存调整 (stocktake difference, damage…): a signed quantity with a reason; stock never goes negative. */
export function AdjustModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <Body onClose={onClose} /> : null;
}

function Body({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [product, setProduct] = useState<ProductOption | undefined>(undefined);
  const adjust = useAdjust();
  const tracked = product !== undefined && (product.tracking ?? 'none') !== 'none';
  const batches = useBatches({ productId: product?.id }, tracked);
  const required = [{ required: true, message: t('validation.required') }];
  const label = (f: string) => t(`fields.stock.${f}`);

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    adjust.mutate(
      {
        warehouseId: v.warehouseId,
        productId: v.productId,
        batchId: v.batchId,
        qty: String(v.qty),
        reason: v.reason.trim(),
      },
      {
        onSuccess: () => {
          message.success(t('stock.adjustDone'));
          onClose();
        },
        onError: (err) => handleError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('stock.adjust')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('stock.adjust')}
      cancelText={t('common.cancel')}
      confirmLoading={adjust.isPending}
      okButtonProps={buttonTestId('adjust-submit')}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('stock.adjustHint')} />
      <Form form={form} layout="vertical" data-testid="adjust-form">
        <Form.Item name="warehouseId" label={label('warehouse')} rules={required}>
          <WarehouseSelect testId="adjust-warehouse" />
        </Form.Item>
        <Form.Item name="productId" label={label('product')} rules={required}>
          <ProductSelect
            testId="adjust-product"
            onChange={(_, p) => {
              setProduct(p);
              form.setFieldValue('batchId', undefined);
            }}
          />
        </Form.Item>
        {tracked ? (
          <Form.Item name="batchId" label={label('batchNo')} rules={required}>
            <Select<number>
              allowClear
              loading={batches.isFetching}
              placeholder={t('common.pleaseSelect')}
              options={(batches.data?.items ?? []).map((b) => ({
                value: b.id,
                label: [
                  b.batchNo,
                  b.serialNo,
                  b.expiryDate ? t('stock.expiresOn', { date: formatDate(b.expiryDate) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
              data-testid="adjust-batch"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="qty"
          label={t('stock.adjustQty')}
          rules={[
            ...required,
            {
              validator: (_, v) =>
                v && Number(v) !== 0 ? Promise.resolve() : Promise.reject(new Error(t('stock.adjustNonZero'))),
            },
          ]}
        >
          <InputNumber<string> stringMode style={{ width: '100%' }} suffix={product?.unit} data-testid="adjust-qty" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('stock.adjustReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
