import { Col, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_CLASSES, REGIONS, SOURCE_CHANNELS } from '../../../app/dictionaries';
import { DeferredRangePicker } from '../../../components/DeferredRangePicker';
import { DictSelect } from '../../../components/DictSelect';
import { FilterFields } from '../../../components/FilterFields';
import { UserSelect } from '../../../components/UserSelect';
import type { CustomerFilters } from '../api';

interface FilterFormValues {
  keyword?: string;
  ownerId?: number;
  class?: string;
  region?: string;
  source?: string;
  tag?: string;
  created?: [Dayjs | null, Dayjs | null] | null;
}

export interface CustomerFilterBarProps {
  value: CustomerFilters;
  onSearch: (filters: CustomerFilters) => void;
}

function toFormValues(f: CustomerFilters): FilterFormValues {
  return {
    keyword: f.keyword,
    ownerId: f.ownerId,
    class: f.class,
    region: f.region,
    source: f.source,
    tag: f.tag,
    created:
      f.createdFrom || f.createdTo
        ? [f.createdFrom ? dayjs(f.createdFrom) : null, f.createdTo ? dayjs(f.createdTo) : null]
        : null,
  };
}

export function CustomerFilterBar({ value, onSearch }: CustomerFilterBarProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterFormValues>();

  useEffect(() => {
    form.setFieldsValue(toFormValues(value));
  }, [form, value]);

  const submit = (v: FilterFormValues) => {
    onSearch({
      keyword: v.keyword?.trim() || undefined,
      ownerId: v.ownerId ?? undefined,
      class: v.class ?? undefined,
      region: v.region ?? undefined,
      source: v.source ?? undefined,
      tag: v.tag?.trim() || undefined,
      createdFrom: v.created?.[0]?.format('YYYY-MM-DD'),
      createdTo: v.created?.[1]?.format('YYYY-MM-DD'),
    });
  };

  const reset = () => {
    form.resetFields();
    onSearch({});
  };

  return (
    <Form form={form} onFinish={submit} layout="vertical" data-testid="customer-filter" style={{ marginBottom: 8 }}>
      <FilterFields onReset={reset} testIdPrefix="customer">
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="keyword" label={t('customer.filter.keyword')}>
            <Input allowClear placeholder={t('customer.filter.keywordPlaceholder')} data-testid="customer-keyword" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="ownerId" label={t('fields.customer.ownerName')}>
            <UserSelect testId="customer-filter-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="class" label={t('fields.customer.class')}>
            <DictSelect dict="dict.customerClass" values={CUSTOMER_CLASSES} testId="customer-filter-class" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="region" label={t('fields.customer.region')}>
            <DictSelect dict="dict.region" values={REGIONS} testId="customer-filter-region" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="source" label={t('fields.customer.source')}>
            <DictSelect dict="dict.source" values={SOURCE_CHANNELS} testId="customer-filter-source" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="tag" label={t('fields.customer.tags')}>
            <Input allowClear placeholder={t('customer.filter.tagPlaceholder')} data-testid="customer-filter-tag" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="created" label={t('customer.filter.createdRange')}>
            <DeferredRangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              data-testid="customer-filter-created"
            />
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
