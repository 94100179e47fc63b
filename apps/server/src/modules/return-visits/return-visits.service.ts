import type { ComplaintSeverity, SurveyInput, VisitRecordInput, VisitRescheduleInput } from '@sales/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { completeTasksByRef, tasks } from '../../platform/tasks/index.ts';
import { fileComplaint } from '../complaints/index.ts';
import { customers } from '../customers/index.ts';
import { findVisitForChange } from './return-visits.access.ts';
import { getVisit } from './return-visits.queries.ts';
import { planVisit } from './return-visits.schedule.ts';
import { returnVisits, satisfactionSurveys } from './return-visits.schema.ts';

/**
 * Records a visit's outcome, satisfaction (1–5) and comments (SPEC 4.4). A score at or below policy
 * returnVisit.lowScoreThreshold opens a complaint linked to the visit (问题转投诉; a 1 is serious),
 * owned by the customer's owner like any objection. The visit's task is done.
 */
export async function recordVisit(ctx: Ctx, id: number, input: VisitRecordInput) {
  await ctx.db.transaction(async (tx) => {
    const v = await findVisitForChange(ctx, id, input.version, tx);
    if (v.status !== 'planned') throw new ConflictError('visit.not_planned');
    const score = input.outcome === 'reached' ? input.satisfaction : null;
    if (input.outcome === 'reached' && score === null)
      throw ValidationError.field('satisfaction', 'visit.satisfaction_required');
    const now = ctx.now();
    let complaintId: number | null = null;
    const threshold = await getPolicy(tx, 'returnVisit.lowScoreThreshold');
    if (score !== null && score <= threshold) {
      const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, v.customerId));
      const severity: ComplaintSeverity = score === 1 ? 'serious' : 'general';
      const subject = translate('zh-CN', 'complaint.from_visit.subject', { score, customer: c?.name ?? '' });
      const complaint = await fileComplaint(tx, ctx, {
        customerId: v.customerId,
        orderId: null,
        deliveryId: v.deliveryId,
        category: v.ticketId ? 'service' : 'quality',
        severity,
        subject,
        description: input.comments ?? subject,
        qualityIncident: false,
        sourceType: 'return_visit',
        sourceId: id,
      });
      complaintId = complaint.id;
    }
    await tx
      .update(returnVisits)
      .set({
        status: 'done',
        outcome: input.outcome,
        satisfaction: score,
        comments: input.comments,
        doneAt: now,
        doneBy: ctx.principal.userId,
        complaintId,
        version: v.version + 1,
        updatedAt: now,
      })
      .where(eq(returnVisits.id, id));
    await completeTasksByRef(tx, 'return_visit', id, now);
    await recordAudit(tx, ctx, {
      entityType: 'return_visit',
      entityId: id,
      action: 'record',
      changes: [
        { field: 'status', old: v.status, new: 'done' },
        { field: 'outcome', old: null, new: input.outcome },
        { field: 'satisfaction', old: null, new: score },
        ...(complaintId ? [{ field: 'complaintId', old: null, new: complaintId }] : []),
      ],
      comment: input.comments,
    });
  });
  return getVisit(ctx, id);
}

/** Moves a planned visit to another day (the customer asked to be called later); its task moves too. */
export async function rescheduleVisit(ctx: Ctx, id: number, input: VisitRescheduleInput) {
  await ctx.db.transaction(async (tx) => {
    const v = await findVisitForChange(ctx, id, input.version, tx);
    if (v.status !== 'planned') throw new ConflictError('visit.not_planned');
    await tx
      .update(returnVisits)
      .set({ dueDate: input.dueDate, version: v.version + 1, updatedAt: ctx.now() })
      .where(eq(returnVisits.id, id));
    await tx
      .update(tasks)
      .set({ dueDate: input.dueDate, overdueNotifiedAt: null })
      .where(sql`${tasks.dedupeKey} = ${`visit:${id}`} and ${tasks.status} = 'open'`);
    await recordAudit(tx, ctx, {
      entityType: 'return_visit',
      entityId: id,
      action: 'reschedule',
      changes: [{ field: 'dueDate', old: v.dueDate, new: input.dueDate }],
    });
  });
  return getVisit(ctx, id);
}

/**
 * Sends a satisfaction survey (满意度调查) to a list of customers: one planned visit each, called by
 * the customer's owner (the survey's author for pool customers), due on the survey's date.
 */
export async function createSurvey(ctx: Ctx, input: SurveyInput) {
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(input.customerIds)];
    const rows = await tx
      .select({ id: customers.id, ownerId: customers.ownerId, ownerDeptId: customers.ownerDeptId })
      .from(customers)
      .where(sql`${customers.id} = any(${sql.param(ids)}::bigint[])`);
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const [i, id] of input.customerIds.entries())
      if (!found.has(id)) throw ValidationError.field(`customerIds.${i}`, 'visit.customer_invalid');
    const [s] = await tx
      .insert(satisfactionSurveys)
      .values({ title: input.title, script: input.script, dueDate: input.dueDate, createdBy: ctx.principal.userId })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'satisfaction_survey',
      entityId: s.id,
      action: 'create',
      changes: [
        { field: 'title', old: null, new: input.title },
        { field: 'customers', old: null, new: ids.length },
      ],
    });
    let planned = 0;
    for (const id of ids) {
      const c = found.get(id)!;
      const ownerId = c.ownerId ?? ctx.principal.userId;
      const ownerDeptId = c.ownerId ? (c.ownerDeptId as number) : ctx.principal.deptId;
      const visit = await planVisit(tx, ctx, {
        customerId: id,
        ownerId,
        ownerDeptId,
        repId: c.ownerId,
        sourceType: 'survey',
        sourceId: s.id,
        surveyId: s.id,
        subject: input.title,
        script: input.script,
        dueDate: input.dueDate,
      });
      if (visit) planned++;
    }
    return { id: s.id, title: s.title, visits: planned };
  });
}
