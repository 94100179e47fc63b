import type { WorkLogAssignInput, WorkLogSaveInput } from '@sales/core';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { customerScope, customers, followUps } from '../customers/index.ts';
import { findLogInScope, findUserInScope } from './worklogs.access.ts';
import { type PlannedCustomer, workLogComments, workLogs } from './worklogs.schema.ts';
import './worklogs.messages.ts';

const TEXT_FIELDS = ['planNote', 'done', 'problems', 'tomorrow'] as const;

/** The customers of the morning plan: my open follow-ups due on `date` (seed 000 "准备": 列出当日需跟进的客户). */
export async function dueCustomers(ctx: Ctx, date: string): Promise<PlannedCustomer[]> {
  const rows = await ctx.db
    .selectDistinctOn([customers.id], { customerId: customers.id, name: customers.name })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .where(
      and(
        eq(followUps.createdBy, ctx.principal.userId),
        isNull(followUps.doneAt),
        isNotNull(followUps.nextActionDate),
        eq(followUps.nextActionDate, date),
        await customerScope(ctx),
      ),
    )
    .orderBy(asc(customers.id))
    .limit(100);
  return rows.map((r) => ({ customerId: Number(r.customerId), name: r.name }));
}

/**
 * Saves the signed-in user's log of one day: the morning plan and/or the evening log; `submit`
 * hands the evening log in (it then needs what was done). Planned customers must be in scope.
 */
export async function saveMyLog(ctx: Ctx, input: WorkLogSaveInput) {
  if (input.submit && !input.done) throw ValidationError.field('done', 'worklog.done_required');
  const ids = [...new Set(input.planCustomers)];
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(workLogs)
      .where(and(eq(workLogs.userId, ctx.principal.userId), eq(workLogs.logDate, input.date)))
      .for('update');
    if ((existing?.version ?? 0) !== input.version) throw new StaleVersionError();
    // A customer already in the day's plan stays in it, by the name it was planned under, even if it
    // has left the rep's scope since (transferred, reclaimed to the pool): the evening log of that day
    // must still be handed in. Only newly planned customers must be in scope.
    const kept = new Map((existing?.planCustomers ?? []).map((c) => [c.customerId, c]));
    const fresh = ids.filter((id) => !kept.has(id));
    const found = fresh.length
      ? await tx
          .select({ customerId: customers.id, name: customers.name })
          .from(customers)
          .where(and(inArray(customers.id, fresh), await customerScope(ctx)))
      : [];
    if (found.length !== fresh.length) throw ValidationError.field('planCustomers', 'worklog.customer_invalid');
    for (const c of found) kept.set(Number(c.customerId), { customerId: Number(c.customerId), name: c.name });
    const plan = ids.map((id) => kept.get(id) as PlannedCustomer);
    const values = {
      planCustomers: plan,
      planNote: input.planNote,
      done: input.done,
      problems: input.problems,
      tomorrow: input.tomorrow,
      submittedAt: input.submit ? (existing?.submittedAt ?? now) : (existing?.submittedAt ?? null),
    };
    if (!existing) {
      const [row] = await tx
        .insert(workLogs)
        .values({ userId: ctx.principal.userId, deptId: ctx.principal.deptId, logDate: input.date, ...values })
        .returning();
      await recordAudit(tx, ctx, {
        entityType: 'work_log',
        entityId: row.id,
        action: input.submit ? 'submit' : 'create',
        changes: [
          { field: 'logDate', old: null, new: input.date },
          ...TEXT_FIELDS.map((f) => ({ field: f, old: null, new: values[f] })),
        ],
      });
      return row;
    }
    const [row] = await tx
      .update(workLogs)
      .set({ ...values, version: existing.version + 1, updatedAt: now })
      .where(eq(workLogs.id, existing.id))
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'work_log',
      entityId: row.id,
      action: input.submit && !existing.submittedAt ? 'submit' : 'update',
      changes: TEXT_FIELDS.filter((f) => existing[f] !== values[f]).map((f) => ({
        field: f,
        old: existing[f],
        new: values[f],
      })),
    });
    return row;
  });
}

/** A manager assigns the day's work to a user in scope (经理安排当日工作); the user is notified. */
export async function assignWork(ctx: Ctx, input: WorkLogAssignInput) {
  const target = await findUserInScope(ctx, input.userId, 'worklog.comment');
  return ctx.db.transaction(async (tx) => {
    // The work assigned before, if any: the audit trail keeps old and new (SPEC 1.3).
    const [before] = await tx
      .select({ assignedWork: workLogs.assignedWork })
      .from(workLogs)
      .where(and(eq(workLogs.userId, target.id), eq(workLogs.logDate, input.date)))
      .for('update');
    const [row] = await tx
      .insert(workLogs)
      .values({
        userId: target.id,
        deptId: target.deptId,
        logDate: input.date,
        assignedWork: input.work,
        assignedBy: ctx.principal.userId,
      })
      .onConflictDoUpdate({
        target: [workLogs.userId, workLogs.logDate],
        set: { assignedWork: input.work, assignedBy: ctx.principal.userId, updatedAt: ctx.now() },
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'work_log',
      entityId: row.id,
      action: 'assign',
      changes: [{ field: 'assignedWork', old: before?.assignedWork ?? null, new: input.work }],
    });
    await notify(tx, [target.id], {
      kind: 'worklog.assigned',
      titleKey: 'notify.worklog.assigned',
      params: { manager: ctx.principal.name, date: input.date },
      link: `/work-logs/mine?date=${input.date}`,
    });
    return row;
  });
}

/** A manager comments on a log in their comment scope (经理点评); the writer is notified. */
export async function commentLog(ctx: Ctx, id: number, body: string) {
  const log = await findLogInScope(ctx, id);
  await findLogInScope(ctx, id, 'worklog.comment');
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(workLogComments)
      .values({ logId: id, authorId: ctx.principal.userId, body })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'work_log',
      entityId: id,
      action: 'comment',
      changes: [{ field: 'comment', old: null, new: body }],
    });
    if (log.userId !== ctx.principal.userId) {
      await notify(tx, [log.userId], {
        kind: 'worklog.comment',
        titleKey: 'notify.worklog.comment',
        params: { manager: ctx.principal.name, date: log.logDate },
        link: `/work-logs/${id}`,
      });
    }
    return c;
  });
}
