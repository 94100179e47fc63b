import { Col, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DeferredRangePicker } from '../../../components/DeferredRangePicker';
import { FilterFields } from '../../../components/FilterFields';
import { UserSelect } from '../../../components/UserSelect';
import type { AccessLogFilters } from '../accessLogApi';

interface FormValues {
  userId?: number;
  entityType?: string;
  record?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filters of the access-log page: user, record (type + id, number or name), period. */
export function AccessLogFilterBar({
  entityTypes,
  onSearch,
}: {
  entityTypes: string[];
  onSearch: (f: AccessLogFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const entityType = Form.useWatch('entityType', form);
  const submit = (v: FormValues) => {
    const record = v.record?.trim();
    // A bare number is the record's id; anything else its number or name.
    const byId = record && /^\d+$/.test(record);
    onSearch({
      userId: v.userId ?? undefined,
      entityType: v.entityType ?? undefined,
      entityId: byId && v.entityType ? Number(record) : undefined,
      record: record && !byId && v.entityType ? record : undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  };
  const reset = () => {
    form.resetFields();
    onSearch({});
  };
  return (
    <Form form={form} onFinish={submit} layout="vertical" data-testid="al-filter" style={{ marginBottom: 8 }}>
      <FilterFields onReset={reset} testIdPrefix="al" lg={4}>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="userId" label={t('accessLog.fields.user')}>
            <UserSelect testId="al-filter-user" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="entityType" label={t('accessLog.fields.entityType')}>
            <Select
              allowClear
              data-testid="al-filter-type"
              options={entityTypes.map((e) => ({ value: e, label: t(`accessLog.entity.${e}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="record" label={t('accessLog.fields.record')}>
            <Input
              allowClear
              disabled={!entityType}
              placeholder={t(entityType ? 'accessLog.recordPlaceholder' : 'accessLog.recordNeedsType')}
              data-testid="al-filter-record"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="range" label={t('accessLog.fields.period')}>
            <DeferredRangePicker style={{ width: '100%' }} allowEmpty={[true, true]} data-testid="al-filter-range" />
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
