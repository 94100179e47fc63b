import type { DisciplineAcknowledgeInput, DisciplineDecideInput, DisciplineVoidInput } from '@sales/core';
import { money } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { cancelTasksByRef, completeTasksByRef, upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { findRecordForChange } from './discipline.access.ts';
import { computeLevel } from './discipline.level.ts';
import { disciplineRecords } from './discipline.schema.ts';
import { ENTITY } from './discipline.service.ts';

type Row = typeof disciplineRecords.$inferSelect;
const ZERO = '0.00';
const amount = (v: string | undefined) => money(v ?? '0').toFixed(2);

function mustBeZero(input: DisciplineDecideInput, fields: ('compensationAmount' | 'fineAmount' | 'rewardAmount')[]) {
  for (const f of fields)
    if (input[f] !== undefined && !money(input[f]).isZero())
      throw ValidationError.field(f, 'discipline.amount_not_applicable');
}

/**
 * What the decision amounts to (seed 000 处理办法 一): a 一级 error without loss is a warning (批评警告);
 * with a loss, full compensation of it plus the fixed contribution to the 快乐基金 (policy
 * discipline.level1Contribution, 5–20). Higher levels — the seed leaves their handling to the
 * company — take the decider's penalty: compensation up to the loss, a fine, and the decision in words.
 */
async function outcomeOf(tx: Tx, row: Row, level: string | null, input: DisciplineDecideInput) {
  const loss = money(row.lossAmount);
  const base = { compensationAmount: ZERO, contributionAmount: ZERO, fineAmount: ZERO, rewardAmount: ZERO };
  if (row.kind === 'reward') {
    mustBeZero(input, ['compensationAmount', 'fineAmount']);
    if (!input.decision) throw ValidationError.field('decision', 'discipline.decision_required');
    return { ...base, outcome: 'reward', rewardAmount: amount(input.rewardAmount) };
  }
  mustBeZero(input, ['rewardAmount']);
  if (level === 'level1') {
    mustBeZero(input, ['compensationAmount', 'fineAmount']);
    if (loss.isZero()) return { ...base, outcome: 'warning' };
    const contribution = await getPolicy(tx, 'discipline.level1Contribution');
    return {
      ...base,
      outcome: 'compensation',
      compensationAmount: loss.toFixed(2),
      contributionAmount: money(contribution).toFixed(2),
    };
  }
  if (!input.decision) throw ValidationError.field('decision', 'discipline.decision_required');
  const compensation = input.compensationAmount === undefined ? loss : money(input.compensationAmount);
  if (compensation.gt(loss))
    throw ValidationError.field('compensationAmount', 'discipline.compensation_exceeds_loss', {
      loss: loss.toFixed(2),
    });
  return {
    ...base,
    outcome: 'penalty',
    compensationAmount: compensation.toFixed(2),
    fineAmount: amount(input.fineAmount),
  };
}

/**
 * Decides a draft: the level is computed one last time and frozen with its basis, the outcome set,
 * and the person gets a to-do to acknowledge it (policy discipline.acknowledgeDays working days).
 */
export async function decideDisciplineRecord(ctx: Ctx, id: number, input: DisciplineDecideInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await findRecordForChange(ctx, id, tx, input.version, 'discipline.record');
    if (row.personId === ctx.principal.userId) throw new ForbiddenError('discipline.self');
    if (row.status !== 'draft') throw new ConflictError('discipline.not_draft');
    const lv = row.kind === 'incident' ? await computeLevel(tx, row, id) : null;
    const out = await outcomeOf(tx, row, lv?.level ?? null, input);
    const now = ctx.now();
    await tx
      .update(disciplineRecords)
      .set({
        ...out,
        level: lv?.level ?? null,
        repeatCount: lv?.repeatCount ?? null,
        levelBasis: lv?.basis ?? null,
        decision: input.decision,
        status: 'decided',
        decidedBy: ctx.principal.userId,
        decidedAt: now,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(disciplineRecords.id, id));
    const changes = [
      { field: 'status', old: 'draft', new: 'decided' },
      { field: 'outcome', old: null, new: out.outcome },
      ...(lv && lv.level !== row.level ? [{ field: 'level', old: row.level, new: lv.level }] : []),
      ...(['compensationAmount', 'contributionAmount', 'fineAmount', 'rewardAmount'] as const)
        .filter((k) => out[k] !== ZERO)
        .map((k) => ({ field: k, old: null, new: out[k] })),
    ];
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'decide',
      changes,
      comment: input.decision,
    });
    const days = await getPolicy(tx, 'discipline.acknowledgeDays');
    const due = (await loadWorkCalendar(tx)).addWorkingDays(companyDate(now), days);
    const params = { no: row.no, rule: row.rule };
    await upsertTask(tx, {
      userId: row.personId,
      kind: 'discipline.acknowledge',
      titleKey: 'task.discipline.acknowledge',
      params,
      link: `/discipline/${id}`,
      refType: ENTITY,
      refId: id,
      dueDate: due,
      dedupeKey: `discipline-ack:${id}`,
    });
    await notify(tx, [row.personId], {
      kind: 'discipline.decided',
      titleKey: 'task.discipline.acknowledge',
      params,
      link: `/discipline/${id}`,
    });
  });
}

/** The person acknowledges their decided record (已阅知), with an optional statement of their own. */
export async function acknowledgeDisciplineRecord(ctx: Ctx, id: number, input: DisciplineAcknowledgeInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await findRecordForChange(ctx, id, tx, input.version, 'discipline.view');
    if (row.personId !== ctx.principal.userId) throw new ForbiddenError('discipline.not_person');
    if (row.status !== 'decided') throw new ConflictError('discipline.not_decided');
    const now = ctx.now();
    await tx
      .update(disciplineRecords)
      .set({
        status: 'acknowledged',
        acknowledgedAt: now,
        acknowledgeComment: input.comment,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(disciplineRecords.id, id));
    await completeTasksByRef(tx, ENTITY, id, now);
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'acknowledge',
      changes: [{ field: 'status', old: 'decided', new: 'acknowledged' }],
      comment: input.comment,
    });
  });
}

/** Voids a record entered in error (with the reason); it no longer counts as a repeat or in appraisal. */
export async function voidDisciplineRecord(ctx: Ctx, id: number, input: DisciplineVoidInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await findRecordForChange(ctx, id, tx, input.version, 'discipline.record');
    if (row.personId === ctx.principal.userId) throw new ForbiddenError('discipline.self');
    if (row.status === 'void') throw new ConflictError('discipline.already_void');
    const now = ctx.now();
    await tx
      .update(disciplineRecords)
      .set({ status: 'void', voidReason: input.reason, version: row.version + 1, updatedAt: now })
      .where(eq(disciplineRecords.id, id));
    await cancelTasksByRef(tx, ENTITY, id, now);
    await recordAudit(tx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'void',
      changes: [{ field: 'status', old: row.status, new: 'void' }],
      comment: input.reason,
    });
  });
}
