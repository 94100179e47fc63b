import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { type OpportunityCommand, useOpportunityCommand } from '../api';
import type { KanbanData, KanbanStage, OpportunityDetail, OpportunityListItem } from '../types';
import { KanbanColumn } from './KanbanColumn';
import { LoseModal, type LoseValues } from './LoseModal';

export interface KanbanBoardProps {
  data: KanbanData;
  /** The user may change opportunities (drag cards between stages). */
  canMove: boolean;
  onStale: () => void;
}

/** The board with the card in its new column, until the refetch brings the new sums. */
function withMovedCard(data: KanbanData, card: OpportunityListItem, d: OpportunityDetail): KanbanData {
  const moved: OpportunityListItem = {
    ...card,
    stageId: d.stageId,
    stageName: d.stageName,
    stageKind: d.stageKind,
    status: d.status,
    probability: d.probability,
    closedOn: d.closedOn,
    lostReason: d.lostReason,
    version: d.version,
    updatedAt: d.updatedAt,
  };
  return {
    ...data,
    stages: data.stages.map((s) => {
      const cards = s.cards.filter((c) => c.id !== card.id);
      return s.id === d.stageId ? { ...s, cards: [moved, ...cards] } : { ...s, cards };
    }),
  };
}

/**
 * The pipeline's stages as columns. Dropping a card on another column asks the server to move it;
 * the card changes column only once the server agrees (a refused move leaves it where it was).
 */
export function KanbanBoard({ data, canMove, onStale }: KanbanBoardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const qc = useQueryClient();
  const command = useOpportunityCommand();
  const [dragging, setDragging] = useState<OpportunityListItem | null>(null);
  const [pendingId, setPendingId] = useState<number | null>(null);
  const [losing, setLosing] = useState<{ card: OpportunityListItem; stage: KanbanStage } | null>(null);

  const move = (card: OpportunityListItem, stage: KanbanStage, lost?: LoseValues) => {
    setPendingId(card.id);
    const body: Extract<OpportunityCommand, { command: 'move' }>['body'] = { stageId: stage.id, version: card.version };
    if (lost) {
      body.lostReason = lost.reason;
      body.lostCategory = lost.category;
    }
    command.mutate(
      { id: card.id, command: 'move', body },
      {
        onSuccess: (detail) => {
          qc.setQueriesData<KanbanData>({ queryKey: ['opportunities', 'kanban'] }, (old) =>
            old && old.pipeline.id === detail.pipelineId ? withMovedCard(old, card, detail) : old,
          );
          setLosing(null);
          message.success(t('opportunity.kanban.moved', { name: card.name, stage: stage.name }));
        },
        // 409 opportunity.checklist.incomplete: the server's message lists what is missing.
        onError: (e) => handleError(e, { onStale }),
        onSettled: () => setPendingId(null),
      },
    );
  };

  const drop = (stage: KanbanStage) => {
    const card = dragging;
    setDragging(null);
    if (!card || card.stageId === stage.id) return;
    if (stage.kind === 'lost') setLosing({ card, stage });
    else move(card, stage);
  };

  return (
    <>
      <div
        data-testid="kanban-board"
        style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8, alignItems: 'stretch' }}
      >
        {data.stages.map((stage) => (
          <KanbanColumn
            key={stage.id}
            pipelineId={data.pipeline.id}
            stage={stage}
            canDrag={canMove && pendingId === null}
            dragging={dragging}
            pendingId={pendingId}
            onDragStart={setDragging}
            onDragEnd={() => setDragging(null)}
            onDrop={drop}
          />
        ))}
      </div>
      <LoseModal
        target={losing?.card ?? null}
        submitting={command.isPending}
        onSubmit={(v) => losing && move(losing.card, losing.stage, v)}
        onClose={() => setLosing(null)}
      />
    </>
  );
}
