import { Col, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_CHANNELS } from '../../../app/dictionaries';
import { DeferredRangePicker } from '../../../components/DeferredRangePicker';
import { DictSelect } from '../../../components/DictSelect';
import { FilterFields } from '../../../components/FilterFields';
import { UserSelect } from '../../../components/UserSelect';
import { CONFLICT_FILTERS, REGISTRATION_KINDS, type RegistrationFilters, ROUTE_REASONS, SURVEY_FILTERS } from '../api';

interface FilterFormValues {
  keyword?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  kind?: string;
  channel?: string;
  routeReason?: string;
  routedToId?: number;
  survey?: string;
  conflict?: string;
}

export interface RegistrationFilterBarProps {
  value: RegistrationFilters;
  onSearch: (filters: RegistrationFilters) => void;
}

function toFormValues(f: RegistrationFilters): FilterFormValues {
  return {
    keyword: f.keyword,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
    kind: f.kind,
    channel: f.channel,
    routeReason: f.routeReason,
    routedToId: f.routedToId,
    survey: f.survey,
    conflict: f.conflict,
  };
}

export function RegistrationFilterBar({ value, onSearch }: RegistrationFilterBarProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterFormValues>();

  useEffect(() => {
    form.setFieldsValue(toFormValues(value));
  }, [form, value]);

  const submit = (v: FilterFormValues) =>
    onSearch({
      keyword: v.keyword?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
      kind: v.kind ?? undefined,
      channel: v.channel ?? undefined,
      routeReason: v.routeReason ?? undefined,
      routedToId: v.routedToId ?? undefined,
      survey: v.survey ?? undefined,
      conflict: v.conflict ?? undefined,
    });

  const reset = () => {
    form.resetFields();
    onSearch({});
  };

  const f = (field: string) => t(`frontDesk.fields.${field}`);
  return (
    <Form form={form} onFinish={submit} layout="vertical" data-testid="fd-filter" style={{ marginBottom: 8 }}>
      <FilterFields onReset={reset} testIdPrefix="fd">
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="keyword" label={t('frontDesk.filter.keyword')}>
            <Input allowClear placeholder={t('frontDesk.filter.keywordPlaceholder')} data-testid="fd-filter-keyword" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="range" label={f('regDate')}>
            <DeferredRangePicker style={{ width: '100%' }} allowEmpty={[true, true]} data-testid="fd-filter-range" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="kind" label={f('kind')}>
            <DictSelect dict="frontDesk.kind" values={REGISTRATION_KINDS} testId="fd-filter-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="channel" label={f('channel')}>
            <DictSelect dict="dict.source" values={SOURCE_CHANNELS} testId="fd-filter-channel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="routeReason" label={f('routeReason')}>
            <DictSelect dict="frontDesk.routeReason" values={ROUTE_REASONS} testId="fd-filter-reason" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="routedToId" label={f('routedTo')}>
            <UserSelect testId="fd-filter-routed" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="survey" label={f('survey')}>
            <DictSelect dict="frontDesk.filter.survey" values={SURVEY_FILTERS} testId="fd-filter-survey" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="conflict" label={f('conflict')}>
            <DictSelect dict="frontDesk.filter.conflict" values={CONFLICT_FILTERS} testId="fd-filter-conflict" />
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
