import { formatMoney } from '@sales/core';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useDisciplineCommand } from '../api';
import type { DisciplineDetail } from '../types';

type Step = 'decide' | 'acknowledge' | 'void';

/**
 * 一级 is decided by the rule (seed 000 处理办法 一): a warning without loss, else full compensation plus
 * the fixed 快乐基金 contribution; the decider only adds words. Higher levels take the decider's
 * compensation (up to the loss), fine and decision; a reward its amount.
 */
function DecideFields({ r }: { r: DisciplineDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`discipline.fields.${k}`);
  const level1 = r.kind === 'incident' && r.level === 'level1';
  const noLoss = /^0+(\.0+)?$/.test(r.lossAmount);
  const money = (v: string) => `¥${formatMoney(v, currentLanguage())}`;
  return (
    <>
      {level1 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={noLoss ? t('discipline.rule.warning') : t('discipline.rule.compensation')}
          description={
            noLoss
              ? null
              : t('discipline.rule.compensationDetail', {
                  loss: money(r.lossAmount),
                  contribution: money(r.contributionPolicy),
                })
          }
        />
      )}
      {r.kind === 'incident' && !level1 && (
        <>
          <Form.Item name="compensationAmount" label={f('compensationAmount')} extra={t('discipline.compensationHint')}>
            <MoneyInput style={{ width: '100%' }} testId="discipline-compensation" />
          </Form.Item>
          <Form.Item name="fineAmount" label={f('fineAmount')}>
            <MoneyInput style={{ width: '100%' }} testId="discipline-fine" />
          </Form.Item>
        </>
      )}
      {r.kind === 'reward' && (
        <Form.Item name="rewardAmount" label={f('rewardAmount')}>
          <MoneyInput style={{ width: '100%' }} testId="discipline-reward" />
        </Form.Item>
      )}
      <Form.Item name="decision" label={f('decision')} rules={level1 ? [] : [{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="discipline-decision" />
      </Form.Item>
    </>
  );
}

/** The decision, the person's acknowledgement, or voiding a record entered in error. */
export function DecisionModal({
  step,
  record,
  onClose,
}: {
  step: Step;
  record: DisciplineDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const command = useDisciplineCommand();
  const f = (k: string) => t(`discipline.fields.${k}`);
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    try {
      await command.mutateAsync({
        path: `/discipline-records/${record.id}/${step}`,
        body: { ...body, version: record.version },
      });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  const initial =
    step === 'decide' && record.kind === 'incident' && record.level !== 'level1'
      ? { compensationAmount: record.lossAmount, fineAmount: '0.00' }
      : {};
  return (
    <Modal
      open
      {...fit}
      title={t(`discipline.steps.${step}`)}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={command.isPending}
      okButtonProps={{ danger: step === 'void', ...buttonTestId(`discipline-${step}-ok`) }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {step === 'decide' && <DecideFields r={record} />}
        {step === 'acknowledge' && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('discipline.acknowledgeHint')} />
            <Form.Item name="comment" label={f('acknowledgeComment')}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="discipline-ack-comment" />
            </Form.Item>
          </>
        )}
        {step === 'void' && (
          <Form.Item name="reason" label={f('voidReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="discipline-void-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
