import { QUOTE_STATUSES } from '@sales/core';
import { Checkbox, Col, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DictSelect } from '../../../components/DictSelect';
import { FilterFields } from '../../../components/FilterFields';
import { UserSelect } from '../../../components/UserSelect';
import type { QuoteFilters, QuoteStatus } from '../types';

interface Values {
  keyword?: string;
  status?: QuoteStatus;
  ownerId?: number;
  allVersions?: boolean;
}

export function QuoteFilterBar({ value, onSearch }: { value: QuoteFilters; onSearch: (f: QuoteFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.setFieldsValue({
      keyword: value.keyword,
      status: value.status,
      ownerId: value.ownerId,
      allVersions: value.allVersions === 'true',
    });
  }, [form, value]);
  const label = (f: string) => t(`fields.quote.${f}`);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ marginBottom: 8 }}
      data-testid="quote-filter"
      onFinish={(v) =>
        onSearch({
          keyword: v.keyword?.trim() || undefined,
          status: v.status ?? undefined,
          ownerId: v.ownerId ?? undefined,
          allVersions: v.allVersions ? 'true' : undefined,
        })
      }
    >
      <FilterFields
        lg={5}
        testIdPrefix="quote-filter"
        onReset={() => {
          form.resetFields();
          onSearch({});
        }}
      >
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="keyword" label={t('quote.filter.keyword')}>
            <Input allowClear placeholder={t('quote.filter.keywordPlaceholder')} data-testid="quote-keyword" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="status" label={label('status')}>
            <DictSelect dict="quote.status" values={QUOTE_STATUSES} testId="quote-filter-status" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="ownerId" label={label('ownerName')}>
            <UserSelect testId="quote-filter-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={3}>
          <Form.Item name="allVersions" label=" " valuePropName="checked">
            <Checkbox>{t('quote.filter.allVersions')}</Checkbox>
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
