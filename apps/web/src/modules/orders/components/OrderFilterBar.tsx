import { Col, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DeferredRangePicker } from '../../../components/DeferredRangePicker';
import { DictSelect } from '../../../components/DictSelect';
import { FilterFields } from '../../../components/FilterFields';
import { UserSelect } from '../../../components/UserSelect';
import { ORDER_STATUSES, type OrderStatus } from '../constants';
import type { OrderFilters } from '../types';

interface FilterFormValues {
  keyword?: string;
  status?: OrderStatus;
  ownerId?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFormValues(f: OrderFilters): FilterFormValues {
  return {
    keyword: f.keyword,
    status: f.status,
    ownerId: f.ownerId,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
  };
}

/** 订单 list filters: keyword (no / customer), status, owner, order date range. */
export function OrderFilterBar({ value, onSearch }: { value: OrderFilters; onSearch: (f: OrderFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterFormValues>();

  useEffect(() => {
    form.setFieldsValue(toFormValues(value));
  }, [form, value]);

  const submit = (v: FilterFormValues) =>
    onSearch({
      keyword: v.keyword?.trim() || undefined,
      status: v.status ?? undefined,
      ownerId: v.ownerId ?? undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });

  const reset = () => {
    form.resetFields();
    onSearch({});
  };

  return (
    <Form form={form} onFinish={submit} layout="vertical" data-testid="order-filter" style={{ marginBottom: 8 }}>
      <FilterFields onReset={reset} testIdPrefix="order" lg={24}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="keyword" label={t('order.filter.keyword')}>
            <Input allowClear placeholder={t('order.filter.keywordPlaceholder')} data-testid="order-keyword" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="status" label={t('fields.order.status')}>
            <DictSelect dict="order.status" values={ORDER_STATUSES} testId="order-filter-status" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="ownerId" label={t('fields.order.ownerName')}>
            <UserSelect testId="order-filter-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="range" label={t('order.filter.dateRange')}>
            <DeferredRangePicker style={{ width: '100%' }} allowEmpty={[true, true]} data-testid="order-filter-range" />
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
