import type { AppraisalAcknowledgeInput, AppraisalManualInput, AppraisalObjectInput } from '@sales/core';
import { money } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { completeTasksByRef } from '../../platform/tasks/index.ts';
import { findResultForChange } from './appraisal.access.ts';
import { appraisalResultItems, appraisalResults } from './appraisal.schema.ts';
import { OBJECTION_DOC, RESULT_ENTITY, rerank, rescore } from './appraisal.service.ts';

export type Result = typeof appraisalResults.$inferSelect;

/** Writes a new score of a result (a new item added): rescored, re-ranked, audited. */
export async function applyScore(
  ctx: Ctx,
  tx: Tx,
  row: Result,
  opts: {
    newRevision: boolean;
    set: Partial<Result>;
    action: string;
    comment: string | null;
    extra?: { field: string; old: unknown; new: unknown }[];
  },
) {
  const s = await rescore(tx, row);
  const now = ctx.now();
  await tx
    .update(appraisalResults)
    .set({
      ...opts.set,
      score: s.score,
      passed: s.passed,
      failStreak: s.failStreak,
      flagged: s.flagged,
      revision: opts.newRevision ? row.revision + 1 : row.revision,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(appraisalResults.id, row.id));
  await rerank(tx, row.runId);
  await recordAudit(tx, ctx, {
    entityType: RESULT_ENTITY,
    entityId: row.id,
    action: opts.action,
    changes: [
      ...(money(s.score).eq(row.score) ? [] : [{ field: 'score', old: money(row.score).toFixed(2), new: s.score }]),
      ...(opts.newRevision ? [{ field: 'revision', old: row.revision, new: row.revision + 1 }] : []),
      ...(opts.extra ?? []),
    ],
    comment: opts.comment,
  });
  return s;
}

/**
 * The supervisor's score of a manual indicator with its evidence in words (SPEC 5.2: manual
 * indicators entered by the supervisor with evidence). Nobody scores themselves. On a closed run it
 * is a correction: the reason is required and the result becomes a new version, the old score kept
 * in the audit trail; the person reviews the new score again.
 */
export async function addManualScore(ctx: Ctx, id: number, input: AppraisalManualInput) {
  return ctx.db.transaction(async (tx) => {
    const { row, run } = await findResultForChange(ctx, id, tx, input.version, 'appraisal.manage');
    if (row.personId === ctx.principal.userId) throw new ForbiddenError('appraisal.self');
    const closed = run.status === 'closed';
    if (closed && !input.reason) throw ValidationError.field('reason', 'appraisal.reason_required');
    if (row.status === 'objected') throw new ConflictError('appraisal.objection_pending');
    const revision = closed ? row.revision + 1 : row.revision;
    await tx.insert(appraisalResultItems).values({
      resultId: id,
      indicator: 'manual',
      kind: 'manual',
      label: input.label,
      points: money(input.points).toFixed(2),
      evidence: {},
      note: input.evidence,
      revision,
      createdBy: ctx.principal.userId,
      createdAt: ctx.now(),
    });
    const reset = row.status === 'pending' ? {} : { status: 'pending', acknowledgedAt: null, acknowledgeComment: null };
    await applyScore(ctx, tx, row, {
      newRevision: closed,
      set: reset,
      action: closed ? 'correct' : 'score',
      comment: closed ? input.reason : input.evidence,
      extra: [
        { field: 'manual', old: null, new: `${input.label} ${money(input.points).toFixed(2)}` },
        ...(row.status === 'pending' ? [] : [{ field: 'status', old: row.status, new: 'pending' }]),
      ],
    });
    if (closed)
      await notify(tx, [row.personId], {
        kind: 'appraisal.corrected',
        titleKey: 'task.appraisal.corrected',
        params: { period: row.periodStart.slice(0, 7) },
        link: `/appraisal/results/${id}`,
      });
  });
}

/** The person acknowledges their result (已确认), or the decision on their objection. */
export async function acknowledgeResult(ctx: Ctx, id: number, input: AppraisalAcknowledgeInput) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await findResultForChange(ctx, id, tx, input.version, 'appraisal.view');
    if (row.personId !== ctx.principal.userId) throw new ForbiddenError('appraisal.not_person');
    if (!['pending', 'adjusted', 'rejected'].includes(row.status)) throw new ConflictError('appraisal.not_pending');
    const now = ctx.now();
    await tx
      .update(appraisalResults)
      .set({
        status: 'acknowledged',
        acknowledgedAt: now,
        acknowledgeComment: input.comment,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(appraisalResults.id, id));
    await completeTasksByRef(tx, RESULT_ENTITY, id, now);
    await recordAudit(tx, ctx, {
      entityType: RESULT_ENTITY,
      entityId: id,
      action: 'acknowledge',
      changes: [{ field: 'status', old: row.status, new: 'acknowledged' }],
      comment: input.comment,
    });
  });
}

/**
 * The person objects to their result while the run is open, with the reason and the points they ask
 * the score to be adjusted by. The objection goes to the approval engine in the same transaction
 * (appraisal_objection, appraisal.objection.ts): its approvers decide, never the person (SPEC 1.4).
 */
export async function objectToResult(ctx: Ctx, id: number, input: AppraisalObjectInput) {
  return ctx.db.transaction(async (tx) => {
    const { row, run } = await findResultForChange(ctx, id, tx, input.version, 'appraisal.view');
    if (row.personId !== ctx.principal.userId) throw new ForbiddenError('appraisal.not_person');
    if (run.status === 'closed') throw new ConflictError('appraisal.run_closed');
    if (row.status !== 'pending') throw new ConflictError('appraisal.not_pending');
    const now = ctx.now();
    const points = money(input.points).toFixed(2);
    await tx
      .update(appraisalResults)
      .set({
        status: 'objected',
        objectionReason: input.reason,
        objectionPoints: points,
        objectedAt: now,
        objectionDecision: null,
        objectionNote: null,
        decidedBy: null,
        decidedAt: null,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(appraisalResults.id, id));
    await completeTasksByRef(tx, RESULT_ENTITY, id, now);
    await recordAudit(tx, ctx, {
      entityType: RESULT_ENTITY,
      entityId: id,
      action: 'object',
      changes: [
        { field: 'status', old: 'pending', new: 'objected' },
        { field: 'objectionPoints', old: row.objectionPoints, new: points },
      ],
      comment: input.reason,
    });
    await submitForApproval(tx, ctx, OBJECTION_DOC, id);
  });
}
