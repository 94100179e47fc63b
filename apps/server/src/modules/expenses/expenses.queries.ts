import { type ClaimListQuery, claimCan } from '@sales/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, likePattern, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { listViewCounts, listViewWhere } from '../../platform/lists/views.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { claimScope, findClaimInScope } from './expenses.access.ts';
import { claimBudgetCheck } from './expenses.budget-match.ts';
import { events } from './expenses.deps.ts';
import { expenseClaimLines, expenseClaims } from './expenses.schema.ts';

type ClaimFilter = Omit<ClaimListQuery, 'page' | 'pageSize'>;

async function claimWhere(ctx: Ctx, f: ClaimFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await claimScope(ctx)];
  parts.push(await listViewWhere(ctx, 'expense.view', f.view, expenseClaims.claimantId, expenseClaims.claimantDeptId));
  if (f.status) parts.push(eq(expenseClaims.status, f.status));
  if (f.keyword)
    parts.push(
      sql`(lower(${expenseClaims.title}) like ${likePattern(f.keyword)} or lower(${expenseClaims.no}) like ${likePattern(f.keyword)})`,
    );
  return and(...parts) as SQL;
}

/** One page of the claims in scope (我的报销 / 下属的 / 全部), newest first, with a capped total. */
export async function listClaims(ctx: Ctx, q: ClaimListQuery) {
  const where = await claimWhere(ctx, q);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: expenseClaims.id,
        no: expenseClaims.no,
        title: expenseClaims.title,
        claimantName: users.name,
        deptName: departments.name,
        eventTheme: events.theme,
        total: expenseClaims.total,
        status: expenseClaims.status,
        overBudget: expenseClaims.overBudget,
        rejectReason: expenseClaims.rejectReason,
        createdAt: expenseClaims.createdAt,
        submittedAt: expenseClaims.submittedAt,
      })
      .from(expenseClaims)
      .innerJoin(users, eq(users.id, expenseClaims.claimantId))
      .innerJoin(departments, eq(departments.id, expenseClaims.claimantDeptId))
      .leftJoin(events, eq(events.id, expenseClaims.eventId))
      .where(where)
      .orderBy(...pageOrder(expenseClaims.createdAt, 'desc', expenseClaims.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, expenseClaims, where),
  ]);
  const items = rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
  return pageResult(items, count, q);
}

/** The capped count of each list view the user has (我的 / 下属的 / 全部), under the other filters. */
export function countClaimViews(ctx: Ctx, f: ClaimFilter) {
  return listViewCounts(ctx, 'expense.view', async (view) =>
    cappedCount(ctx.db, expenseClaims, await claimWhere(ctx, { ...f, view })),
  );
}

/**
 * One claim with its lines (each with the budget it spends), the budgets it asks of against their
 * remainders, and what the viewer may do with it.
 */
export async function getClaim(ctx: Ctx, id: number) {
  const c = await findClaimInScope(ctx, id);
  const [lines, [people], check] = await Promise.all([
    ctx.db
      .select({
        lineNo: expenseClaimLines.lineNo,
        category: expenseClaimLines.category,
        amount: expenseClaimLines.amount,
        spentOn: expenseClaimLines.spentOn,
        description: expenseClaimLines.description,
      })
      .from(expenseClaimLines)
      .where(eq(expenseClaimLines.claimId, id))
      .orderBy(asc(expenseClaimLines.lineNo)),
    ctx.db
      .select({
        claimantName: users.name,
        deptName: departments.name,
        eventTheme: sql<string | null>`(select e.theme from ${events} e where e.id = ${c.eventId ?? 0})`,
        paidByName: sql<string | null>`(select p.name from users p where p.id = ${c.paidBy ?? 0})`,
      })
      .from(users)
      .innerJoin(departments, eq(departments.id, c.claimantDeptId))
      .where(eq(users.id, c.claimantId)),
    claimBudgetCheck(ctx.db, c),
  ]);
  const mine = c.claimantId === ctx.principal.userId && can(ctx.principal, 'expense.claim');
  return {
    ...c,
    ...people,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    submittedAt: c.submittedAt?.toISOString() ?? null,
    approvedAt: c.approvedAt?.toISOString() ?? null,
    paidAt: c.paidAt?.toISOString() ?? null,
    lines: lines.map((l, i) => ({ ...l, budgetId: check.lineBudgetIds[i] })),
    budgetCheck: { budgets: check.budgets, unbudgeted: check.unbudgeted, over: check.over },
    can: {
      edit: mine && claimCan('edit', c.status),
      submit: mine && claimCan('submit', c.status),
      delete: mine && claimCan('delete', c.status) && c.submittedAt === null,
      pay: can(ctx.principal, 'expense.pay') && claimCan('pay', c.status),
    },
  };
}

/** The claims charged to a budget, newest first (at most 50): what its reserved and used are made of. */
export async function budgetClaims(ctx: Ctx, budgetId: number) {
  const rows = await ctx.db
    .select({
      id: expenseClaims.id,
      no: expenseClaims.no,
      title: expenseClaims.title,
      claimantName: users.name,
      status: expenseClaims.status,
      amount: sql<string>`sum(${expenseClaimLines.amount})::numeric(18,2)::text`,
    })
    .from(expenseClaimLines)
    .innerJoin(expenseClaims, eq(expenseClaims.id, expenseClaimLines.claimId))
    .innerJoin(users, eq(users.id, expenseClaims.claimantId))
    .where(and(eq(expenseClaimLines.budgetId, budgetId), await claimScope(ctx)))
    .groupBy(expenseClaims.id, users.name)
    .orderBy(sql`${expenseClaims.id} desc`)
    .limit(50);
  return rows;
}

/**
 * The events a claim or a budget may be charged to: approved events (company campaigns every
 * inviter sees), latest first, matching the keyword; at most 50 (a picker, not a list).
 */
export async function eventOptions(ctx: Ctx, keyword?: string) {
  const rows = await ctx.db
    .select({ id: events.id, theme: events.theme, startsAt: events.startsAt })
    .from(events)
    .where(
      and(
        eq(events.status, 'approved'),
        keyword ? sql`lower(${events.theme}) like ${likePattern(keyword)}` : undefined,
      ),
    )
    .orderBy(sql`${events.startsAt} desc`, sql`${events.id} desc`)
    .limit(50);
  return { items: rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() })) };
}
