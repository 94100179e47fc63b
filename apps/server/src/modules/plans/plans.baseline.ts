import { Money, money, PLAN_MONTHS, type SalesPlanRowInput, toMoneyString } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { measure } from '../analytics/index.ts';
import { loadSplitOrg } from './plans.service.ts';

/**
 * A first draft of year `year` made from last year's actuals (seed 000 3.1: 依据上一年度的销售情况):
 * one row per rep (users who write monthly work plans) with their `sales_amount` and
 * `new_customers` of each month of the year before, raised by `growth` percent; every department
 * on the way up to the company is the sum of the rows below it, so the draft always sums.
 */
export async function planBaseline(ctx: Ctx, year: number, growth: string) {
  const org = await loadSplitOrg(ctx.db);
  const reps = await ctx.db.execute<{ id: number; dept_id: number }>(sql`
    select u.id, u.dept_id from users u
    where u.active and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                               where ur.user_id = u.id and g.permission = 'workplan.write')
    order by u.dept_id, u.id`);
  const period = { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  const amounts = await measure(ctx.db, ctx, { measure: 'sales_amount', ...period, groupBy: ['rep', 'month'] });
  const customers = await measure(ctx.db, ctx, { measure: 'new_customers', ...period, groupBy: ['rep', 'month'] });
  const factor = money(100).plus(money(growth)).div(100);
  // Indexed once by rep and month: a lookup per cell, not a scan of every result (1,000 reps × 12 months).
  const byRepMonth = (res: typeof amounts) =>
    new Map(res.map((r) => [`${Number(r.keys.rep)}:${Number(String(r.keys.month).slice(5, 7))}`, r.value]));
  const amountOf = byRepMonth(amounts);
  const customersOf = byRepMonth(customers);
  const cell = (index: Map<string, string>, rep: number, m: number) => index.get(`${rep}:${m + 1}`) ?? '0';
  const rows = new Map<string, SalesPlanRowInput>();
  const zero = (deptId: number, userId: number | null): SalesPlanRowInput => ({
    deptId,
    userId,
    amounts: Array(PLAN_MONTHS).fill('0.00'),
    customers: Array(PLAN_MONTHS).fill(0),
  });
  // Departments first, from the company down, so the grid reads as a tree.
  const chain = (deptId: number): number[] => {
    const up: number[] = [];
    for (let d: number | null | undefined = deptId; d != null; d = org.depts.get(d)?.parentId) up.unshift(d);
    return up;
  };
  for (const r of reps.rows)
    for (const d of chain(Number(r.dept_id))) if (!rows.has(`d${d}`)) rows.set(`d${d}`, zero(d, null));
  for (const r of reps.rows) {
    const rep = Number(r.id);
    const row = zero(Number(r.dept_id), rep);
    for (let m = 0; m < PLAN_MONTHS; m++) {
      // A month whose returns exceeded its sales nets negative: a target is never below zero.
      row.amounts[m] = toMoneyString(Money.max(0, money(cell(amountOf, rep, m)).times(factor)));
      row.customers[m] = Math.max(
        0,
        money(cell(customersOf, rep, m))
          .times(factor)
          .toDecimalPlaces(0)
          .toNumber(),
      );
    }
    rows.set(`u${rep}`, row);
    for (const d of chain(row.deptId)) {
      const dept = rows.get(`d${d}`) as SalesPlanRowInput;
      for (let m = 0; m < PLAN_MONTHS; m++) {
        dept.amounts[m] = toMoneyString(money(dept.amounts[m]).plus(row.amounts[m]));
        dept.customers[m] += row.customers[m];
      }
    }
  }
  const root = rows.get(`d${org.rootId}`) ?? zero(org.rootId, null);
  if (!rows.has(`d${org.rootId}`)) rows.set(`d${org.rootId}`, root);
  return {
    year,
    growth,
    targetAmount: toMoneyString(root.amounts.reduce((s, x) => s.plus(money(x)), money(0))),
    targetCustomers: root.customers.reduce((s, x) => s + x, 0),
    rows: [...rows.values()],
  };
}
