import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Divider, Form, Input, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { useOpportunityCommand } from '../api';
import type { DecisionRole } from '../constants';
import type { NeedsAnalysis, NeedsAnalysisData, OpportunityDetail } from '../types';
import { CompetitorsField, DecisionMakersField } from './NeedsListFields';

interface NeedsFormValues {
  needs: string;
  budget?: string | null;
  budgetNote?: string | null;
  decisionMakers?: { name: string; title?: string | null; role?: DecisionRole; attitude?: string | null }[];
  timeline?: string | null;
  expectedPurchaseDate?: Dayjs | null;
  competitors?: { name: string; strengths?: string | null; weaknesses?: string | null }[];
  painPoints?: string | null;
  remark?: string | null;
}

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function toInitial(n: NeedsAnalysis | null): Partial<NeedsFormValues> {
  if (!n) return { decisionMakers: [], competitors: [] };
  return { ...n, expectedPurchaseDate: n.expectedPurchaseDate ? dayjs(n.expectedPurchaseDate) : null };
}

function toBody(v: NeedsFormValues): NeedsAnalysisData {
  return {
    needs: v.needs.trim(),
    budget: normalizeMoney(v.budget),
    budgetNote: text(v.budgetNote),
    decisionMakers: (v.decisionMakers ?? []).map((d) => ({
      name: d.name.trim(),
      title: text(d.title),
      role: d.role ?? 'decision',
      attitude: text(d.attitude),
    })),
    timeline: text(v.timeline),
    expectedPurchaseDate: v.expectedPurchaseDate ? v.expectedPurchaseDate.format('YYYY-MM-DD') : null,
    competitors: (v.competitors ?? []).map((c) => ({
      name: c.name.trim(),
      strengths: text(c.strengths),
      weaknesses: text(c.weaknesses),
    })),
    painPoints: text(v.painPoints),
    remark: text(v.remark),
  };
}

export interface NeedsAnalysisTabProps {
  opportunity: OpportunityDetail;
  editable: boolean;
  onStale: () => void;
}

/** The 销售需求分析表 (SPEC 3.1); saving it ticks the "需求分析表已填写" checklist items. */
export function NeedsAnalysisTab({ opportunity: o, editable, onStale }: NeedsAnalysisTabProps) {
  const na = o.needsAnalysis;
  // A fresh form per saved version: the server's values replace what was typed.
  return <NeedsAnalysisForm key={na?.version ?? 0} opportunity={o} editable={editable} onStale={onStale} />;
}

function NeedsAnalysisForm({ opportunity: o, editable, onStale }: NeedsAnalysisTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<NeedsFormValues>();
  const command = useOpportunityCommand();
  const na = o.needsAnalysis;
  const label = (f: string) => t(`opportunity.needs.fields.${f}`);

  const submit = (v: NeedsFormValues) =>
    command.mutate(
      { id: o.id, command: 'needs-analysis', body: { ...toBody(v), version: na?.version ?? 0 } },
      {
        onSuccess: () => message.success(t('opportunity.needs.saved')),
        onError: (e) => handleError(e, { form, onStale }),
      },
    );

  const half = { xs: 24, md: 12 };
  return (
    <Form<NeedsFormValues>
      form={form}
      layout="vertical"
      initialValues={toInitial(na)}
      onFinish={submit}
      disabled={!editable}
      scrollToFirstError
      data-testid="needs-form"
    >
      {na ? (
        <Typography.Paragraph type="secondary" data-testid="needs-updated">
          {t('opportunity.needs.updated', {
            name: na.updatedByName ?? t('timeline.system'),
            at: formatDateTime(na.updatedAt),
          })}
        </Typography.Paragraph>
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('opportunity.needs.empty')} />
      )}
      <Form.Item
        name="needs"
        label={label('needs')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="needs-field-needs" />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="budget" label={label('budget')}>
            <MoneyInput testId="needs-field-budget" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="budgetNote" label={label('budgetNote')}>
            <Input maxLength={500} data-testid="needs-field-budgetNote" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="expectedPurchaseDate" label={label('expectedPurchaseDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="needs-field-expectedPurchaseDate" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="timeline" label={label('timeline')}>
            <Input maxLength={500} data-testid="needs-field-timeline" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{label('decisionMakers')}</Divider>
      <DecisionMakersField disabled={!editable} />
      <Divider titlePlacement="start">{label('competitors')}</Divider>
      <CompetitorsField disabled={!editable} />
      <Divider />
      <Form.Item name="painPoints" label={label('painPoints')}>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="needs-field-painPoints" />
      </Form.Item>
      <Form.Item name="remark" label={label('remark')}>
        <Input.TextArea rows={2} maxLength={1000} showCount data-testid="needs-field-remark" />
      </Form.Item>
      {editable ? (
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={command.isPending}
          data-testid="needs-save"
        >
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}
