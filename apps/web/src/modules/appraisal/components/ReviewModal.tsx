import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { useAppraisalCommand } from '../api';
import type { AppraisalResultDetail } from '../types';

export type ReviewStep = 'acknowledge' | 'object' | 'score';
const PATHS: Record<ReviewStep, string> = {
  acknowledge: 'acknowledge',
  object: 'object',
  score: 'manual-scores',
};

/**
 * The person's acknowledgement or objection (the reason and the points asked for; it goes to the
 * approval chain), or the supervisor's manual score.
 */
export function ReviewModal({
  step,
  result,
  onClose,
}: {
  step: ReviewStep;
  result: AppraisalResultDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const command = useAppraisalCommand();
  const f = (k: string) => t(`appraisal.fields.${k}`);
  const closed = result.runStatus === 'closed';
  const submit = async () => {
    const v = await form.validateFields();
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    try {
      await command.mutateAsync({
        path: `/appraisal-results/${result.id}/${PATHS[step]}`,
        body: { ...body, version: result.version },
      });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      open
      {...fit}
      title={t(`appraisal.steps.${step}`)}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId(`appraisal-${step}-ok`)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {step === 'acknowledge' && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('appraisal.acknowledgeHint')} />
            <Form.Item name="comment" label={f('acknowledgeComment')}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="appraisal-ack-comment" />
            </Form.Item>
          </>
        )}
        {step === 'object' && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('appraisal.objectHint')} />
            <Form.Item name="reason" label={f('objectionReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={4} maxLength={2000} data-testid="appraisal-object-reason" />
            </Form.Item>
            <Form.Item
              name="points"
              label={f('objectionPoints')}
              extra={t('appraisal.objectionPointsHint')}
              rules={[{ required: true }]}
            >
              <Input inputMode="decimal" data-testid="appraisal-object-points" />
            </Form.Item>
          </>
        )}
        {step === 'score' && (
          <>
            {closed && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('appraisal.correctionHint')} />
            )}
            <Form.Item name="label" label={f('label')} rules={[{ required: true }]}>
              <Input
                maxLength={100}
                placeholder={t('appraisal.labelPlaceholder')}
                data-testid="appraisal-score-label"
              />
            </Form.Item>
            <Form.Item name="points" label={f('points')} extra={t('appraisal.pointsHint')} rules={[{ required: true }]}>
              <Input inputMode="decimal" data-testid="appraisal-score-points" />
            </Form.Item>
            <Form.Item name="evidence" label={f('evidence')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="appraisal-score-evidence" />
            </Form.Item>
            {closed && (
              <Form.Item name="reason" label={f('reason')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="appraisal-score-reason" />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
