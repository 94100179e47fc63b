import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/AuthContext';
import { useApiErrorHandler } from '../app/useApiErrorHandler';
import { type ApprovalDecision, type ApprovalInstance, useApprovalAction } from './approvalApi';
import { buttonTestId } from './testId';
import { UserSelect } from './UserSelect';
import { useModalSession } from './useModalSession';
import { validValues } from './validValues';

/** Select value standing for "back to the applicant" (toStep: null). */
const TO_APPLICANT = -1;

interface Values {
  comment?: string;
  toStep?: number;
  toUserId?: number;
}

export interface ApprovalActionModalProps {
  instance: ApprovalInstance;
  /** The action being taken; null = closed. */
  action: ApprovalDecision | null;
  onClose: () => void;
}

export function ApprovalActionModal({ instance, action, onClose }: ApprovalActionModalProps) {
  const session = useModalSession(action);
  if (!session.shown) return null;
  return (
    <ActionModalBody
      key={session.key}
      instance={instance}
      action={session.shown}
      open={action !== null}
      onClose={onClose}
    />
  );
}

function ActionModalBody({
  instance,
  action,
  open,
  onClose,
}: {
  instance: ApprovalInstance;
  action: ApprovalDecision;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const act = useApprovalAction(instance);
  const handleError = useApiErrorHandler();
  const reasonRequired = action === 'reject' || action === 'return';

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    act.mutate(
      {
        action,
        comment: v.comment?.trim() || null,
        ...(action === 'return' ? { toStep: v.toStep === TO_APPLICANT ? null : (v.toStep ?? null) } : {}),
        ...(action === 'delegate' ? { toUserId: v.toUserId } : {}),
      },
      {
        onSuccess: () => {
          message.success(t(`approval.done.${action}`));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const earlierSteps = instance.steps.slice(0, instance.currentStep);
  return (
    <Modal
      open={open}
      title={t(`approval.modal.${action}`, { summary: instance.summary })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`approval.actions.${action}`)}
      cancelText={t('common.cancel')}
      confirmLoading={act.isPending}
      okButtonProps={{ ...buttonTestId('approval-action-submit'), danger: action === 'reject' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ toStep: TO_APPLICANT }}>
        {action === 'withdraw' ? <p>{t('approval.modal.withdrawConfirm')}</p> : null}
        {action === 'return' ? (
          <Form.Item name="toStep" label={t('approval.modal.toStep')} rules={[{ required: true }]}>
            <Select
              data-testid="approval-field-toStep"
              options={[
                { value: TO_APPLICANT, label: t('approval.modal.toApplicant', { name: instance.applicantName }) },
                ...earlierSteps.map((s, i) => ({
                  value: i,
                  label: t('approval.stepLabel', { n: i + 1, name: s.name }),
                })),
              ]}
            />
          </Form.Item>
        ) : null}
        {action === 'delegate' ? (
          <Form.Item
            name="toUserId"
            label={t('approval.modal.toUser')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <UserSelect testId="approval-field-toUser" excludeId={me?.id} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={t(`approval.modal.comment.${action}`)}
          rules={
            reasonRequired ? [{ required: true, whitespace: true, message: t('approval.modal.reasonRequired') }] : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="approval-field-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
