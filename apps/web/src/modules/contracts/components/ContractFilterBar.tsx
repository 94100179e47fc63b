import { CONTRACT_STATUSES, type ContractStatus } from '@sales/core';
import { Col, Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterFields } from '../../../components/FilterFields';
import { UserSelect } from '../../../components/UserSelect';
import { CustomerPicker } from '../../opportunities/components/CustomerPicker';
import type { ContractFilters } from '../types';

interface Values {
  keyword?: string;
  status?: ContractStatus;
  customerId?: number;
  ownerId?: number;
  expiringWithinDays?: number | null;
  overdue?: boolean;
  deliveryLate?: boolean;
}

/** Ledger filters: keyword, status, customer, owner, expiring within N days, overdue instalments, late delivery. */
export function ContractFilterBar({
  value,
  onSearch,
}: {
  value: ContractFilters;
  onSearch: (f: ContractFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.setFieldsValue({
      ...value,
      overdue: value.overdue === 'true' ? true : undefined,
      deliveryLate: value.deliveryLate === 'true' ? true : undefined,
    });
  }, [form, value]);
  const submit = (v: Values) =>
    onSearch({
      keyword: v.keyword?.trim() || undefined,
      status: v.status ?? undefined,
      customerId: v.customerId ?? undefined,
      ownerId: v.ownerId ?? undefined,
      expiringWithinDays: v.expiringWithinDays ?? undefined,
      overdue: v.overdue ? 'true' : undefined,
      deliveryLate: v.deliveryLate ? 'true' : undefined,
    });
  const label = (f: string) => t(`fields.contract.${f}`);
  return (
    <Form form={form} onFinish={submit} layout="vertical" data-testid="contract-filter" style={{ marginBottom: 8 }}>
      <FilterFields
        testIdPrefix="contract"
        lg={6}
        onReset={() => {
          form.resetFields();
          onSearch({});
        }}
      >
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="keyword" label={t('contract.filter.keyword')}>
            <Input allowClear placeholder={t('contract.filter.keywordPlaceholder')} data-testid="contract-keyword" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="status" label={label('status')}>
            <Select
              allowClear
              options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contract.status.${s}`) }))}
              data-testid="contract-status-filter"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="customerId" label={label('customerName')}>
            <CustomerPicker allowClear testId="contract-customer-filter" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="ownerId" label={label('ownerName')}>
            <UserSelect allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="expiringWithinDays" label={t('contract.filter.expiring')}>
            <InputNumber
              min={0}
              max={3650}
              style={{ width: '100%' }}
              suffix={t('contract.filter.days')}
              data-testid="contract-expiring"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="overdue" label={t('contract.filter.overdue')}>
            <Select
              allowClear
              options={[
                { value: true, label: t('contract.filter.overdueOnly') },
                { value: false, label: t('contract.filter.all') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="deliveryLate" label={t('contract.filter.deliveryLate')}>
            <Select
              allowClear
              options={[{ value: true, label: t('contract.filter.deliveryLateOnly') }]}
              data-testid="contract-delivery-late-filter"
            />
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
