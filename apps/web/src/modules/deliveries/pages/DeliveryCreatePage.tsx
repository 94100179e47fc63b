import { DELIVERABLE_ORDER_STATUSES, money } from '@sales/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { apiFetch, type Paged } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { validValues } from '../../../components/validValues';
import { useOrder } from '../../orders/api';
import type { OrderListItem } from '../../orders/types';
import { WarehouseSelect } from '../../stock/components/WarehouseSelect';
import { useCreateDelivery } from '../api';
import { OrderLinePicker, type PickedLine } from '../components/OrderLinePicker';
import { phoneRule } from '../constants';

const DELIVERABLE: readonly string[] = DELIVERABLE_ORDER_STATUSES;

interface ShippingForm {
  warehouseId?: number | null;
  carrier?: string;
  trackingNo?: string;
  consignee?: string;
  consigneePhone?: string;
  address?: string;
  boxCount?: number | null;
  plannedDate?: Dayjs | null;
  remark?: string;
}

/** 新建发货单 from an approved order: pick the lines, quantities and batches, then shipping fields. */
export function DeliveryCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [sp, setSp] = useSearchParams();
  const orderId = Number(sp.get('orderId')) || 0;
  const [keyword, setKeyword] = useState('');
  const orders = useQuery({
    queryKey: ['orders', 'deliverable', keyword],
    queryFn: ({ signal }) =>
      apiFetch<Paged<OrderListItem>>('/api/orders', { query: { keyword: keyword || undefined, pageSize: 50 }, signal }),
  });
  const order = useOrder(orderId);
  const create = useCreateDelivery();
  const [form] = Form.useForm<ShippingForm>();
  const warehouseId = Form.useWatch('warehouseId', form) ?? null;
  const [picked, setPicked] = useState<Record<number, PickedLine>>({});
  const open = useMemo(() => (order.data?.lines ?? []).filter((l) => money(l.qty).gt(l.deliveredQty)), [order.data]);

  useEffect(() => {
    if (!order.data) return;
    const o = order.data;
    form.setFieldsValue({
      warehouseId: o.warehouseId,
      consignee: o.consignee ?? '',
      consigneePhone: o.consigneePhone ?? '',
      address: o.shippingAddress ?? '',
    });
    setPicked(
      Object.fromEntries(
        // Exact decimals: 10.1 − 3.2 in floats is 6.8999…, which the server refuses as a quantity.
        open.map((l) => [l.id, { include: true, qty: money(l.qty).minus(l.deliveredQty).toString(), batchId: null }]),
      ),
    );
  }, [order.data, open, form]);

  const submit = async () => {
    const v = await validValues(form);
    if (!v || !order.data) return;
    const lines = open
      .filter((l) => picked[l.id]?.include)
      .map((l) => ({ orderLineId: l.id, qty: picked[l.id].qty.trim(), batchId: picked[l.id].batchId }));
    if (lines.length === 0) {
      message.error(t('delivery.create.noLines'));
      return;
    }
    create.mutate(
      {
        orderId,
        lines,
        ...v,
        plannedDate: v.plannedDate ? v.plannedDate.format('YYYY-MM-DD') : null,
        boxCount: v.boxCount ?? null,
      },
      {
        onSuccess: (d) => {
          message.success(t('delivery.create.done', { no: d.no }));
          navigate(`/deliveries/${d.id}`);
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const options = (orders.data?.items ?? [])
    .filter((o) => DELIVERABLE.includes(o.status))
    .map((o) => ({ value: o.id, label: `${o.no} · ${o.customerName}` }));
  const f = (k: string) => t(`fields.delivery.${k}`);

  return (
    <Card>
      <PageHeader title={t('delivery.new')} onBack={() => navigate('/deliveries')} />
      <Form layout="vertical">
        <Form.Item label={f('orderNo')} required extra={t('delivery.create.orderHint')}>
          <Select
            showSearch={{ filterOption: false, onSearch: setKeyword }}
            style={{ maxWidth: 480 }}
            value={orderId || undefined}
            loading={orders.isFetching}
            options={options}
            onChange={(v) => setSp(v ? { orderId: String(v) } : {})}
            placeholder={t('common.pleaseSelect')}
            data-testid="delivery-create-order"
          />
        </Form.Item>
      </Form>
      {!orderId ? (
        <Empty description={t('delivery.create.pickOrder')} />
      ) : order.data && !DELIVERABLE.includes(order.data.status) ? (
        <Alert type="warning" showIcon title={t('delivery.create.notDeliverable')} />
      ) : order.data ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {open.length === 0 ? (
            <Alert type="info" showIcon title={t('delivery.create.allDelivered')} />
          ) : (
            <OrderLinePicker lines={open} warehouseId={warehouseId} value={picked} onChange={setPicked} />
          )}
          <Form form={form} layout="vertical">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="warehouseId"
                  label={f('warehouse')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <WarehouseSelect testId="delivery-create-warehouse" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="consignee"
                  label={f('consignee')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="consigneePhone"
                  label={f('consigneePhone')}
                  extra={t('delivery.requiredToShip')}
                  rules={[phoneRule(t, order.data?.contactMasked ? order.data.consigneePhone : null)]}
                >
                  <Input maxLength={40} data-testid="delivery-consignee-phone" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item
                  name="address"
                  label={f('address')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                >
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="carrier" label={f('carrier')}>
                  <Input maxLength={100} data-testid="delivery-create-carrier" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="trackingNo" label={f('trackingNo')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="boxCount" label={f('boxCount')} extra={t('delivery.requiredToShip')}>
                  <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="delivery-box-count" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="plannedDate" label={f('plannedDate')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="remark" label={f('remark')}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <Button
            type="primary"
            onClick={() => void submit()}
            loading={create.isPending}
            disabled={open.length === 0}
            data-testid="delivery-create-submit"
          >
            {t('delivery.create.submit')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
