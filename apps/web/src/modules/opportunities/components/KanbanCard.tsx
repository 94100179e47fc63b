import { CalendarOutlined, CheckSquareOutlined, UserOutlined } from '@ant-design/icons';
import { Flex, Spin, Tag, Typography, theme } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import type { OpportunityListItem } from '../types';

export interface KanbanCardProps {
  card: OpportunityListItem;
  draggable: boolean;
  /** A move of this card is being saved. */
  pending: boolean;
  dragging: boolean;
  onDragStart: (card: OpportunityListItem) => void;
  onDragEnd: () => void;
}

/** One opportunity on the board; open ones can be dragged (native HTML5 drag and drop) to another stage. */
export function KanbanCard({ card, draggable, pending, dragging, onDragStart, onDragEnd }: KanbanCardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const checklistComplete = card.checklistDone >= card.checklistTotal;

  const start = (e: DragEvent<HTMLAnchorElement>) => {
    e.dataTransfer.setData('text/plain', String(card.id));
    e.dataTransfer.effectAllowed = 'move';
    onDragStart(card);
  };

  return (
    <Link
      to={`/opportunities/${card.id}`}
      data-testid="kanban-card"
      data-opportunity-id={card.id}
      // links drag natively; only open cards may be dropped on another stage
      draggable={draggable && !pending}
      onDragStart={start}
      onDragEnd={onDragEnd}
      title={draggable ? t('opportunity.kanban.dragHint') : undefined}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        padding: '8px 10px',
        display: 'block',
        color: 'inherit',
        cursor: draggable ? 'grab' : 'pointer',
        opacity: dragging || pending ? 0.5 : 1,
        boxShadow: token.boxShadowTertiary,
      }}
    >
      <Spin spinning={pending} size="small">
        <Flex vertical gap={4}>
          <Typography.Text strong ellipsis={{ tooltip: card.name }} data-testid="kanban-card-name">
            {card.name}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: card.customerName }}>
            {card.customerName}
          </Typography.Text>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text data-testid="kanban-card-amount">
              <MoneyText value={card.amount} />
            </Typography.Text>
            <Typography.Text type="secondary">{t('opportunity.percent', { value: card.probability })}</Typography.Text>
          </Flex>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
              <UserOutlined /> {card.ownerName ?? t('common.none')}
            </Typography.Text>
            {card.expectedCloseDate ? (
              <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                <CalendarOutlined /> {formatDate(card.expectedCloseDate)}
              </Typography.Text>
            ) : null}
          </Flex>
          {card.checklistTotal > 0 && card.status === 'open' ? (
            <div>
              <Tag
                color={checklistComplete ? 'success' : 'warning'}
                icon={<CheckSquareOutlined />}
                data-testid="kanban-card-checklist"
              >
                {t('opportunity.kanban.checklist', { done: card.checklistDone, total: card.checklistTotal })}
              </Tag>
            </div>
          ) : null}
          {card.status === 'lost' && card.lostReason ? (
            <Typography.Text
              type="danger"
              ellipsis={{ tooltip: card.lostReason }}
              style={{ fontSize: token.fontSizeSM }}
            >
              {t('opportunity.lostReasonLine', { reason: card.lostReason })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Spin>
    </Link>
  );
}
