import { CloseCircleOutlined, TrophyOutlined } from '@ant-design/icons';
import { Badge, Empty, Flex, Tooltip, Typography, theme } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MoneyText } from '../../../components/MoneyText';
import type { KanbanStage, OpportunityListItem } from '../types';
import { KanbanCard } from './KanbanCard';

export interface KanbanColumnProps {
  pipelineId: number;
  stage: KanbanStage;
  canDrag: boolean;
  /** The card being dragged, if any. */
  dragging: OpportunityListItem | null;
  pendingId: number | null;
  onDragStart: (card: OpportunityListItem) => void;
  onDragEnd: () => void;
  onDrop: (stage: KanbanStage) => void;
}

export function KanbanColumn({
  pipelineId,
  stage,
  canDrag,
  dragging,
  pendingId,
  onDragStart,
  onDragEnd,
  onDrop,
}: KanbanColumnProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [over, setOver] = useState(false);
  // A card can be dropped on any other stage; the server decides whether the move is allowed.
  const accepts = !!dragging && dragging.stageId !== stage.id;

  const dragOver = (e: DragEvent<HTMLElement>) => {
    if (!accepts) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const dragLeave = (e: DragEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
  };
  const drop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    if (accepts) onDrop(stage);
  };

  const highlight = accepts && over;
  return (
    <section
      data-testid="kanban-column"
      data-stage-name={stage.name}
      data-stage-id={stage.id}
      data-stage-kind={stage.kind}
      aria-label={stage.name}
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={dragLeave}
      onDrop={drop}
      style={{
        flex: '1 0 240px',
        maxWidth: 320,
        display: 'flex',
        flexDirection: 'column',
        background: highlight ? token.colorPrimaryBg : token.colorFillQuaternary,
        border: `1px ${accepts ? 'dashed' : 'solid'} ${highlight ? token.colorPrimary : token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        maxHeight: 'calc(100vh - 260px)',
        minHeight: 320,
        transition: 'background 0.15s',
      }}
    >
      <div style={{ padding: '10px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Flex align="center" gap={6} style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis>
              {stage.name}
            </Typography.Text>
            {stage.kind === 'open' ? null : (
              <Tooltip title={t(`opportunity.stageKind.${stage.kind}`)}>
                {stage.kind === 'won' ? (
                  <TrophyOutlined style={{ color: token.colorSuccess }} />
                ) : (
                  <CloseCircleOutlined style={{ color: token.colorError }} />
                )}
              </Tooltip>
            )}
          </Flex>
          <Badge
            count={stage.count}
            showZero
            overflowCount={9999}
            color={token.colorTextSecondary}
            data-testid="kanban-column-count"
          />
        </Flex>
        <Flex justify="space-between" style={{ marginTop: 4, fontSize: token.fontSizeSM }}>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
            {t('opportunity.kanban.probability', { value: stage.probability })}
          </Typography.Text>
          <span data-testid="kanban-column-amount">
            <MoneyText value={stage.amount} />
          </span>
        </Flex>
        <Flex justify="space-between" style={{ fontSize: token.fontSizeSM }}>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
            {t('opportunity.kanban.weighted')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} data-testid="kanban-column-weighted">
            <MoneyText value={stage.weightedAmount} />
          </Typography.Text>
        </Flex>
      </div>
      <Flex vertical gap={8} style={{ padding: 8, overflowY: 'auto', flex: 1 }}>
        {stage.cards.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={accepts ? t('opportunity.kanban.dropHere') : t('opportunity.kanban.empty')}
          />
        ) : (
          stage.cards.map((card) => (
            <KanbanCard
              key={card.id}
              card={card}
              draggable={canDrag && card.status === 'open'}
              pending={pendingId === card.id}
              dragging={dragging?.id === card.id}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
            />
          ))
        )}
        {stage.count > stage.cards.length ? (
          <Link
            to={`/opportunities?pipelineId=${pipelineId}&stageId=${stage.id}`}
            style={{ textAlign: 'center', fontSize: token.fontSizeSM }}
            data-testid="kanban-column-more"
          >
            {t('opportunity.kanban.more', { shown: stage.cards.length, total: stage.count })}
          </Link>
        ) : null}
      </Flex>
    </section>
  );
}
