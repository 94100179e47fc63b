import {
  OPPORTUNITY_STATUS_ACTIONS,
  type OpportunityAction,
  type OpportunityStatus,
  type StageKind,
} from '@sales/core';
import type { ChecklistItemDef, ChecklistState } from './opportunities.schema.ts';

/** Pure rules of an opportunity's life in its pipeline (SPEC 2.6): no I/O here. */

export interface StageDef {
  id: number;
  name: string;
  position: number;
  kind: StageKind;
  probability: number;
  checklist: ChecklistItemDef[];
}

export interface MissingItem {
  stageId: number;
  stageName: string;
  key: string;
  label: string;
}

export type MoveRefusal =
  | { code: 'opportunity.closed' }
  | { code: 'opportunity.stage.same' }
  | { code: 'opportunity.stage.invalid' }
  | { code: 'opportunity.lost_reason_required' }
  | { code: 'opportunity.checklist.incomplete'; missing: MissingItem[] };

export type MovePlan =
  | { ok: true; status: OpportunityStatus; direction: 'forward' | 'backward' | 'close' }
  | ({ ok: false } & MoveRefusal);

export function allowedActions(status: OpportunityStatus): readonly OpportunityAction[] {
  return OPPORTUNITY_STATUS_ACTIONS[status];
}

export function canDo(status: OpportunityStatus, action: OpportunityAction): boolean {
  return OPPORTUNITY_STATUS_ACTIONS[status].includes(action);
}

/** The status an opportunity has while in a stage of this kind. */
export function statusOfStage(kind: StageKind): OpportunityStatus {
  return kind;
}

export function isItemDone(state: ChecklistState, stageId: number, key: string): boolean {
  return !!state[String(stageId)]?.[key];
}

/** Unticked items of one stage, in the stage's order. */
export function missingItems(stage: StageDef, state: ChecklistState): MissingItem[] {
  return stage.checklist
    .filter((i) => !isItemDone(state, stage.id, i.key))
    .map((i) => ({ stageId: stage.id, stageName: stage.name, key: i.key, label: i.label }));
}

/**
 * The open stages an opportunity passes when going from `from` to `to`: `from` itself and every
 * open stage before `to` (a won stage counts as after every open stage). Their checklists must be
 * complete first ("must be complete before moving on", SPEC 2.6).
 */
export function stagesPassed(stages: StageDef[], from: StageDef, to: StageDef): StageDef[] {
  const open = stages.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  const end = to.kind === 'won' ? Number.POSITIVE_INFINITY : to.position;
  return open.filter((s) => s.position >= from.position && s.position < end);
}

/**
 * Decides a stage move. Moving backward is always allowed; moving forward (including to the won
 * stage) requires the checklists of every stage passed; moving to a lost stage requires a reason;
 * a closed opportunity moves only after an explicit reopen.
 */
export function planMove(args: {
  status: OpportunityStatus;
  stages: StageDef[];
  fromStageId: number;
  toStageId: number;
  checklist: ChecklistState;
  lostReason?: string | null;
}): MovePlan {
  const { status, stages } = args;
  if (status !== 'open') return { ok: false, code: 'opportunity.closed' };
  const from = stages.find((s) => s.id === args.fromStageId);
  const to = stages.find((s) => s.id === args.toStageId);
  if (!from || !to) return { ok: false, code: 'opportunity.stage.invalid' };
  if (from.id === to.id) return { ok: false, code: 'opportunity.stage.same' };
  if (to.kind === 'lost') {
    if (!args.lostReason?.trim()) return { ok: false, code: 'opportunity.lost_reason_required' };
    return { ok: true, status: 'lost', direction: 'close' };
  }
  if (to.kind === 'open' && to.position < from.position) return { ok: true, status: 'open', direction: 'backward' };
  const missing = stagesPassed(stages, from, to).flatMap((s) => missingItems(s, args.checklist));
  if (missing.length > 0) return { ok: false, code: 'opportunity.checklist.incomplete', missing };
  return to.kind === 'won'
    ? { ok: true, status: 'won', direction: 'close' }
    : { ok: true, status: 'open', direction: 'forward' };
}

/**
 * Where a new opportunity may start: an open stage whose earlier stages' checklists would all be
 * complete — i.e. a create is a forward move from the first open stage.
 */
