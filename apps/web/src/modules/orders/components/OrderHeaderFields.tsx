import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerOption } from '../../opportunities/api';
import { CustomerPicker } from '../../opportunities/components/CustomerPicker';
import { WarehouseSelect } from '../../stock/components/WarehouseSelect';
import { ORDER_CHANNELS, type OrderChannel } from '../constants';

export interface OrderHeaderValues {
  customerId: number;
  contactId?: number | null;
  channel: OrderChannel;
  requestedDate: Dayjs;
  promisedDate?: Dayjs | null;
  warehouseId?: number | null;
  consignee?: string;
  consigneePhone?: string;
  shippingAddress?: string;
  specialRequirements?: string;
  remark?: string;
}

export interface OrderHeaderFieldsProps {
  customerOption: CustomerOption | null;
  contacts: { id: number; name: string }[];
  onCustomerChange: (id: number | undefined) => void;
}

/** Order header: customer, channel, dates, warehouse, consignee and special requirements. */
export function OrderHeaderFields({ customerOption, contacts, onCustomerChange }: OrderHeaderFieldsProps) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.order.${f}`);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="customerId" label={label('customerName')} rules={required}>
          <CustomerPicker
            initialOption={customerOption}
            testId="order-customer"
            onChange={(v) => onCustomerChange(v ?? undefined)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="contactId" label={label('contact')}>
          <Select<number>
            allowClear
            placeholder={t('common.pleaseSelect')}
            options={contacts.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="order-contact"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="channel" label={label('channel')} rules={required}>
          <Select
            options={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`order.channel.${c}`) }))}
            data-testid="order-channel"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="requestedDate" label={label('requestedDate')} rules={required}>
          <DatePicker style={{ width: '100%' }} data-testid="order-requested-date" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="promisedDate" label={label('promisedDate')}>
          <DatePicker style={{ width: '100%' }} data-testid="order-promised-date" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="warehouseId" label={label('warehouse')} extra={t('order.form.warehouseHint')}>
          <WarehouseSelect testId="order-warehouse" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="consignee" label={label('consignee')}>
          <Input maxLength={50} data-testid="order-consignee" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={8}>
        <Form.Item name="consigneePhone" label={label('consigneePhone')}>
          <Input maxLength={30} data-testid="order-consignee-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={24} lg={8}>
        <Form.Item name="shippingAddress" label={label('shippingAddress')}>
          <Input maxLength={300} data-testid="order-shipping-address" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="specialRequirements" label={label('specialRequirements')} extra={t('order.form.specialHint')}>
          <Input.TextArea rows={2} maxLength={2000} showCount data-testid="order-special" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="remark" label={label('remark')}>
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="order-remark" />
        </Form.Item>
      </Col>
    </Row>
  );
}
