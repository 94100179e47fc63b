import { Alert, App, Card, Form } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { normalizeMoney } from '../../../components/MoneyInput';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useOpportunity, usePipelines, useSaveOpportunity } from '../api';
import { OpportunityForm, type OpportunityFormValues } from '../components/OpportunityForm';
import type { OpportunityDetail, OpportunityInput } from '../types';

function toInitial(o: OpportunityDetail): Partial<OpportunityFormValues> {
  return {
    name: o.name,
    customerId: o.customerId,
    amount: o.amount,
    expectedCloseDate: o.expectedCloseDate ? dayjs(o.expectedCloseDate) : null,
    probability: o.probabilityOverride,
    ownerId: o.ownerId,
    remark: o.remark,
  };
}

function toBody(v: OpportunityFormValues, isEdit: boolean): OpportunityInput {
  const body: OpportunityInput = {
    name: v.name.trim(),
    customerId: v.customerId,
    amount: normalizeMoney(v.amount) ?? '0.00',
    expectedCloseDate: v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null,
    probability: v.probability ?? null,
    ownerId: v.ownerId ?? null,
    remark: v.remark?.trim() ? v.remark.trim() : null,
  };
  if (!isEdit) {
    body.pipelineId = v.pipelineId;
    body.stageId = v.stageId ?? null;
  }
  return body;
}

export function OpportunityFormPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const [sp] = useSearchParams();
  const id = idParam ? Number(idParam) : undefined;
  const isEdit = id !== undefined;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpportunityFormValues>();
  const handleError = useApiErrorHandler();
  const pipelines = usePipelines();
  const query = useOpportunity(id ?? 0);
  const save = useSaveOpportunity(id);
  const opp = query.data;
  const presetPipeline = Number(sp.get('pipelineId')) || undefined;
  // Enter in a field and a click on Save can both submit before the button shows it is busy.
  const submitting = useRef(false);

  const initialValues = useMemo<Partial<OpportunityFormValues>>(() => {
    if (opp) return toInitial(opp);
    const items = pipelines.data?.items ?? [];
    const preset = items.find((p) => p.id === presetPipeline) ?? items.find((p) => p.isDefault) ?? items[0];
    return { pipelineId: preset?.id, stageId: null };
  }, [opp, pipelines.data, presetPipeline]);

  if (isEdit && !Number.isInteger(id)) return <NotFoundPage />;
  if ((isEdit && query.isPending) || pipelines.isPending) return <PageSpinner />;
  if (isEdit && query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  if (pipelines.isError) return <QueryErrorResult error={pipelines.error} onRetry={() => void pipelines.refetch()} />;

  const onSubmit = (values: OpportunityFormValues) => {
    if (submitting.current) return;
    submitting.current = true;
    const body = toBody(values, isEdit);
    save.mutate(isEdit && opp ? { ...body, version: opp.version } : body, {
      onSettled: () => {
        submitting.current = false;
      },
      onSuccess: (saved) => {
        message.success(t(isEdit ? 'common.updated' : 'common.created'));
        navigate(`/opportunities/${saved.id}`, { replace: true });
      },
      onError: (err) => {
        const onStale = () =>
          void query.refetch().then((r) => {
            if (!r.data) return;
            form.resetFields();
            form.setFieldsValue(toInitial(r.data));
          });
        handleError(err, { form, onStale });
      },
    });
  };

  const closed = isEdit && opp && opp.status !== 'open';
  return (
    <Card>
      <PageHeader
        title={isEdit ? t('opportunity.editTitle') : t('opportunity.newTitle')}
        subTitle={opp ? `${opp.no} ${opp.name}` : undefined}
        onBack={() => navigate(-1)}
      />
      {closed ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('opportunity.closedHint')} />
      ) : null}
      <OpportunityForm
        key={opp ? `${opp.id}-${opp.version}` : `new-${initialValues.pipelineId ?? ''}`}
        form={form}
        initialValues={initialValues}
        isEdit={isEdit}
        pipelines={pipelines.data.items}
        customerOption={opp ? { id: opp.customerId, no: opp.customerNo, name: opp.customerName } : null}
        stageProbability={opp?.stages.find((s) => s.current)?.probability}
        submitting={save.isPending}
        onSubmit={onSubmit}
        onCancel={() => (isEdit ? navigate(`/opportunities/${id}`) : navigate(-1))}
      />
    </Card>
  );
}