export function planStart(
  stages: StageDef[],
  stageId: number | null,
): { ok: true; stage: StageDef } | ({ ok: false } & MoveRefusal) {
  const open = stages.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  const first = open[0];
  if (!first) return { ok: false, code: 'opportunity.stage.invalid' };
  const target = stageId === null ? first : stages.find((s) => s.id === stageId);
  if (target?.kind !== 'open') return { ok: false, code: 'opportunity.stage.invalid' };
  const missing = stagesPassed(stages, first, target)
    .filter((s) => s.id !== target.id)
    .flatMap((s) => missingItems(s, {}));
  if (missing.length > 0) return { ok: false, code: 'opportunity.checklist.incomplete', missing };
  return { ok: true, stage: target };
}

/**
 * Where a reopen goes: the requested open stage, or the open stage it was in before closing
 * (the first open stage when that is gone). Only a closed opportunity can be reopened.
 */
export function planReopen(args: {
  status: OpportunityStatus;
  stages: StageDef[];
  lastOpenStageId: number | null;
  stageId: number | null;
}): { ok: true; stage: StageDef } | { ok: false; code: 'opportunity.not_closed' | 'opportunity.stage.invalid' } {
  if (args.status === 'open') return { ok: false, code: 'opportunity.not_closed' };
  const open = args.stages.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  if (args.stageId !== null) {
    const s = open.find((x) => x.id === args.stageId);
    return s ? { ok: true, stage: s } : { ok: false, code: 'opportunity.stage.invalid' };
  }
  const s = open.find((x) => x.id === args.lastOpenStageId) ?? open[0];
  return s ? { ok: true, stage: s } : { ok: false, code: 'opportunity.stage.invalid' };
}

/** Ticking or unticking one item: only while open, only items of the pipeline, never auto items by hand. */
export function planChecklist(args: { status: OpportunityStatus; stages: StageDef[]; stageId: number; key: string }):
  | { ok: true; item: ChecklistItemDef; stage: StageDef }
  | {
      ok: false;
      code: 'opportunity.closed' | 'opportunity.checklist.unknown' | 'opportunity.checklist.auto';
      item?: ChecklistItemDef;
    } {
  if (args.status !== 'open') return { ok: false, code: 'opportunity.closed' };
  const stage = args.stages.find((s) => s.id === args.stageId);
  const item = stage?.checklist.find((i) => i.key === args.key);
  if (!stage || !item) return { ok: false, code: 'opportunity.checklist.unknown' };
  if (item.auto) return { ok: false, code: 'opportunity.checklist.auto', item };
  return { ok: true, item, stage };
}

/** Items the system ticks on an event (needs analysis saved, proposal sent / accepted) across all stages. */
export function autoItems(
  stages: StageDef[],
  events: readonly string[],
): { stage: StageDef; item: ChecklistItemDef }[] {
  return stages.flatMap((stage) =>
    stage.checklist.filter((i) => i.auto && events.includes(i.auto)).map((item) => ({ stage, item })),
  );
}

/** The probability shown for an opportunity: its override, or its stage's. Closed stages fix it. */
export function effectiveProbability(stage: Pick<StageDef, 'kind' | 'probability'>, override: number | null): number {
  return stage.kind === 'open' && override !== null ? override : stage.probability;
}

/**
 * Checks an ordered list of stages for a pipeline: at least one open stage, exactly one won and one
 * lost stage, unique names, unique checklist keys per stage. Returns the stages reordered open →
 * won → lost (open order kept) with positions 1..n, or the reason it is refused.
 */
export function normalizeStages<S extends { name: string; kind: StageKind; checklist: { key: string }[] }>(
  stages: S[],
): { ok: true; stages: (S & { position: number })[] } | { ok: false; code: string; params?: Record<string, unknown> } {
  const count = (k: StageKind) => stages.filter((s) => s.kind === k).length;
  if (count('open') < 1 || count('won') !== 1 || count('lost') !== 1)
    return { ok: false, code: 'pipeline.stages.invalid' };
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) return { ok: false, code: 'pipeline.stage.duplicate_name', params: { stage: s.name } };
    names.add(s.name);
    const keys = new Set<string>();
    for (const i of s.checklist) {
      if (keys.has(i.key)) return { ok: false, code: 'pipeline.checklist.duplicate_key', params: { key: i.key } };
      keys.add(i.key);
    }
  }
  const order: StageKind[] = ['open', 'won', 'lost'];
  const sorted = order.flatMap((k) => stages.filter((s) => s.kind === k));
  return { ok: true, stages: sorted.map((s, i) => ({ ...s, position: i + 1 })) };
}
