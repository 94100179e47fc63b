import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useInbound } from '../api';
import type { ProductOption } from '../types';
import { ProductSelect } from './ProductSelect';
import { WarehouseSelect } from './WarehouseSelect';

interface Values {
  warehouseId: number;
  productId: number;
  qty: string;
  batchNo?: string;
  serialNos?: string[];
  mfgDate?: Dayjs | null;
  expiryDate?: Dayjs | null;
  note?: string;
}

/** 入库: quantity into a warehouse; tracked products need a batch (and serial numbers when serialised). */
export function InboundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <Body onClose={onClose} /> : null;
}

function Body({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [product, setProduct] = useState<ProductOption | undefined>(undefined);
  const inbound = useInbound();
  const tracking = product?.tracking ?? 'none';
  const serialNos = Form.useWatch('serialNos', form);
  const required = [{ required: true, message: t('validation.required') }];
  const label = (f: string) => t(`fields.stock.${f}`);

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    inbound.mutate(
      {
        warehouseId: v.warehouseId,
        productId: v.productId,
        qty: tracking === 'serial' ? String(v.serialNos?.length ?? 0) : String(v.qty),
        batchNo: v.batchNo?.trim() || undefined,
        serialNos: tracking === 'serial' ? v.serialNos?.map((s) => s.trim()).filter(Boolean) : undefined,
        mfgDate: v.mfgDate?.format('YYYY-MM-DD'),
        expiryDate: v.expiryDate?.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
      },
      {
        onSuccess: () => {
          message.success(t('stock.inboundDone'));
          onClose();
        },
        onError: (err) => handleError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={t('stock.inbound')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('stock.inbound')}
      cancelText={t('common.cancel')}
      confirmLoading={inbound.isPending}
      okButtonProps={buttonTestId('inbound-submit')}
    >
      <Form form={form} layout="vertical" data-testid="inbound-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="warehouseId" label={label('warehouse')} rules={required}>
              <WarehouseSelect testId="inbound-warehouse" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="productId" label={label('product')} rules={required}>
              <ProductSelect testId="inbound-product" onChange={(_, p) => setProduct(p)} />
            </Form.Item>
          </Col>
          {tracking === 'serial' ? (
            <Col span={24}>
              <Form.Item
                name="serialNos"
                label={t('stock.serialNos', { n: serialNos?.length ?? 0 })}
                rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
                extra={t('stock.serialHint')}
              >
                <Select mode="tags" tokenSeparators={[',', ' ', '\n']} open={false} data-testid="inbound-serials" />
              </Form.Item>
            </Col>
          ) : (
            <Col span={12}>
              <Form.Item name="qty" label={label('qty')} rules={required}>
                <InputNumber<string>
                  stringMode
                  min="0"
                  style={{ width: '100%' }}
                  suffix={product?.unit}
                  data-testid="inbound-qty"
                />
              </Form.Item>
            </Col>
          )}
          {tracking !== 'none' ? (
            <>
              <Col span={12}>
                <Form.Item name="batchNo" label={label('batchNo')} rules={required}>
                  <Input maxLength={50} data-testid="inbound-batch" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="mfgDate" label={label('mfgDate')}>
                  <DatePicker
                    style={{ width: '100%' }}
                    onChange={(d) => {
                      // Expiry defaults to manufacture date + the product's shelf life.
                      if (d && product?.shelfLifeDays && !form.getFieldValue('expiryDate'))
                        form.setFieldValue('expiryDate', d.add(product.shelfLifeDays, 'day'));
                    }}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="expiryDate"
                  label={label('expiryDate')}
                  extra={product?.shelfLifeDays ? t('stock.shelfLife', { days: product.shelfLifeDays }) : undefined}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="inbound-expiry" />
                </Form.Item>
              </Col>
            </>
          ) : null}
          <Col span={24}>
            <Form.Item name="note" label={label('note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
