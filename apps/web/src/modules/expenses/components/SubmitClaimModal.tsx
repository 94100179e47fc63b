import { money } from '@sales/core';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useExpenseCommand } from '../api';
import { moneyText } from '../money';
import type { ClaimDetail } from '../types';

/**
 * Submits a claim. Within the remaining budget: straight to the superior and finance. Beyond it
 * (seed 001 费用预算 3: 不得超预算开支) the applicant explains why, and the claim goes through the
 * over-budget approval first; the server decides again on its own figures.
 */
export function SubmitClaimModal({ claim, onClose }: { claim: ClaimDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ overBudgetReason?: string }>();
  const command = useExpenseCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  // The server judges on its own figures: a claim that turned out beyond budget asks for the reason then.
  const [over, setOver] = useState(money(claim.budgetCheck.over).gt(0));
  const s = (k: string) => t(`expenses.submitModal.${k}`);

  const submit = async (v: { overBudgetReason?: string }) => {
    try {
      await command.mutateAsync({
        path: `/expense-claims/${claim.id}/submit`,
        body: { version: claim.version, overBudgetReason: v.overBudgetReason?.trim() || null },
      });
      message.success(t('expenses.submitted'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.fields.some((f) => f.field === 'overBudgetReason')) setOver(true);
      handleError(err, { form });
    }
  };

  return (
    <Modal
      open
      title={s('title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={over ? s('okOver') : t('expenses.submit')}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('claim-submit-ok')}
      destroyOnHidden
    >
      <Alert
        type={over ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="submit-budget-note"
        message={over ? t('expenses.submitModal.over', { over: moneyText(claim.budgetCheck.over) }) : s('within')}
      />
      <Form form={form} layout="vertical" onFinish={submit} disabled={command.isPending}>
        <Form.Item
          name="overBudgetReason"
          label={s('reason')}
          hidden={!over}
          rules={over ? [{ required: true, whitespace: true }] : []}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={s('reasonPlaceholder')}
            data-testid="over-budget-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
