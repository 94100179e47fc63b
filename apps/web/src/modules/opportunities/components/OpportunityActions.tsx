import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  RedoOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { type OpportunityCommand, useDeleteOpportunity, useOpportunityCommand } from '../api';
import { OPPORTUNITY_DELETE, OPPORTUNITY_EDIT, type OpportunityAction } from '../constants';
import type { OpportunityDetail } from '../types';
import { LoseModal } from './LoseModal';

export interface OpportunityActionsProps {
  opportunity: OpportunityDetail;
  onStale: () => void;
}

/** The header buttons; what is offered follows the server's allowedActions and the user's permissions. */
export function OpportunityActions({ opportunity: o, onStale }: OpportunityActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const command = useOpportunityCommand();
  const del = useDeleteOpportunity(o.id);
  const [losing, setLosing] = useState(false);

  const can = (action: OpportunityAction) => o.allowedActions.includes(action);
  const canEdit = hasPermission(OPPORTUNITY_EDIT);
  const current = o.stages.find((s) => s.current);
  const next = o.stages
    .filter((s) => s.kind === 'open' && current && s.position > current.position)
    .sort((a, b) => a.position - b.position)[0];

  const run = (cmd: OpportunityCommand, done: string) =>
    command.mutate(
      { id: o.id, ...cmd },
      {
        onSuccess: () => {
          setLosing(false);
          message.success(done);
        },
        // A forward move with an unfinished checklist answers 409 listing the missing items.
        onError: (e) => handleError(e, { onStale }),
      },
    );

  const onDelete = () =>
    del.mutate(o.version, {
      onSuccess: () => {
        message.success(t('common.deleted'));
        navigate('/opportunities', { replace: true });
      },
      onError: (e) => handleError(e, { onStale }),
    });

  const busy = command.isPending;
  return (
    <>
      {canEdit && can('move') && next ? (
        <Button
          type="primary"
          icon={<StepForwardOutlined />}
          loading={busy && command.variables?.command === 'move'}
          disabled={busy}
          title={t('opportunity.action.advanceTo', { stage: next.name })}
          onClick={() =>
            run(
              { command: 'move', body: { stageId: next.id, version: o.version } },
              t('opportunity.action.advanced', { stage: next.name }),
            )
          }
          data-testid="opp-advance"
        >
          {t('opportunity.action.advance')}
        </Button>
      ) : null}
      {canEdit && can('win') ? (
        <Popconfirm
          title={t('opportunity.action.winConfirm')}
          okText={t('opportunity.action.win')}
          cancelText={t('common.cancel')}
          okButtonProps={buttonTestId('opp-win-confirm')}
          onConfirm={() => run({ command: 'win', body: { version: o.version } }, t('opportunity.action.won'))}
        >
          <Button icon={<CheckCircleOutlined />} disabled={busy} data-testid="opp-win">
            {t('opportunity.action.win')}
          </Button>
        </Popconfirm>
      ) : null}
      {canEdit && can('lose') ? (
        <Button
          danger
          icon={<CloseCircleOutlined />}
          disabled={busy}
          onClick={() => setLosing(true)}
          data-testid="opp-lose"
        >
          {t('opportunity.action.lose')}
        </Button>
      ) : null}
      {canEdit && can('reopen') ? (
        <Popconfirm
          title={t('opportunity.action.reopenConfirm')}
          okText={t('opportunity.action.reopen')}
          cancelText={t('common.cancel')}
          okButtonProps={buttonTestId('opp-reopen-confirm')}
          onConfirm={() => run({ command: 'reopen', body: { version: o.version } }, t('opportunity.action.reopened'))}
        >
          <Button icon={<RedoOutlined />} disabled={busy} data-testid="opp-reopen">
            {t('opportunity.action.reopen')}
          </Button>
        </Popconfirm>
      ) : null}
      {canEdit && can('edit') ? (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/opportunities/${o.id}/edit`)} data-testid="opp-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {hasPermission(OPPORTUNITY_DELETE) && can('delete') ? (
        <Popconfirm
          title={t('opportunity.deleteConfirm', { name: o.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ ...buttonTestId('opp-delete-confirm'), danger: true, loading: del.isPending }}
          onConfirm={onDelete}
        >
          <Button danger type="text" icon={<DeleteOutlined />} data-testid="opp-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ) : null}
      <LoseModal
        target={losing ? o : null}
        submitting={busy}
        onSubmit={(v) =>
          run(
            { command: 'lose', body: { version: o.version, reason: v.reason, category: v.category } },
            t('opportunity.action.lost'),
          )
        }
        onClose={() => setLosing(false)}
      />
    </>
  );
}
