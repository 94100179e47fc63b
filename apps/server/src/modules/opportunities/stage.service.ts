import type {
  ChecklistAuto,
  ChecklistInput,
  LoseInput,
  MoveStageInput,
  OpportunityStatus,
  ReopenInput,
  WinInput,
} from '@sales/core';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError } from '../../platform/errors/errors.ts';
import { companyDate } from '../../platform/time.ts';
import { bookFact } from '../analytics/index.ts';
import { findOpportunityForChange } from './opportunities.access.ts';
import { refuse } from './opportunities.guards.ts';
import { getOpportunity } from './opportunities.queries.ts';
import { type ChecklistState, opportunities } from './opportunities.schema.ts';
import { autoItems, planChecklist, planMove, planReopen, type StageDef } from './opportunities.state.ts';
import { loadStages } from './pipelines.service.ts';

type OpportunityRow = typeof opportunities.$inferSelect;

const MOVE_FIELDS = ['stageId', 'status', 'probabilityOverride', 'closedOn', 'lostReason', 'lostCategory'] as const;

async function loadForChange(ctx: Ctx, tx: Tx, id: number, version: number) {
  const cur = await findOpportunityForChange(ctx, id, tx);
  if (cur.version !== version) throw new StaleVersionError();
  return { cur, stages: await loadStages(tx, cur.pipelineId) };
}

async function applyMove(
  ctx: Ctx,
  tx: Tx,
  cur: OpportunityRow,
  stages: StageDef[],
  toStageId: number,
  extra: { lostReason?: string | null; lostCategory?: string | null; closedOn?: string | null },
) {
  const plan = planMove({
    status: cur.status as OpportunityStatus,
    stages,
    fromStageId: cur.stageId,
    toStageId,
    checklist: cur.checklist,
    lostReason: extra.lostReason,
  });
  if (!plan.ok) refuse(ctx, plan);
  const closed = plan.status !== 'open';
  const next = {
    stageId: toStageId,
    status: plan.status,
    // A stage move brings back the stage's probability.
    probabilityOverride: null,
    lastOpenStageId: closed ? cur.stageId : null,
    closedOn: closed ? (extra.closedOn ?? companyDate(ctx.now())) : null,
    lostReason: plan.status === 'lost' ? (extra.lostReason?.trim() ?? null) : null,
    lostCategory: plan.status === 'lost' ? (extra.lostCategory ?? null) : null,
  };
  await tx
    .update(opportunities)
    .set({ ...next, version: cur.version + 1, updatedAt: sql`now()` })
    .where(eq(opportunities.id, cur.id));
  // Conversion per stage (SPEC 5.1): the first entry of each stage counts.
  await bookFact.stageEntered(tx, ctx, cur.id, toStageId);
  await recordAudit(tx, ctx, {
    entityType: 'opportunity',
    entityId: cur.id,
    action: plan.status === 'won' ? 'win' : plan.status === 'lost' ? 'lose' : 'move',
    changes: diffFields(cur, next, MOVE_FIELDS),
    comment: next.lostReason,
  });
}

/** Moves an opportunity to another stage of its pipeline (the kanban drag); checklist rules apply. */
export async function moveStage(ctx: Ctx, id: number, input: MoveStageInput) {
  await ctx.db.transaction(async (tx) => {
    const { cur, stages } = await loadForChange(ctx, tx, id, input.version);
    await applyMove(ctx, tx, cur, stages, input.stageId, input);
  });
  return getOpportunity(ctx, id);
}

function stageOfKind(ctx: Ctx, stages: StageDef[], kind: 'won' | 'lost') {
  const s = stages.find((x) => x.kind === kind);
  if (!s) refuse(ctx, { code: 'opportunity.stage.invalid' });
  return s;
}

/** Marks an opportunity won: a move to its pipeline's won stage (every checklist ahead must be done). */
export async function winOpportunity(ctx: Ctx, id: number, input: WinInput) {
  await ctx.db.transaction(async (tx) => {
    const { cur, stages } = await loadForChange(ctx, tx, id, input.version);
    await applyMove(ctx, tx, cur, stages, stageOfKind(ctx, stages, 'won').id, { closedOn: input.closedOn });
  });
  return getOpportunity(ctx, id);
}

