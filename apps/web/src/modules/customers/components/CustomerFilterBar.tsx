import { Col, Form, Input, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_CLASSES,
  GENDERS,
  INTERESTS,
  OCCUPATIONS,
  PURCHASE_INTENTS,
  REGIONS,
  SOURCE_CHANNELS,
} from '../../../app/dictionaries';
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
  gender?: string;
  ageFrom?: number | null;
  ageTo?: number | null;
  occupation?: string;
  interests?: string[];
  purchaseIntent?: string;
  lastDeal?: [Dayjs | null, Dayjs | null] | null;
}

const range = (from?: string, to?: string): [Dayjs | null, Dayjs | null] | null =>
  from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;
const num = (v?: string) => (v ? Number(v) : null);
const str = (v?: number | null) => (v === null || v === undefined ? undefined : String(v));

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
    created: range(f.createdFrom, f.createdTo),
    purchaseIntent: f.purchaseIntent,
    ageFrom: num(f.ageFrom),
    ageTo: num(f.ageTo),
    occupation: f.occupation,
    gender: f.gender,
    interests: f.interests ? f.interests.split(',') : undefined,
    lastDeal: range(f.lastDealFrom, f.lastDealTo),
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
      purchaseIntent: v.purchaseIntent ?? undefined,
      ageFrom: str(v.ageFrom),
      ageTo: str(v.ageTo),
      occupation: v.occupation ?? undefined,
      gender: v.gender ?? undefined,
      interests: v.interests?.length ? v.interests.join(',') : undefined,
      lastDealFrom: v.lastDeal?.[0]?.format('YYYY-MM-DD'),
      lastDealTo: v.lastDeal?.[1]?.format('YYYY-MM-DD'),
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
        {/* Invitation attributes (issue 14 item 2). */}
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="purchaseIntent" label={t('fields.customer.purchaseIntent')}>
            <DictSelect dict="dict.purchaseIntent" values={PURCHASE_INTENTS} testId="customer-filter-intent" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label={t('customer.filterExtra.ageRange')} style={{ marginBottom: 0 }}>
            <Space.Compact block>
              <Form.Item name="ageFrom" noStyle>
                <InputNumber
                  min={0}
                  max={150}
                  precision={0}
                  placeholder={t('customer.filterExtra.ageFrom')}
                  style={{ width: '50%' }}
                  data-testid="customer-filter-ageFrom"
                />
              </Form.Item>
              <Form.Item name="ageTo" noStyle>
                <InputNumber
                  min={0}
                  max={150}
                  precision={0}
                  placeholder={t('customer.filterExtra.ageTo')}
                  style={{ width: '50%' }}
                  data-testid="customer-filter-ageTo"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="occupation" label={t('fields.customer.occupation')}>
            <DictSelect dict="dict.occupation" values={OCCUPATIONS} testId="customer-filter-occupation" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="gender" label={t('fields.customer.gender')}>
            <DictSelect dict="dict.gender" values={GENDERS} testId="customer-filter-gender" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="interests" label={t('customer.filterExtra.interestsAny')}>
            <DictSelect
              mode="multiple"
              maxTagCount="responsive"
              dict="dict.interest"
              values={INTERESTS}
              testId="customer-filter-interests"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="lastDeal" label={t('customer.filterExtra.lastDeal')}>
            <DeferredRangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              data-testid="customer-filter-lastDeal"
            />
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
