import type { MilestoneStartInput, MilestoneStepCompleteInput } from '@sales/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { saveAttachment } from '../../platform/files/index.ts';
import { nextDocNumber } from '../../platform/numbering/numbering.service.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { completeTasksByRef } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { findContractInScope } from '../contracts/index.ts';
import { findOrderInScope } from '../orders/index.ts';
import { findProcessForChange } from './milestones.access.ts';
import {
  milestoneProcesses,
  milestoneProcessSteps,
  milestoneTemplateSteps,
  milestoneTemplates,
} from './milestones.schema.ts';
import './milestones.messages.ts';

/**
 * Starts a post-sale process for an order or a contract from a template (SPEC 4.5): each step is
 * due its offset in working days after the start date, on the company calendar.
 */
export async function startMilestoneProcess(ctx: Ctx, input: MilestoneStartInput) {
  return ctx.db.transaction(async (tx) => {
    const deal = input.orderId
      ? await findOrderInScope(ctx, input.orderId, 'order.view', tx)
      : await findContractInScope(ctx, input.contractId as number, 'contract.view', tx);
    const s = await resolveScope(ctx, 'milestone.handle');
    if (
      !ctx.principal.grants.has('milestone.handle') ||
      !(s.all || s.userId === deal.ownerId || s.deptIds.includes(deal.ownerDeptId))
    )
      throw new ForbiddenError();
    const [tpl] = await tx.select().from(milestoneTemplates).where(eq(milestoneTemplates.id, input.templateId));
    if (!tpl?.active) throw ValidationError.field('templateId', 'milestone.template_invalid');
    const steps = await tx
      .select()
      .from(milestoneTemplateSteps)
      .where(eq(milestoneTemplateSteps.templateId, tpl.id))
      .orderBy(asc(milestoneTemplateSteps.seq));
    const cal = await loadWorkCalendar(tx);
    const now = ctx.now();
    const no = await nextDocNumber(tx, 'milestoneProcess', now);
    const [row] = await tx
      .insert(milestoneProcesses)
      .values({
        no,
        templateId: tpl.id,
        templateName: tpl.name,
        customerId: deal.customerId,
        orderId: input.orderId ?? null,
        contractId: input.contractId ?? null,
        ownerId: deal.ownerId,
        ownerDeptId: deal.ownerDeptId,
        startDate: input.startDate,
        createdBy: ctx.principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: milestoneProcesses.id });
    await tx.insert(milestoneProcessSteps).values(
      steps.map((st) => ({
        processId: row.id,
        seq: st.seq,
        name: st.name,
        departmentId: st.departmentId,
        dueDate: cal.addWorkingDays(input.startDate, st.offsetDays),
        requiredDocuments: st.requiredDocuments,
        note: st.note,
      })),
    );
    await recordAudit(tx, ctx, {
      entityType: 'milestone_process',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'no', old: null, new: no },
        { field: 'templateId', old: null, new: tpl.id },
        { field: input.orderId ? 'orderId' : 'contractId', old: null, new: input.orderId ?? input.contractId },
        { field: 'startDate', old: null, new: input.startDate },
      ],
    });
    return { id: row.id };
  });
}

/**
 * Completes one step with its documents: every required document must come with a file (stored
 * as an attachment of the process). The last step completes the process.
 */
export async function completeMilestoneStep(ctx: Ctx, id: number, input: MilestoneStepCompleteInput) {
  const stepId = input.stepId;
  await ctx.db.transaction(async (tx) => {
    const p = await findProcessForChange(ctx, id, input.version, tx);
    const [step] = await tx
      .select()
      .from(milestoneProcessSteps)
      .where(and(eq(milestoneProcessSteps.id, stepId), eq(milestoneProcessSteps.processId, id)))
      .for('update');
    if (!step) throw new NotFoundError();
    if (step.completedAt) throw new ConflictError('milestone.step_done', { step: step.name });
    const given = new Set(input.documents.map((d) => d.name));
    const missing = step.requiredDocuments.filter((d) => !given.has(d));
    if (missing.length)
      throw ValidationError.field('documents', 'milestone.documents_missing', { names: missing.join('、') });
    for (const d of input.documents)
      await saveAttachment(tx, ctx, 'milestone_process', id, `step:${step.id}:${d.name}`, d.file);
    const now = ctx.now();
    await tx
      .update(milestoneProcessSteps)
      .set({ completedAt: now, completedBy: ctx.principal.userId, completionNote: input.note })
      .where(eq(milestoneProcessSteps.id, stepId));
    const open = await tx
      .select({ id: milestoneProcessSteps.id })
      .from(milestoneProcessSteps)
      .where(and(eq(milestoneProcessSteps.processId, id), isNull(milestoneProcessSteps.completedAt)));
    const status = open.length === 0 ? 'completed' : p.status;
    await tx
      .update(milestoneProcesses)
      .set({ status, completedAt: status === 'completed' ? now : null, version: p.version + 1, updatedAt: now })
      .where(eq(milestoneProcesses.id, id));
    await completeTasksByRef(tx, 'milestone_step', stepId, now);
    await recordAudit(tx, ctx, {
      entityType: 'milestone_process',
      entityId: id,
      action: 'complete_step',
      changes: [
        { field: `step:${step.seq}`, old: null, new: step.name },
        { field: 'documents', old: null, new: [...given] },
        ...(status !== p.status ? [{ field: 'status', old: p.status, new: status }] : []),
      ],
      comment: input.note ?? undefined,
    });
  });
}

/** Whether a step is late today: not done and its due date has passed (company date). */
export const isLate = (s: { completedAt: Date | null; dueDate: string }, now: Date) =>
  !s.completedAt && s.dueDate < companyDate(now);