/** Marks an opportunity lost with its reason: a move to its pipeline's lost stage. */
export async function loseOpportunity(ctx: Ctx, id: number, input: LoseInput) {
  await ctx.db.transaction(async (tx) => {
    const { cur, stages } = await loadForChange(ctx, tx, id, input.version);
    await applyMove(ctx, tx, cur, stages, stageOfKind(ctx, stages, 'lost').id, {
      lostReason: input.reason,
      lostCategory: input.category,
      closedOn: input.closedOn,
    });
  });
  return getOpportunity(ctx, id);
}

/** Reopens a won or lost opportunity into an open stage (the one it left, unless another is chosen). */
export async function reopenOpportunity(ctx: Ctx, id: number, input: ReopenInput) {
  await ctx.db.transaction(async (tx) => {
    const { cur, stages } = await loadForChange(ctx, tx, id, input.version);
    const plan = planReopen({
      status: cur.status as OpportunityStatus,
      stages,
      lastOpenStageId: cur.lastOpenStageId,
      stageId: input.stageId,
    });
    if (!plan.ok) refuse(ctx, plan);
    const next = {
      stageId: plan.stage.id,
      status: 'open',
      probabilityOverride: null,
      closedOn: null,
      lostReason: null,
      lostCategory: null,
    };
    await tx
      .update(opportunities)
      .set({ ...next, lastOpenStageId: null, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(opportunities.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'opportunity',
      entityId: id,
      action: 'reopen',
      changes: diffFields(cur, next, MOVE_FIELDS),
      comment: input.reason,
    });
  });
  return getOpportunity(ctx, id);
}

function withItem(
  state: ChecklistState,
  stageId: number,
  key: string,
  mark: { at: string; by: number } | null,
): ChecklistState {
  const stage = { ...(state[String(stageId)] ?? {}) };
  if (mark) stage[key] = mark;
  else delete stage[key];
  return { ...state, [String(stageId)]: stage };
}

/** Ticks or unticks one checklist item by hand (items the system ticks itself are refused). */
export async function setChecklistItem(ctx: Ctx, id: number, input: ChecklistInput) {
  await ctx.db.transaction(async (tx) => {
    const { cur, stages } = await loadForChange(ctx, tx, id, input.version);
    const plan = planChecklist({
      status: cur.status as OpportunityStatus,
      stages,
      stageId: input.stageId,
      key: input.key,
    });
    if (!plan.ok) {
      if (plan.code === 'opportunity.checklist.auto') throw new ConflictError(plan.code, { label: plan.item?.label });
      refuse(ctx, plan, 'key');
    }
    const done = !!cur.checklist[String(input.stageId)]?.[input.key];
    if (done === input.done) return;
    const checklist = withItem(
      cur.checklist,
      input.stageId,
      input.key,
      input.done ? { at: ctx.now().toISOString(), by: ctx.principal.userId } : null,
    );
    await tx
      .update(opportunities)
      .set({ checklist, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(opportunities.id, id));
    const label = `${plan.stage.name}：${plan.item.label}`;
    await recordAudit(tx, ctx, {
      entityType: 'opportunity',
      entityId: id,
      action: 'checklist',
      changes: [{ field: 'checklist', old: input.done ? null : label, new: input.done ? label : null }],
    });
  });
  return getOpportunity(ctx, id);
}

/**
 * Ticks the items the system owns for these events (needs analysis saved, proposal sent/accepted)
 * on an opportunity already locked by the caller's transaction; audited, bumps the version.
 */
export async function autoTick(ctx: Ctx, tx: Tx, cur: OpportunityRow, events: ChecklistAuto[]) {
  const stages = await loadStages(tx, cur.pipelineId);
  const todo = autoItems(stages, events).filter(({ stage, item }) => !cur.checklist[String(stage.id)]?.[item.key]);
  if (todo.length === 0) return false;
  let checklist = cur.checklist;
  const mark = { at: ctx.now().toISOString(), by: ctx.principal.userId };
  for (const { stage, item } of todo) checklist = withItem(checklist, stage.id, item.key, mark);
  await tx
    .update(opportunities)
    .set({ checklist, version: sql`${opportunities.version} + 1`, updatedAt: sql`now()` })
    .where(eq(opportunities.id, cur.id));
  await recordAudit(tx, ctx, {
    entityType: 'opportunity',
    entityId: cur.id,
    action: 'checklist',
    changes: todo.map(({ stage, item }) => ({ field: 'checklist', old: null, new: `${stage.name}：${item.label}` })),
    comment: 'auto',
  });
  return true;
}
