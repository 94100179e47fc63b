import { Col, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DeferredRangePicker } from '../../../components/DeferredRangePicker';
import { DictSelect } from '../../../components/DictSelect';
import { FilterFields } from '../../../components/FilterFields';
import { UserSelect } from '../../../components/UserSelect';
import { usePipelines } from '../api';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from '../constants';
import type { OpportunityFilters } from '../types';

interface FilterFormValues {
  keyword?: string;
  pipelineId?: number;
  stageId?: number;
  status?: OpportunityStatus;
  ownerId?: number;
  close?: [Dayjs | null, Dayjs | null] | null;
}

export interface OpportunityFilterBarProps {
  value: OpportunityFilters;
  onSearch: (filters: OpportunityFilters) => void;
}

function toFormValues(f: OpportunityFilters): FilterFormValues {
  return {
    keyword: f.keyword,
    pipelineId: f.pipelineId,
    stageId: f.stageId,
    status: f.status,
    ownerId: f.ownerId,
    close:
      f.closeFrom || f.closeTo ? [f.closeFrom ? dayjs(f.closeFrom) : null, f.closeTo ? dayjs(f.closeTo) : null] : null,
  };
}

export function OpportunityFilterBar({ value, onSearch }: OpportunityFilterBarProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterFormValues>();
  const pipelines = usePipelines();
  const pipelineId = Form.useWatch('pipelineId', form);
  const stages = pipelines.data?.items.find((p) => p.id === pipelineId)?.stages ?? [];

  useEffect(() => {
    form.setFieldsValue(toFormValues(value));
  }, [form, value]);

  const submit = (v: FilterFormValues) => {
    onSearch({
      keyword: v.keyword?.trim() || undefined,
      pipelineId: v.pipelineId ?? undefined,
      stageId: v.pipelineId ? (v.stageId ?? undefined) : undefined,
      status: v.status ?? undefined,
      ownerId: v.ownerId ?? undefined,
      closeFrom: v.close?.[0]?.format('YYYY-MM-DD'),
      closeTo: v.close?.[1]?.format('YYYY-MM-DD'),
    });
  };

  const reset = () => {
    form.resetFields();
    onSearch({});
  };

  const label = (f: string) => t(`fields.opportunity.${f}`);
  return (
    <Form form={form} onFinish={submit} layout="vertical" data-testid="opportunity-filter" style={{ marginBottom: 8 }}>
      <FilterFields onReset={reset} testIdPrefix="opportunity" lg={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="keyword" label={t('opportunity.filter.keyword')}>
            <Input
              allowClear
              placeholder={t('opportunity.filter.keywordPlaceholder')}
              data-testid="opportunity-keyword"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="pipelineId" label={label('pipelineName')}>
            <Select<number>
              allowClear
              placeholder={t('common.pleaseSelect')}
              loading={pipelines.isLoading}
              onChange={() => form.setFieldValue('stageId', undefined)}
              options={(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              data-testid="opportunity-filter-pipeline"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="stageId" label={label('stageName')}>
            <Select<number>
              allowClear
              disabled={!pipelineId}
              placeholder={pipelineId ? t('common.pleaseSelect') : t('opportunity.filter.pipelineFirst')}
              options={stages.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="opportunity-filter-stage"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="status" label={label('status')}>
            <DictSelect dict="opportunity.status" values={OPPORTUNITY_STATUSES} testId="opportunity-filter-status" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="ownerId" label={label('ownerName')}>
            <UserSelect testId="opportunity-filter-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="close" label={t('opportunity.filter.closeRange')}>
            <DeferredRangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              data-testid="opportunity-filter-close"
            />
          </Form.Item>
        </Col>
      </FilterFields>
    </Form>
  );
}
