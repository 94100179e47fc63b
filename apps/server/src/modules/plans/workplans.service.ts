import type { WorkPlanInput, WorkPlanUpdateInput } from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { completeTasksByRef } from '../../platform/tasks/index.ts';
import { workPlans } from './plans.schema.ts';
import { findWorkPlanInScope } from './workplans.queries.ts';

const FIELDS = ['month', 'goals', 'customers', 'activities', 'status'] as const;
/** The reminder task of a month's plan: refType per month, refId the rep (workplans.sweep.ts). */
export const workPlanTaskRef = (month: string) => `work_plan.${month}`;

async function closeReminder(tx: Tx, ctx: Ctx, month: string) {
  await completeTasksByRef(tx, workPlanTaskRef(month), ctx.principal.userId, ctx.now());
}

/** Writes the signed-in rep's work plan for a month (draft, or submitted at once). */
export async function createWorkPlan(ctx: Ctx, input: WorkPlanInput) {
  return ctx.db.transaction(async (tx) => {
    const month = `${input.month}-01`;
    const [dup] = await tx
      .select({ id: workPlans.id })
      .from(workPlans)
      .where(and(eq(workPlans.userId, ctx.principal.userId), eq(workPlans.month, month)));
    if (dup) throw ValidationError.field('month', 'workplans.exists', { month: input.month });
    const now = ctx.now();
    const [row] = await tx
      .insert(workPlans)
      .values({
        userId: ctx.principal.userId,
        deptId: ctx.principal.deptId,
        month,
        goals: input.goals,
        customers: input.customers,
        activities: input.activities,
        status: input.submit ? 'submitted' : 'draft',
        submittedAt: input.submit ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'work_plan',
      entityId: row.id,
      action: 'create',
      changes: createdFields(row, FIELDS),
    });
    if (input.submit) await closeReminder(tx, ctx, input.month);
    return { id: row.id };
  });
}

async function findOwnDraft(tx: Tx, ctx: Ctx, id: number, version: number) {
  const row = await findWorkPlanInScope(ctx, id, tx, true);
  // Only the rep writes their own plan; whoever else sees it only reads it.
  if (row.userId !== ctx.principal.userId) throw new ForbiddenError();
  if (row.version !== version) throw new StaleVersionError();
  if (row.status !== 'draft') throw new ConflictError('workplans.submitted');
  return row;
}

/** Changes a draft work plan (and submits it when asked). */
export async function updateWorkPlan(ctx: Ctx, id: number, input: WorkPlanUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await findOwnDraft(tx, ctx, id, input.version);
    const now = ctx.now();
    const [after] = await tx
      .update(workPlans)
      .set({
        goals: input.goals,
        customers: input.customers,
        activities: input.activities,
        status: input.submit ? 'submitted' : 'draft',
        submittedAt: input.submit ? now : null,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(workPlans.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'work_plan',
      entityId: id,
      action: input.submit ? 'submit' : 'update',
      changes: diffFields(row, after, FIELDS),
    });
    if (input.submit) await closeReminder(tx, ctx, row.month.slice(0, 7));
  });
}

/** Submits a draft work plan to the manager (it is then read-only). */
export async function submitWorkPlan(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const row = await findOwnDraft(tx, ctx, id, version);
    const now = ctx.now();
    await tx
      .update(workPlans)
      .set({ status: 'submitted', submittedAt: now, version: row.version + 1, updatedAt: now })
      .where(eq(workPlans.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'work_plan',
      entityId: id,
      action: 'submit',
      changes: [{ field: 'status', old: 'draft', new: 'submitted' }],
    });
    await closeReminder(tx, ctx, row.month.slice(0, 7));
  });
}
