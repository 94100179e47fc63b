import { type CostAnalysisQuery, money, toMoneyString } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { COUNT_CAP, pageOffset } from '../../platform/lists/index.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { analyticsFacts, eventInvitations, eventOrders, events } from './expenses.deps.ts';
import { expenseClaimLines, expenseClaims } from './expenses.schema.ts';

/** The period analysed: the given days, by default this month so far (company calendar). */
function period(ctx: Ctx, q: CostAnalysisQuery) {
  const today = companyDate(ctx.now());
  return { from: q.from ?? `${today.slice(0, 7)}-01`, to: q.to ?? today };
}

/** What was spent: lines of approved and paid claims in the period, of claimants in the analyze scope. */
async function spentWhere(ctx: Ctx, from: string, to: string): Promise<SQL> {
  const scope = await resolveScope(ctx, 'expense.analyze');
  return sql`c.status in ('approved','paid') and l.spent_on between ${from}::date and ${to}::date
    and ${scopeWhere(scope, sql`c.claimant_id`, sql`c.claimant_dept_id`)}`;
}

/** cost ÷ count, or null when nothing was counted ("no figure", never a division by zero). */
const per = (cost: string, n: number) => (n > 0 ? toMoneyString(money(cost).div(n)) : null);

async function groupCount(ctx: Ctx, inner: SQL) {
  const res = await ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from (${inner} limit ${COUNT_CAP + 1}) t`,
  );
  const n = Number(res.rows[0].n);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/**
 * Cost per event (seed 001 费用控制 / SPEC 5.3): what claims charged to each event spent, against
 * the event's budgets, the guests who came and the deals closed there — cost per attendee and per
 * deal. Largest spend first; one SQL aggregate per page.
 */
export async function costByEvent(ctx: Ctx, q: CostAnalysisQuery) {
  const { from, to } = period(ctx, q);
  const where = await spentWhere(ctx, from, to);
  const grouped = sql`select c.event_id from ${expenseClaimLines} l join ${expenseClaims} c on c.id = l.claim_id
    where c.event_id is not null and ${where} group by c.event_id`;
  const res = await ctx.db.execute<{
    id: number;
    theme: string;
    starts_at: string;
    spent: string;
    budget: string;
    attended: number;
    deals: number;
  }>(sql`
    select e.id, e.theme, e.starts_at, s.spent,
      (select coalesce(sum(b.amount), 0) from expense_budgets b where b.event_id = e.id)::numeric(18,2)::text as budget,
      (select count(*)::int from ${eventInvitations} i where i.event_id = e.id and i.checked_in_at is not null) as attended,
      (select count(*)::int from ${eventOrders} o where o.event_id = e.id) as deals
    from (select c.event_id, sum(l.amount)::numeric(18,2)::text as spent
          from ${expenseClaimLines} l join ${expenseClaims} c on c.id = l.claim_id
          where c.event_id is not null and ${where} group by c.event_id) s
      join ${events} e on e.id = s.event_id
    order by s.spent::numeric desc, e.id desc
    limit ${q.pageSize} offset ${pageOffset(q)}`);
  const items = res.rows.map((r) => ({
    eventId: Number(r.id),
    theme: r.theme,
    startsAt: new Date(r.starts_at).toISOString(),
    spent: r.spent,
    budget: r.budget,
    attended: Number(r.attended),
    deals: Number(r.deals),
    perAttendee: per(r.spent, Number(r.attended)),
    perDeal: per(r.spent, Number(r.deals)),
  }));
  return { items, ...(await groupCount(ctx, grouped)), page: q.page, pageSize: q.pageSize, from, to };
}

/**
 * Cost per rep and per customer acquired: each claimant's spend by category in the period, the
 * customers they acquired then (indicator facts of kind 'customer', credited at booking) and the
 * cost of one new customer. Largest spend first; totals over the whole scope in `summary`.
 */
export async function costByRep(ctx: Ctx, q: CostAnalysisQuery) {
  const { from, to } = period(ctx, q);
  const where = await spentWhere(ctx, from, to);
  const byCategory = (cat: string) =>
    sql.raw(`coalesce(sum(l.amount) filter (where l.category = '${cat}'), 0)::numeric(18,2)::text as ${cat}`);
  const acquired = sql`(select coalesce(sum(f.n), 0)::int from ${analyticsFacts} f
    where f.kind = 'customer' and f.rep_id = s.claimant_id and f.fact_date between ${from}::date and ${to}::date)`;
  const res = await ctx.db.execute<Record<string, string | number>>(sql`
    select s.*, u.name, d.name as dept_name, ${acquired} as acquired
    from (select c.claimant_id, sum(l.amount)::numeric(18,2)::text as spent,
            ${byCategory('invitation')}, ${byCategory('event')}, ${byCategory('promotion')},
            ${byCategory('travel')}, ${byCategory('entertainment')}
          from ${expenseClaimLines} l join ${expenseClaims} c on c.id = l.claim_id
          where ${where} group by c.claimant_id) s
      join users u on u.id = s.claimant_id join departments d on d.id = u.dept_id
    order by s.spent::numeric desc, s.claimant_id
    limit ${q.pageSize} offset ${pageOffset(q)}`);
  const items = res.rows.map((r) => ({
    repId: Number(r.claimant_id),
    repName: String(r.name),
    deptName: String(r.dept_name),
    spent: String(r.spent),
    byCategory: {
      invitation: String(r.invitation),
      event: String(r.event),
      promotion: String(r.promotion),
      travel: String(r.travel),
      entertainment: String(r.entertainment),
    },
    acquired: Number(r.acquired),
    perCustomer: per(String(r.spent), Number(r.acquired)),
  }));
  const [sum] = (
    await ctx.db.execute<{ spent: string; acquired: number }>(sql`
      select coalesce(sum(s.spent), 0)::numeric(18,2)::text as spent,
        coalesce(sum((select coalesce(sum(f.n), 0) from ${analyticsFacts} f where f.kind = 'customer'
          and f.rep_id = s.claimant_id and f.fact_date between ${from}::date and ${to}::date)), 0)::int as acquired
      from (select c.claimant_id, sum(l.amount) as spent
            from ${expenseClaimLines} l join ${expenseClaims} c on c.id = l.claim_id
            where ${where} group by c.claimant_id) s`)
  ).rows;
  const grouped = sql`select c.claimant_id from ${expenseClaimLines} l join ${expenseClaims} c on c.id = l.claim_id
    where ${where} group by c.claimant_id`;
  return {
    items,
    ...(await groupCount(ctx, grouped)),
    page: q.page,
    pageSize: q.pageSize,
    from,
    to,
    summary: {
      spent: sum.spent,
      acquired: Number(sum.acquired),
      perCustomer: per(sum.spent, Number(sum.acquired)),
    },
  };
}
