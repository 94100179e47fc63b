import {
  type LeadTargetQuery,
  type MonthlyTargetsQuery,
  money,
  type PlanVsActualQuery,
  toMoneyString,
} from '@sales/core';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';
import { type Measure, measure } from '../analytics/index.ts';
import { leadTargetOf, rateOf } from './plans.formula.ts';
import { type PlanRowView, planInForce, visibleRows } from './plans.queries.ts';

// Every actual comes from the indicator engine (SPEC 5.1, issue 13: one place every figure comes
// from): the amount is `sales_amount` (confirmed orders net of cancellations and returns), the
// number of customers `new_customers`, the 4S conversion `lead_deals` ÷ `leads`.
const AMOUNT: Measure = 'sales_amount';
const CUSTOMERS: Measure = 'new_customers';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** [from, to] inclusive of months m1..m2 of year y. */
const span = (y: number, m1: number, m2: number) => ({
  from: `${y}-${pad(m1)}-01`,
  to: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
});

/** The actual of one measure over a period for each row: the rep, or the department's whole subtree. */
async function rowActuals(
  db: DbOrTx,
  ctx: Ctx,
  m: Measure,
  rows: PlanRowView[],
  period: { from: string; to: string },
  byMonth: boolean,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const months = (res: { keys: Record<string, string | number | null>; value: string }[]) => {
    if (!byMonth) return [res[0]?.value ?? '0'];
    const v = Array(12).fill('0');
    for (const r of res) v[Number(String(r.keys.month).slice(5, 7)) - 1] = r.value;
    return v;
  };
  const groupBy = byMonth ? (['month'] as const) : [];
  const reps = rows.filter((r) => r.userId !== null);
  if (reps.length) {
    const res = await measure(db, ctx, { measure: m, ...period, groupBy: ['rep', ...groupBy] });
    for (const r of reps) out.set(r.key, months(res.filter((x) => Number(x.keys.rep) === r.userId)));
  }
  for (const r of rows.filter((x) => x.userId === null)) {
    out.set(
      r.key,
      months(await measure(db, ctx, { measure: m, ...period, departmentId: r.deptId, groupBy: [...groupBy] })),
    );
  }
  return out;
}

/** Last year's actuals beside each visible row of a plan (SPEC 2.1: the plan is made from them). */
export async function lastYearActuals(ctx: Ctx, year: number, rows: PlanRowView[]) {
  const period = span(year - 1, 1, 12);
  const amounts = await rowActuals(ctx.db, ctx, AMOUNT, rows, period, true);
  const customers = await rowActuals(ctx.db, ctx, CUSTOMERS, rows, period, true);
  return rows.map((r) => {
    const a = amounts.get(r.key) ?? Array(12).fill('0');
    const c = customers.get(r.key) ?? Array(12).fill('0');
    return {
      key: r.key,
      amounts: a.map((x) => toMoneyString(x)),
      customers: c.map(Number),
      totalAmount: toMoneyString(a.reduce((s, x) => s.plus(money(x)), money(0))),
      totalCustomers: c.reduce((s, x) => s + Number(x), 0),
    };
  });
}

/** The months of a period: a month (index 1–12), a quarter (1–4) or the year; default the current one. */
function periodMonths(q: PlanVsActualQuery, now: Date) {
  const today = companyDate(now);
  const year = q.year ?? Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (q.period === 'year') return { year, index: 1, m1: 1, m2: 12 };
  if (q.period === 'quarter') {
    const i = Math.min(q.index ?? Math.ceil(month / 3), 4);
    return { year, index: i, m1: i * 3 - 2, m2: i * 3 };
  }
  const i = q.index ?? month;
  return { year, index: i, m1: i, m2: i };
}

/**
 * Plan vs actual for a period at every level the viewer sees (company, departments, reps), live
 * from the indicator engine. A zero or missing target has no rate (无目标), never a division error.
 */
