import {
  CheckOutlined,
  CloseOutlined,
  RollbackOutlined,
  SendOutlined,
  UndoOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, Timeline as AntTimeline, Button, Space, Steps, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalActionModal } from './ApprovalActionModal';
import type {
  ApprovalDecision,
  ApprovalHistoryEntry,
  ApprovalInstance,
  ApprovalStep,
  ApprovalTask,
} from './approvalApi';
import { formatDateTime } from './format';

export const APPROVAL_STATUS_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: 'default',
};

export const TASK_STATUS_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  delegated: 'purple',
  cancelled: 'default',
};

const HISTORY_COLORS: Record<string, string> = {
  submit: 'blue',
  approve: 'green',
  auto_approve: 'green',
  reject: 'red',
  return: 'orange',
  delegate: 'purple',
  withdraw: 'gray',
};

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

function stepStatus(instance: ApprovalInstance, index: number): StepStatus {
  if (instance.status === 'approved' || index < instance.currentStep) return 'finish';
  if (index > instance.currentStep) return 'wait';
  if (instance.status === 'pending') return 'process';
  return instance.status === 'rejected' ? 'error' : 'wait';
}

function TaskLine({ task }: { task: ApprovalTask }) {
  const { t } = useTranslation();
  return (
    <div data-testid="approval-task">
      <Space size={4} wrap>
        <span>{task.approverName}</span>
        <Tag color={TASK_STATUS_COLORS[task.status]} style={{ marginInlineEnd: 0 }}>
          {t(`approval.taskStatus.${task.status}`, { defaultValue: task.status })}
        </Tag>
        {task.actedAt ? <Typography.Text type="secondary">{formatDateTime(task.actedAt)}</Typography.Text> : null}
      </Space>
      {task.comment ? (
        <div>
          <Typography.Text type="secondary">{t('approval.commentLine', { comment: task.comment })}</Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

function StepTitle({ step }: { step: ApprovalStep }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <span>{step.name}</span>
      <Tag title={t(`approval.modeHint.${step.mode}`)}>{t(`approval.mode.${step.mode}`)}</Tag>
    </Space>
  );
}

function historyText(e: ApprovalHistoryEntry, steps: ApprovalStep[], t: TFunction) {
  const actor = e.actorName ?? t('timeline.system');
  const action = t(`approval.history.${e.action}`, { target: e.targetName ?? '', defaultValue: e.action });
  // Applicant actions (submit, withdraw, auto-approval) are not decisions at a step.
  const atStep = e.action !== 'submit' && e.action !== 'withdraw' && e.action !== 'auto_approve';
  const step = atStep && e.step !== null && steps[e.step] ? steps[e.step].name : null;
  return step ? t('approval.historyAtStep', { actor, action, step }) : t('timeline.actorDid', { actor, action });
}

export interface ApprovalPanelProps {
  instance: ApprovalInstance;
  /** Only show the chain and the history (e.g. on the document's page). */
  readOnly?: boolean;
}

/** An approval's chain (Steps), its history (Timeline) and — for the current approver or applicant — actions. */
export function ApprovalPanel({ instance, readOnly = false }: ApprovalPanelProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ApprovalDecision | null>(null);

  const buttons: ReactNode[] = [];
  if (!readOnly && instance.myPendingTask) {
    buttons.push(
      <Button
        key="approve"
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => setAction('approve')}
        data-testid="approval-approve"
      >
        {t('approval.actions.approve')}
      </Button>,
      <Button
        key="reject"
        danger
        icon={<CloseOutlined />}
        onClick={() => setAction('reject')}
        data-testid="approval-reject"
      >
        {t('approval.actions.reject')}
      </Button>,
      <Button
        key="return"
        icon={<RollbackOutlined />}
        onClick={() => setAction('return')}
        data-testid="approval-return"
      >
        {t('approval.actions.return')}
      </Button>,
      <Button
        key="delegate"
        icon={<UserSwitchOutlined />}
        onClick={() => setAction('delegate')}
        data-testid="approval-delegate"
      >
        {t('approval.actions.delegate')}
      </Button>,
    );
  }
  if (!readOnly && instance.canWithdraw) {
    buttons.push(
      <Button
        key="withdraw"
        icon={<UndoOutlined />}
        onClick={() => setAction('withdraw')}
        data-testid="approval-withdraw"
      >
        {t('approval.actions.withdraw')}
      </Button>,
    );
  }

  const stepItems = [
    {
      key: 'submit',
      status: 'finish' as StepStatus,
      icon: <SendOutlined />,
      title: t('approval.applicantStep'),
      content: (
        <div data-testid="approval-task">
          {instance.applicantName}
          {instance.createdAt ? (
            <div>
              <Typography.Text type="secondary">{formatDateTime(instance.createdAt)}</Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    ...instance.steps.map((step, index) => ({
      key: String(index),
      status: stepStatus(instance, index),
      title: <StepTitle step={step} />,
      content: (
        <Space orientation="vertical" size={2}>
          {step.tasks.length ? (
            step.tasks.map((task) => (
              <TaskLine key={task.id ?? `${task.approverName}-${task.status}-${task.actedAt}`} task={task} />
            ))
          ) : (
            <Typography.Text type="secondary">{t('approval.notReached')}</Typography.Text>
          )}
        </Space>
      ),
    })),
  ];

  // Newest first, like the customer timeline.
  const history = [...instance.actions].reverse().map((e) => ({
    key: e.id ?? `${e.at}-${e.action}-${e.actorName}`,
    color: HISTORY_COLORS[e.action] ?? 'blue',
    title: formatDateTime(e.at),
    content: (
      <div data-testid="approval-history-item">
        <Typography.Text strong>{historyText(e, instance.steps, t)}</Typography.Text>
        {e.comment ? (
          <div>
            <Typography.Text type="secondary">{t('approval.commentLine', { comment: e.comment })}</Typography.Text>
          </div>
        ) : null}
      </div>
    ),
  }));

  return (
    <div data-testid="approval-panel">
      {buttons.length ? (
        <Space wrap style={{ marginBottom: 16 }} data-testid="approval-actions">
          {buttons}
        </Space>
      ) : null}
      <Typography.Title level={5}>{t('approval.chain')}</Typography.Title>
      {instance.steps.length === 0 ? (
        <Alert type="info" showIcon title={t('approval.noSteps')} style={{ marginBottom: 16 }} />
      ) : null}
      <div style={{ overflowX: 'auto', paddingBottom: 8 }}>
        <Steps
          data-testid="approval-steps"
          size="small"
          items={stepItems}
          style={{ minWidth: 160 * stepItems.length }}
        />
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('approval.historyTitle')}
      </Typography.Title>
      <div data-testid="approval-history">
        <AntTimeline items={history} titleSpan="150px" />
      </div>
      {readOnly ? null : <ApprovalActionModal instance={instance} action={action} onClose={() => setAction(null)} />}
    </div>
  );
}
