import { money } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { latestActionComment } from '../../platform/approvals/approvals.queries.ts';
import { registerApprovalDocType } from '../../platform/approvals/approvals.registry.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { ConflictError, NotFoundError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { findResultInScope } from './appraisal.access.ts';
import { applyScore, type Result } from './appraisal.review.ts';
import { appraisalResultItems, appraisalResults } from './appraisal.schema.ts';
import { OBJECTION_DOC, RESULT_ENTITY } from './appraisal.service.ts';

const signed = (p: string) => (money(p).isNegative() ? money(p).toFixed(2) : `+${money(p).toFixed(2)}`);

async function lockObjected(tx: Tx, id: number): Promise<Result | null> {
  const [row] = await tx.select().from(appraisalResults).where(eq(appraisalResults.id, id)).for('update');
  return row?.status === 'objected' ? row : null;
}

const notifyDecided = (tx: Tx, row: Result) =>
  notify(tx, [row.personId], {
    kind: 'appraisal.decided',
    titleKey: 'task.appraisal.decided',
    params: { period: row.periodStart.slice(0, 7) },
    link: `/appraisal/results/${row.id}`,
  });

/**
 * Objections to appraisal results (考核申诉, SPEC 5.2 "the person acknowledges or objects (objection
 * reviewed through approval)"). The default chain: the person's department head (部门负责人, the head
 * of the parent department when the person heads their own), then the sales director (销售总监), as
 * the engine's other sales documents (quotes below floor) do; both hold appraisal.manage over the
 * person in the default roles. The engine never makes the person an approver; onApproved adds its
 * own guard, so even a company that deletes every rule cannot have an objection approved by the
 * person who raised it (不相容职务分离, SPEC 1.4).
 */
registerApprovalDocType({
  type: OBJECTION_DOC,
  fields: [
    { key: 'requestedPoints', type: 'number' },
    { key: 'currentScore', type: 'number' },
    // The period as a number yyyymm (202605), so rules compare periods (gte 202607).
    { key: 'period', type: 'number' },
  ],
  async describe(tx, _ctx, id) {
    const [r] = await tx
      .select({ res: appraisalResults, name: users.name })
      .from(appraisalResults)
      .innerJoin(users, eq(users.id, appraisalResults.personId))
      .where(eq(appraisalResults.id, id));
    if (!r) throw new NotFoundError();
    const points = r.res.objectionPoints ?? '0.00';
    const period = r.res.periodStart.slice(0, 7);
    return {
      facts: { requestedPoints: points, currentScore: r.res.score, period: Number(period.replace('-', '')) },
      summaryKey: 'approval.summary.appraisal_objection',
      summaryParams: {
        person: r.name,
        year: Number(period.slice(0, 4)),
        month: Number(period.slice(5, 7)),
        score: money(r.res.score).toFixed(2),
        points: signed(points),
      },
      link: `/appraisal/results/${id}`,
    };
  },
  async assertVisible(ctx, id) {
    await findResultInScope(ctx, id);
  },
  // Approved: exactly the requested points as an adjustment item (its note: the person's reason, what
  // the points are for), a new revision of the result; the final approver's comment is the decision note.
  async onApproved(tx, ctx, id) {
    const row = await lockObjected(tx, id);
    if (!row) return;
    if (row.personId === ctx.principal.userId) throw new ConflictError('appraisal.self');
    const now = ctx.now();
    const note = await latestActionComment(tx, OBJECTION_DOC, id, ['approve']);
    const points = money(row.objectionPoints as string).toFixed(2);
    await tx.insert(appraisalResultItems).values({
      resultId: id,
      indicator: 'manual',
      kind: 'adjustment',
      points,
      evidence: {},
      note: row.objectionReason as string,
      revision: row.revision + 1,
      createdBy: ctx.principal.userId,
      createdAt: now,
    });
    await applyScore(ctx, tx, row, {
      newRevision: true,
      set: {
        status: 'adjusted',
        objectionDecision: 'accept',
        objectionNote: note,
        decidedBy: ctx.principal.userId,
        decidedAt: now,
      },
      action: 'approve',
      comment: note,
      extra: [
        { field: 'status', old: 'objected', new: 'adjusted' },
        { field: 'adjustment', old: null, new: points },
      ],
    });
    await notifyDecided(tx, row);
  },
  // Rejected: the score stays, the approver's reason is the objection's note. Withdrawn by the
  // person, or returned to them (the engine's "send back to the applicant": revise and resubmit):
  // back to pending, so they object again or acknowledge; a return keeps the approver's reason.
  async onClosed(tx, ctx, id, outcome) {
    const row = await lockObjected(tx, id);
    if (!row) return;
    const now = ctx.now();
    const rejected = outcome === 'rejected';
    const note =
      outcome === 'withdrawn' ? null : await latestActionComment(tx, OBJECTION_DOC, id, ['reject', 'return']);
    const status = rejected ? 'rejected' : 'pending';
    await tx
      .update(appraisalResults)
      .set({
        status,
        objectionNote: note,
        ...(rejected ? { objectionDecision: 'reject', decidedBy: ctx.principal.userId, decidedAt: now } : {}),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(appraisalResults.id, id));
    await recordAudit(tx, ctx, {
      entityType: RESULT_ENTITY,
      entityId: id,
      action: rejected ? 'reject' : outcome === 'withdrawn' ? 'withdraw' : 'return',
      changes: [{ field: 'status', old: 'objected', new: status }],
      comment: note,
    });
    if (outcome !== 'withdrawn') await notifyDecided(tx, row);
  },
  defaultRules: [
    {
      name: '考核申诉',
      priority: 100,
      conditions: [],
      steps: [
        { name: '部门负责人审批', kind: 'dept_head', mode: 'any' },
        { name: '销售总监审批', kind: 'role', role: 'sales_director', mode: 'any' },
      ],
    },
  ],
});
