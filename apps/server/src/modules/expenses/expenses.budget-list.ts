import { type BudgetListQuery, money, toMoneyString } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, likePattern, pageOffset, pageResult } from '../../platform/lists/index.ts';
import { departments } from '../../platform/org/org.schema.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { budgetScope, findBudgetInScope } from './expenses.access.ts';
import { events } from './expenses.deps.ts';
import { budgetClaims } from './expenses.queries.ts';
import { expenseBudgets } from './expenses.schema.ts';

const columns = {
  id: expenseBudgets.id,
  deptId: expenseBudgets.deptId,
  deptName: departments.name,
  eventId: expenseBudgets.eventId,
  eventTheme: events.theme,
  category: expenseBudgets.category,
  periodStart: expenseBudgets.periodStart,
  periodEnd: expenseBudgets.periodEnd,
  amount: expenseBudgets.amount,
  reserved: expenseBudgets.reserved,
  used: expenseBudgets.used,
  note: expenseBudgets.note,
  version: expenseBudgets.version,
};

type Row = { amount: string; reserved: string; used: string };

/**
 * Remaining = amount − reserved − used; spent percent = (reserved + used) / amount. Near the limit
 * from policy expenses.budgetWarnPercent, over when spent beyond the amount (an over-budget approval).
 */
function present<R extends Row>(r: R, warnPercent: number) {
  const held = money(r.reserved).plus(r.used);
  const amount = money(r.amount);
  const percent = amount.isZero() ? (held.gt(0) ? 100 : 0) : held.div(amount).times(100).toDecimalPlaces(1).toNumber();
  return {
    ...r,
    remaining: toMoneyString(amount.minus(held)),
    percent,
    nearLimit: percent >= warnPercent && held.lte(amount),
    overrun: held.gt(amount),
  };
}

async function budgetWhere(ctx: Ctx, q: BudgetListQuery): Promise<SQL> {
  const parts: SQL[] = [await budgetScope(ctx)];
  if (q.category) parts.push(eq(expenseBudgets.category, q.category));
  if (q.kind === 'event') parts.push(sql`${expenseBudgets.eventId} is not null`);
  if (q.kind === 'dept') parts.push(sql`${expenseBudgets.eventId} is null`);
  if (q.on)
    parts.push(
      sql`(${expenseBudgets.eventId} is not null or ${q.on}::date between ${expenseBudgets.periodStart} and ${expenseBudgets.periodEnd})`,
    );
  if (q.keyword)
    parts.push(sql`(lower(coalesce(${expenseBudgets.note}, '')) like ${likePattern(q.keyword)}
      or exists (select 1 from ${events} e where e.id = ${expenseBudgets.eventId} and lower(e.theme) like ${likePattern(q.keyword)}))`);
  return and(...parts) as SQL;
}

/** One page of the budgets in scope, latest period first (event budgets, which have none, on top). */
export async function listBudgets(ctx: Ctx, q: BudgetListQuery) {
  const where = await budgetWhere(ctx, q);
  const [rows, count, warn] = await Promise.all([
    ctx.db
      .select(columns)
      .from(expenseBudgets)
      .innerJoin(departments, eq(departments.id, expenseBudgets.deptId))
      .leftJoin(events, eq(events.id, expenseBudgets.eventId))
      .where(where)
      .orderBy(sql`${expenseBudgets.periodStart} desc nulls first`, sql`${expenseBudgets.id} desc nulls last`)
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, expenseBudgets, where),
    getPolicy(ctx.db, 'expenses.budgetWarnPercent'),
  ]);
  return pageResult(
    rows.map((r) => present(r, warn)),
    count,
    q,
  );
}

/** One budget with its figures and the claims charged to it. */
export async function getBudget(ctx: Ctx, id: number) {
  await findBudgetInScope(ctx, id);
  const [[row], warn, claims] = await Promise.all([
    ctx.db
      .select(columns)
      .from(expenseBudgets)
      .innerJoin(departments, eq(departments.id, expenseBudgets.deptId))
      .leftJoin(events, eq(events.id, expenseBudgets.eventId))
      .where(eq(expenseBudgets.id, id)),
    getPolicy(ctx.db, 'expenses.budgetWarnPercent'),
    budgetClaims(ctx, id),
  ]);
  return { ...present(row, warn), claims };
}
