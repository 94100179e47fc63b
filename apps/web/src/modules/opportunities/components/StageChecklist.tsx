import { Card, Checkbox, Empty, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { useOpportunityCommand } from '../api';
import type { DetailStage, OpportunityDetail } from '../types';

export interface StageChecklistProps {
  opportunity: OpportunityDetail;
  /** The user may tick items (edit permission and the opportunity is open). */
  editable: boolean;
  onStale: () => void;
}

/** Every stage's checklist; items the system ticks itself (auto) are shown read-only. */
export function StageChecklist({ opportunity: o, editable, onStale }: StageChecklistProps) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const command = useOpportunityCommand();
  const [pending, setPending] = useState<string | null>(null);
  const stages = o.stages.filter((s) => s.checklist.length > 0);

  const toggle = (stage: DetailStage, key: string, done: boolean) => {
    setPending(`${stage.id}:${key}`);
    command.mutate(
      { id: o.id, command: 'checklist', body: { stageId: stage.id, key, done, version: o.version } },
      { onError: (e) => handleError(e, { onStale }), onSettled: () => setPending(null) },
    );
  };

  if (stages.length === 0) return <Empty description={t('opportunity.checklist.none')} />;

  return (
    <Flex vertical gap={12} data-testid="stage-checklists">
      {stages.map((stage) => (
        <Card
          key={stage.id}
          size="small"
          data-testid="checklist-stage"
          data-stage-name={stage.name}
          title={
            <Space>
              <span>{stage.name}</span>
              {stage.current ? <Tag color="processing">{t('opportunity.checklist.current')}</Tag> : null}
            </Space>
          }
          extra={
            <Typography.Text type="secondary">
              {t('opportunity.kanban.checklist', {
                done: stage.checklist.filter((i) => i.done).length,
                total: stage.checklist.length,
              })}
            </Typography.Text>
          }
        >
          <Flex vertical gap={8}>
            {stage.checklist.map((item) => {
              const id = `${stage.id}:${item.key}`;
              return (
                <Flex
                  key={item.key}
                  justify="space-between"
                  align="center"
                  gap={8}
                  wrap
                  data-testid="checklist-item"
                  data-key={item.key}
                  data-done={item.done ? 'true' : 'false'}
                >
                  <Space size={8}>
                    <Checkbox
                      checked={item.done}
                      disabled={!editable || !!item.auto || (pending !== null && pending !== id)}
                      onChange={(e) => toggle(stage, item.key, e.target.checked)}
                      data-testid="checklist-checkbox"
                    >
                      {item.label}
                    </Checkbox>
                    {item.auto ? (
                      <Tooltip title={t(`opportunity.auto.${item.auto}`)}>
                        <Tag data-testid="checklist-auto">{t('opportunity.checklist.auto')}</Tag>
                      </Tooltip>
                    ) : null}
                  </Space>
                  {item.done ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('opportunity.checklist.doneBy', {
                        name: item.doneByName ?? t('timeline.system'),
                        at: formatDateTime(item.doneAt),
                      })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              );
            })}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