export async function planVsActual(ctx: Ctx, q: PlanVsActualQuery) {
  const p = periodMonths(q, ctx.now());
  const period = span(p.year, p.m1, p.m2);
  const plan = await planInForce(ctx.db, p.year);
  const base = { year: p.year, period: q.period, index: p.index, ...period };
  if (!plan) return { ...base, planId: null, planVersion: null, rows: [] };
  const { rows } = await visibleRows(ctx, plan.id);
  const amounts = await rowActuals(ctx.db, ctx, AMOUNT, rows, period, false);
  const customers = await rowActuals(ctx.db, ctx, CUSTOMERS, rows, period, false);
  const slice = <T>(xs: T[]) => xs.slice(p.m1 - 1, p.m2);
  return {
    ...base,
    planId: plan.id,
    planVersion: plan.planVersion,
    rows: rows.map((r) => {
      const targetAmount = toMoneyString(slice(r.amounts).reduce((s, x) => s.plus(money(x)), money(0)));
      const targetCustomers = slice(r.customers).reduce((s, x) => s + x, 0);
      const actualAmount = toMoneyString(amounts.get(r.key)?.[0] ?? '0');
      const actualCustomers = Number(customers.get(r.key)?.[0] ?? 0);
      return {
        key: r.key,
        name: r.name,
        kind: r.kind,
        depth: r.depth,
        deptId: r.deptId,
        userId: r.userId,
        targetAmount,
        actualAmount,
        amountRate: rateOf(actualAmount, targetAmount),
        targetCustomers,
        actualCustomers,
        customersRate: rateOf(String(actualCustomers), String(targetCustomers)),
      };
    }),
  };
}

/**
 * The plan line of the dashboard (SPEC 2.1 plan vs actual): the plan in force's 12 monthly amounts
 * of the picked department's row, or of the top row in the viewer's scope (the company, one's
 * department, one's own row). No plan in force, or no such row in scope: no line.
 */
export async function monthlyTargets(ctx: Ctx, q: MonthlyTargetsQuery) {
  const plan = await planInForce(ctx.db, q.year);
  if (!plan) return { year: q.year, planId: null, name: null, amounts: null };
  const { rows } = await visibleRows(ctx, plan.id);
  const row =
    q.departmentId === undefined ? rows[0] : rows.find((r) => r.userId === null && r.deptId === q.departmentId);
  if (!row) return { year: q.year, planId: plan.id, name: null, amounts: null };
  return { year: q.year, planId: plan.id, name: row.name, amounts: row.amounts.map((a) => toMoneyString(a)) };
}

/**
 * The 4S helper (展厅集客): each visible row's lead target for a month = its deals target (the plan's
 * customers) ÷ the lead-to-deal conversion of the last plans.leadConversionMonths full months,
 * within the viewer's scope.
 */
export async function leadTargets(ctx: Ctx, q: LeadTargetQuery) {
  const today = companyDate(ctx.now());
  const year = q.year ?? Number(today.slice(0, 4));
  const month = q.month ?? Number(today.slice(5, 7));
  const n = await getPolicy(ctx.db, 'plans.leadConversionMonths');
  // The N full months before the current one.
  const cur = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 1));
  const start = new Date(cur);
  start.setUTCMonth(start.getUTCMonth() - n);
  const end = new Date(cur.getTime() - 86_400_000);
  const period = { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
  const [[leads], [deals]] = await Promise.all([
    measure(ctx.db, ctx, { measure: 'leads', ...period }),
    measure(ctx.db, ctx, { measure: 'lead_deals', ...period }),
  ]);
  const conv = leadTargetOf(0, leads.value, deals.value);
  const plan = await planInForce(ctx.db, year);
  const rows = plan ? (await visibleRows(ctx, plan.id)).rows : [];
  return {
    year,
    month,
    months: n,
    ...period,
    leads: Number(leads.value),
    deals: Number(deals.value),
    rate: conv.rate,
    planId: plan?.id ?? null,
    rows: rows.map((r) => {
      const target = r.customers[month - 1];
      return {
        key: r.key,
        name: r.name,
        kind: r.kind,
        depth: r.depth,
        target,
        leadTarget: leadTargetOf(target, leads.value, deals.value).leadTarget,
      };
    }),
  };
}
