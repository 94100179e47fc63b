import { type BudgetInput, type BudgetUpdateInput, money, toMoneyString } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { departments } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { findBudgetInScope } from './expenses.access.ts';
import { events } from './expenses.deps.ts';
import { expenseBudgets } from './expenses.schema.ts';

const BUDGET = 'expense_budget';

/**
 * Sets a budget (seed 001 费用预算 2: 各项费用的预算金额): of a department in the user's budget scope
 * for a period, or of an event (then of the event's department). One budget per event and category;
 * a department's budgets of one category never overlap in time, so every line has one budget.
 */
export async function createBudget(ctx: Ctx, input: BudgetInput) {
  return ctx.db.transaction(async (tx) => {
    let deptId = input.deptId ?? 0;
    if (input.eventId) {
      const [ev] = await tx
        .select({ deptId: events.ownerDeptId, status: events.status })
        .from(events)
        .where(eq(events.id, input.eventId));
      if (!ev || ev.status === 'cancelled') throw ValidationError.field('eventId', 'expenses.event_invalid');
      deptId = ev.deptId;
    }
    const scope = await resolveScope(ctx, 'budget.view');
    const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, deptId));
    if (!dept || (!scope.all && !scope.deptIds.includes(deptId)))
      throw ValidationError.field(input.eventId ? 'eventId' : 'deptId', 'expenses.dept_invalid');
    // Serialises budget writers of one department and category, so two overlapping periods cannot both pass.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`expense_budget:${deptId}:${input.category}`}))`);
    if (input.eventId) {
      const [dup] = await tx
        .select({ id: expenseBudgets.id })
        .from(expenseBudgets)
        .where(and(eq(expenseBudgets.eventId, input.eventId), eq(expenseBudgets.category, input.category)));
      if (dup) throw ValidationError.field('category', 'expenses.budget_exists');
    } else {
      const [overlap] = await tx
        .select({ id: expenseBudgets.id })
        .from(expenseBudgets)
        .where(
          sql`${expenseBudgets.deptId} = ${deptId} and ${expenseBudgets.category} = ${input.category}
            and ${expenseBudgets.eventId} is null and ${expenseBudgets.periodStart} <= ${input.periodEnd}
            and ${expenseBudgets.periodEnd} >= ${input.periodStart}`,
        );
      if (overlap) throw ValidationError.field('periodStart', 'expenses.budget_overlap');
    }
    const [row] = await tx
      .insert(expenseBudgets)
      .values({
        deptId,
        eventId: input.eventId ?? null,
        category: input.category,
        periodStart: input.eventId ? null : (input.periodStart ?? null),
        periodEnd: input.eventId ? null : (input.periodEnd ?? null),
        amount: toMoneyString(input.amount),
        note: input.note ?? null,
        createdBy: ctx.principal.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      entityType: BUDGET,
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'category', old: null, new: row.category },
        { field: 'amount', old: null, new: row.amount },
        {
          field: 'period',
          old: null,
          new: row.eventId ? `event#${row.eventId}` : `${row.periodStart}~${row.periodEnd}`,
        },
      ],
    });
    return { id: row.id };
  });
}

/**
 * Changes a budget's amount or note. The amount never drops below what approved and paid claims
 * already hold of it (reserved + used): that money is spent.
 */
export async function updateBudget(ctx: Ctx, id: number, input: BudgetUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const b = await findBudgetInScope(ctx, id, tx, true);
    if (!can(ctx.principal, 'budget.manage')) throw new ForbiddenError();
    if (b.version !== input.version) throw new StaleVersionError();
    const held = money(b.reserved).plus(b.used);
    if (money(input.amount).lt(held))
      throw ValidationError.field('amount', 'expenses.budget_below_held', { held: toMoneyString(held) });
    const amount = toMoneyString(input.amount);
    const note = input.note ?? null;
    await tx
      .update(expenseBudgets)
      .set({ amount, note, version: b.version + 1, updatedAt: ctx.now() })
      .where(eq(expenseBudgets.id, id));
    const changes = [
      ...(b.amount !== amount ? [{ field: 'amount', old: b.amount, new: amount }] : []),
      ...(b.note !== note ? [{ field: 'note', old: b.note, new: note }] : []),
    ];
    await recordAudit(tx, ctx, { entityType: BUDGET, entityId: id, action: 'update', changes });
  });
}
