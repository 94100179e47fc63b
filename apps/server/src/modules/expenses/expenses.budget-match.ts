import { money, toMoneyString } from '@sales/core';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { departments } from '../../platform/org/org.schema.ts';
import { events } from './expenses.deps.ts';
import { expenseBudgets, expenseClaimLines, type expenseClaims } from './expenses.schema.ts';

type Claim = Pick<typeof expenseClaims.$inferSelect, 'id' | 'claimantDeptId' | 'eventId' | 'status'>;
type LineKey = { category: string; spentOn: string };

/**
 * The budget each line spends (seed 001 费用预算): a claim charged to an event spends the event's
 * budget of the line's category; any other line the budget of its category whose period holds the
 * line's day, of the applicant's department or, failing that, of the nearest department above it.
 * null = no budget covers the line (all of it is beyond budget).
 */
export async function matchBudgets(db: DbOrTx, claim: Claim, lines: LineKey[]): Promise<(number | null)[]> {
  if (lines.length === 0) return [];
  if (claim.eventId !== null) {
    const rows = await db
      .select({ id: expenseBudgets.id, category: expenseBudgets.category })
      .from(expenseBudgets)
      .where(eq(expenseBudgets.eventId, claim.eventId));
    const byCategory = new Map(rows.map((r) => [r.category, r.id]));
    return lines.map((l) => byCategory.get(l.category) ?? null);
  }
  const res = await db.execute<{ idx: number; id: number | null }>(sql`
    select l.idx, b.id from unnest(${sql.param(lines.map((l) => l.category))}::text[],
        ${sql.param(lines.map((l) => l.spentOn))}::date[]) with ordinality as l(category, spent_on, idx)
      left join lateral (
        select b.id from ${expenseBudgets} b join ${departments} d on d.id = b.dept_id
        where b.event_id is null and b.category = l.category
          and l.spent_on between b.period_start and b.period_end
          and (select path from ${departments} where id = ${claim.claimantDeptId}) like d.path || '%'
        order by length(d.path) desc, b.id limit 1) b on true
      order by l.idx`);
  return res.rows.map((r) => (r.id === null ? null : Number(r.id)));
}

/** A claim's lines with the budget each spends: stored since submission, matched live while editable. */
async function linesWithBudget(db: DbOrTx, claim: Claim) {
  const lines = await db
    .select({
      category: expenseClaimLines.category,
      spentOn: expenseClaimLines.spentOn,
      amount: expenseClaimLines.amount,
      budgetId: expenseClaimLines.budgetId,
    })
    .from(expenseClaimLines)
    .where(eq(expenseClaimLines.claimId, claim.id))
    .orderBy(asc(expenseClaimLines.lineNo));
  if (claim.status !== 'draft' && claim.status !== 'rejected') return lines;
  const ids = await matchBudgets(db, claim, lines);
  return lines.map((l, i) => ({ ...l, budgetId: ids[i] }));
}

/**
 * What a claim asks of each budget it spends, against what is left of it (amount − reserved − used),
 * and how much is beyond budget: the part above each budget's remainder plus every unbudgeted line.
 * Read without locks: the figures a submission is judged on; approval re-checks under the lock.
 */
export async function claimBudgetCheck(db: DbOrTx, claim: Claim) {
  const lines = await linesWithBudget(db, claim);
  const asked = new Map<number, ReturnType<typeof money>>();
  let unbudgeted = money(0);
  for (const l of lines) {
    if (l.budgetId === null) unbudgeted = unbudgeted.plus(l.amount);
    else asked.set(l.budgetId, (asked.get(l.budgetId) ?? money(0)).plus(l.amount));
  }
  const ids = [...asked.keys()];
  const rows = ids.length
    ? await db
        .select({
          id: expenseBudgets.id,
          category: expenseBudgets.category,
          deptName: departments.name,
          eventTheme: events.theme,
          periodStart: expenseBudgets.periodStart,
          periodEnd: expenseBudgets.periodEnd,
          amount: expenseBudgets.amount,
          reserved: expenseBudgets.reserved,
          used: expenseBudgets.used,
        })
        .from(expenseBudgets)
        .innerJoin(departments, eq(departments.id, expenseBudgets.deptId))
        .leftJoin(events, eq(events.id, expenseBudgets.eventId))
        .where(inArray(expenseBudgets.id, ids))
        .orderBy(asc(expenseBudgets.id))
    : [];
  let over = unbudgeted;
  const budgets = rows.map((b) => {
    const remaining = money(b.amount).minus(b.reserved).minus(b.used);
    const claimed = asked.get(b.id) ?? money(0);
    const beyond = claimed.minus(remaining.isNegative() ? 0 : remaining);
    const budgetOver = beyond.isNegative() ? money(0) : beyond;
    over = over.plus(budgetOver);
    return {
      ...b,
      remaining: toMoneyString(remaining),
      claimed: toMoneyString(claimed),
      over: toMoneyString(budgetOver),
    };
  });
  return {
    budgets,
    lineBudgetIds: lines.map((l) => l.budgetId),
    unbudgeted: toMoneyString(unbudgeted),
    over: toMoneyString(over),
  };
}
