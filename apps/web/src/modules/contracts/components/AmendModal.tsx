import { App, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { useContractCommand } from '../api';
import type { ContractDetail } from '../types';
import { isLineValid, type LineDraft, LineEditor, lineFromContract, linesTotal, toLineInput } from './LineEditor';
import { type PlanDraft, PlanEditor, planDraft, toPlanInput, usePlanProblems } from './PlanEditor';
import { lineErrorOf, TermsFields, type TermsValues, termsBody } from './TermsFields';

/** 合同变更: the full new terms, lines and plan with the reason; applied when the approval passes. */
export function AmendModal({
  contract: c,
  open,
  onClose,
}: {
  contract: ContractDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const cmd = useContractCommand(c.id);
  const [form] = Form.useForm<TermsValues & { reason: string }>();
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [plan, setPlan] = useState<PlanDraft[]>([]);
  const [lineError, setLineError] = useState<string | null>(null);
  const amount = linesTotal(lines);
  const problems = usePlanProblems(plan, amount);

  useEffect(() => {
    if (!open) return;
    setLines(c.lines.map(lineFromContract));
    setPlan(c.paymentPlan.map((p) => planDraft(p)));
    form.setFieldsValue({
      reason: '',
      startDate: c.startDate ? dayjs(c.startDate) : null,
      endDate: c.endDate ? dayjs(c.endDate) : null,
      deliveryTerms: c.deliveryTerms,
      paymentTerms: c.paymentTerms,
      qualityStandard: c.qualityStandard,
      afterSalesTerms: c.afterSalesTerms,
    });
  }, [open, c, form]);

  const submit = (v: TermsValues & { reason: string }) => {
    if (!lines.length || !lines.every(isLineValid)) return setLineError(t('contract.form.linesInvalid'));
    if (problems.length || plan.length === 0) return;
    setLineError(null);
    cmd.mutate(
      {
        action: 'amendments',
        body: {
          version: c.version,
          reason: v.reason.trim(),
          ...termsBody(v),
          lines: lines.map(toLineInput),
          paymentPlan: plan.map(toPlanInput),
        },
      },
      {
        onSuccess: () => {
          message.success(t('contract.done.amend'));
          onClose();
        },
        onError: (e) => {
          setLineError(lineErrorOf(e, t));
          handleError(e, { form });
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      width={1000}
      title={t('contract.action.amend')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: problems.length > 0 }}
      confirmLoading={cmd.isPending}
      data-testid="contract-amend-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('contract.amend.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="contract-amend-reason" />
        </Form.Item>
        <Form.Item label={t('contract.lines')} required>
          <LineEditor lines={lines} onChange={setLines} error={lineError} />
        </Form.Item>
        <Form.Item label={t('contract.paymentPlan')} required>
          <PlanEditor items={plan} onChange={setPlan} amount={amount} />
        </Form.Item>
        <TermsFields required />
      </Form>
    </Modal>
  );
}
