import { Col, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_CLASSES, CUSTOMER_KINDS, INDUSTRIES, REGIONS, SOURCE_CHANNELS } from '../../../app/dictionaries';
import { DictSelect } from '../../../components/DictSelect';
import { FilterFields } from '../../../components/FilterFields';
import type { PoolFilters } from '../api';

export const POOL_FILTER_KEYS = ['keyword', 'kind', 'class', 'region', 'industry', 'source'] as const;
type FilterKey = (typeof POOL_FILTER_KEYS)[number];
type FilterValues = Partial<Record<FilterKey, string>>;

export interface PoolFilterBarProps {
  value: PoolFilters;
  onSearch: (filters: FilterValues) => void;
}

export function PoolFilterBar({ value, onSearch }: PoolFilterBarProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    const v: FilterValues = {};
    for (const key of POOL_FILTER_KEYS) v[key] = value[key];
    form.setFieldsValue(v);
  }, [form, value]);

  const submit = (v: FilterValues) => {
    const out: FilterValues = {};
    for (const key of POOL_FILTER_KEYS) out[key] = v[key]?.trim() || undefined;
    onSearch(out);
  };

  const reset = () => {
    form.resetFields();
    onSearch({});
  };

  const dicts: { key: Exclude<FilterKey, 'keyword'>; dict: string; values: readonly string[] }[] = [
    { key: 'kind', dict: 'dict.customerKind', values: CUSTOMER_KINDS },
    { key: 'class', dict: 'dict.customerClass', values: CUSTOMER_CLASSES },
    { key: 'region', dict: 'dict.region', values: REGIONS },
    { key: 'industry', dict: 'dict.industry', values: INDUSTRIES },
    { key: 'source', dict: 'dict.source', values: SOURCE_CHANNELS },
  ];

  return (
    <Form form={form} onFinish={submit} layout="vertical" data-testid="pool-filter" style={{ marginBottom: 8 }}>
      <FilterFields onReset={reset} testIdPrefix="pool">
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="keyword" label={t('pool.filter.keyword')}>
            <Input allowClear placeholder={t('pool.filter.keywordPlaceholder')} data-testid="pool-keyword" />
          </Form.Item>
        </Col>
        {dicts.map((d) => (
          <Col xs={24} sm={12} lg={6} key={d.key}>
            <Form.Item name={d.key} label={t(`fields.customer.${d.key}`)}>
              <DictSelect dict={d.dict} values={d.values} testId={`pool-filter-${d.key}`} />
            </Form.Item>
          </Col>
        ))}
      </FilterFields>
    </Form>
  );
}
