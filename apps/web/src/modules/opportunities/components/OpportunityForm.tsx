import { Button, Col, DatePicker, Form, type FormInstance, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../components/MoneyInput';
import { UserSelect } from '../../../components/UserSelect';
import type { CustomerOption } from '../api';
import type { Pipeline } from '../types';
import { CustomerPicker } from './CustomerPicker';

export interface OpportunityFormValues {
  name: string;
  customerId: number;
  pipelineId?: number;
  stageId?: number | null;
  amount?: string | null;
  expectedCloseDate?: Dayjs | null;
  probability?: number | null;
  ownerId?: number | null;
  remark?: string | null;
}

export interface OpportunityFormProps {
  form: FormInstance<OpportunityFormValues>;
  initialValues: Partial<OpportunityFormValues>;
  /** Create: the pipeline and starting stage are chosen here (later they change by stage moves). */
  isEdit: boolean;
  pipelines: Pipeline[];
  customerOption?: CustomerOption | null;
  /** Shown as the probability placeholder: the current stage's probability. */
  stageProbability?: number;
  submitting: boolean;
  onSubmit: (values: OpportunityFormValues) => void;
  onCancel: () => void;
}

const half = { xs: 24, md: 12 };

export function OpportunityForm({
  form,
  initialValues,
  isEdit,
  pipelines,
  customerOption,
  stageProbability,
  submitting,
  onSubmit,
  onCancel,
}: OpportunityFormProps) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.opportunity.${f}`);
  const required = { required: true, message: t('validation.required') };
  const pipelineId = Form.useWatch('pipelineId', form) ?? initialValues.pipelineId;
  const stageId = Form.useWatch('stageId', form);
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  const openStages = (pipeline?.stages ?? []).filter((s) => s.kind === 'open');
  const chosenStage = openStages.find((s) => s.id === stageId) ?? openStages[0];
  const probabilityHint = isEdit ? stageProbability : chosenStage?.probability;

  return (
    <Form<OpportunityFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      scrollToFirstError
      data-testid="opportunity-form"
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label={label('name')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={100} data-testid="opp-field-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="customerId" label={label('customerName')} rules={[required]}>
            <CustomerPicker initialOption={customerOption} testId="opp-field-customer" />
          </Form.Item>
        </Col>
        {isEdit ? null : (
          <>
            <Col {...half}>
              <Form.Item name="pipelineId" label={label('pipelineName')} rules={[required]}>
                <Select<number>
                  options={pipelines.map((p) => ({ value: p.id, label: p.name }))}
                  onChange={() => form.setFieldValue('stageId', null)}
                  data-testid="opp-field-pipeline"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="stageId" label={label('stageName')} extra={t('opportunity.form.stageHint')}>
                <Select<number>
                  allowClear
                  placeholder={openStages[0]?.name ?? t('common.pleaseSelect')}
                  options={openStages.map((s) => ({ value: s.id, label: s.name }))}
                  data-testid="opp-field-stage"
                />
              </Form.Item>
            </Col>
          </>
        )}
        <Col {...half}>
          <Form.Item name="amount" label={label('amount')}>
            <MoneyInput testId="opp-field-amount" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="expectedCloseDate" label={label('expectedCloseDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="opp-field-expectedCloseDate" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="probability"
            label={label('probability')}
            extra={
              probabilityHint === undefined
                ? t('opportunity.form.probabilityHintPlain')
                : t('opportunity.form.probabilityHint', { value: probabilityHint })
            }
          >
            <InputNumber<number>
              min={0}
              max={100}
              precision={0}
              suffix="%"
              placeholder={probabilityHint === undefined ? undefined : String(probabilityHint)}
              style={{ width: '100%' }}
              data-testid="opp-field-probability"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="ownerId"
            label={label('ownerName')}
            extra={isEdit ? undefined : t('opportunity.form.ownerHint')}
          >
            <UserSelect testId="opp-field-owner" allowClear={!isEdit} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="remark" label={label('remark')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="opp-field-remark" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="opp-submit">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel} data-testid="opp-cancel">
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
