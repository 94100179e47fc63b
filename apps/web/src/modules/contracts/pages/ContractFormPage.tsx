import { App, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { ForbiddenPage, NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { CustomerPicker } from '../../opportunities/components/CustomerPicker';
import { type ContractBody, useContract, useContractTemplates, useSaveContract } from '../api';
import {
  isLineValid,
  type LineDraft,
  LineEditor,
  lineFromContract,
  linesTotal,
  toLineInput,
} from '../components/LineEditor';
import { type PlanDraft, PlanEditor, planDraft, toPlanInput, usePlanProblems } from '../components/PlanEditor';
import { ProposalPicker } from '../components/ProposalPicker';
import { lineErrorOf, TermsFields, type TermsValues, termsBody } from '../components/TermsFields';
import { CONTRACT_PRICES } from '../constants';

interface FormValues extends TermsValues {
  customerId?: number;
  templateId?: number | null;
  proposalId?: number | null;
  title: string;
}

/** Create or edit a draft contract: customer, template, terms, lines and the payment plan (live sum check). */
export function ContractFormPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const [sp] = useSearchParams();
  const id = idParam ? Number(idParam) : undefined;
  const isEdit = id !== undefined;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useAuth();
  const query = useContract(id ?? 0);
  const templates = useContractTemplates();
  const save = useSaveContract(id);
  const c = query.data;
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [plan, setPlan] = useState<PlanDraft[]>([]);
  const [lineError, setLineError] = useState<string | null>(null);
  const loaded = useRef(false);
  const amount = linesTotal(lines);
  const planProblems = usePlanProblems(plan, amount);
  const customerId = Form.useWatch('customerId', form);

  useEffect(() => {
    if (c && !c.pricesMasked && !loaded.current) {
      loaded.current = true;
      setLines(c.lines.map(lineFromContract));
      setPlan(c.paymentPlan.map((p) => planDraft(p)));
    }
  }, [c]);

  if (isEdit && !Number.isInteger(id)) return <NotFoundPage />;
  if (isEdit && query.isPending) return <PageSpinner />;
  if (isEdit && query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  // Drafting and editing set the prices: not for a user who sees them masked (the server refuses too).
  if (!hasPermission(CONTRACT_PRICES) || c?.pricesMasked) return <ForbiddenPage />;

  const initialValues: Partial<FormValues> = c
    ? {
        customerId: c.customerId,
        templateId: c.templateId,
        proposalId: c.proposalId,
        title: c.title,
        startDate: c.startDate ? dayjs(c.startDate) : null,
        endDate: c.endDate ? dayjs(c.endDate) : null,
        deliveryTerms: c.deliveryTerms,
        paymentTerms: c.paymentTerms,
        qualityStandard: c.qualityStandard,
        afterSalesTerms: c.afterSalesTerms,
      }
    : {
        customerId: Number(sp.get('customerId')) || undefined,
        // Drafted from an accepted proposal (opportunity → 起草合同).
        proposalId: Number(sp.get('proposalId')) || null,
      };

  const onSubmit = (v: FormValues) => {
    if (lines.length === 0) return setLineError(t('contract.form.linesRequired'));
    if (!lines.every(isLineValid)) return setLineError(t('contract.form.linesInvalid'));
    setLineError(null);
    if (planProblems.length) return;
    const body: ContractBody = {
      title: v.title.trim(),
      ...termsBody(v),
      lines: lines.map(toLineInput),
      paymentPlan: plan.map(toPlanInput),
    };
    const payload =
      isEdit && c
        ? { ...body, proposalId: v.proposalId ?? null, version: c.version }
        : { ...body, customerId: v.customerId, templateId: v.templateId ?? null, proposalId: v.proposalId ?? null };
    save.mutate(payload, {
      onSuccess: (saved) => {
        message.success(t(isEdit ? 'common.updated' : 'common.created'));
        navigate(`/contracts/${saved.id}`, { replace: true });
      },
      onError: (err) => {
        setLineError(lineErrorOf(err, t));
        handleError(err, { form, onStale: () => window.location.reload() });
      },
    });
  };

  const onTemplate = (tid: number | null) => {
    const tpl = templates.data?.items.find((x) => x.id === tid);
    if (!tpl) return;
    // The template's standard terms prefill empty fields; the body is rendered by the server.
    if (!form.getFieldValue('qualityStandard')) form.setFieldValue('qualityStandard', tpl.qualityStandard);
    if (!form.getFieldValue('afterSalesTerms')) form.setFieldValue('afterSalesTerms', tpl.afterSalesTerms);
  };

  return (
    <Card>
      <PageHeader
        title={isEdit ? t('contract.editTitle') : t('contract.newTitle')}
        subTitle={c?.no}
        onBack={() => navigate(-1)}
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onSubmit}
        data-testid="contract-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="customerId"
              label={t('fields.contract.customerName')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <CustomerPicker
                disabled={isEdit}
                onChange={() => form.setFieldValue('proposalId', null)}
                initialOption={c ? { id: c.customerId, no: c.customerNo ?? '', name: c.customerName } : null}
                testId="contract-customer"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="templateId" label={t('fields.contract.template')}>
              <Select
                allowClear
                disabled={isEdit}
                loading={templates.isPending}
                options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                onChange={onTemplate}
                data-testid="contract-template"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="title"
              label={t('fields.contract.title')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={200} data-testid="contract-title" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="proposalId"
              label={t('fields.contract.proposalId')}
              extra={t('contract.form.proposalHint')}
            >
              <ProposalPicker
                customerId={customerId}
                current={c?.source.proposalId ? { id: c.source.proposalId, title: c.source.proposalTitle ?? '' } : null}
                disabled={c?.source.kind === 'quote'}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('contract.lines')} required>
          <LineEditor lines={lines} onChange={setLines} error={lineError} />
        </Form.Item>
        <Form.Item label={t('contract.paymentPlan')}>
          <PlanEditor items={plan} onChange={setPlan} amount={amount} />
        </Form.Item>
        <TermsFields />
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            disabled={planProblems.length > 0}
            data-testid="contract-save"
          >
            {t('common.save')}
          </Button>
          <Button onClick={() => (isEdit ? navigate(`/contracts/${id}`) : navigate(-1))}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
