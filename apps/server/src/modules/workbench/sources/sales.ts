import { and, asc, eq, gt, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { can } from '../../../platform/permissions/principal.ts';
import { resolveScope } from '../../../platform/permissions/scope.ts';
import { customerScope, customers, followUps } from '../../customers/index.ts';
import { quoteScope, quotes } from '../../quotes/index.ts';
import { registerWorkItemSource, type WorkItemRow } from '../workbench.registry.ts';

// Work items of the sales side (seed 000 公司销售人员管理流程 "准备": the customers to follow up today).

const followUpRow = {
  id: customers.id,
  no: customers.no,
  title: customers.name,
  date: followUps.nextActionDate,
  amount: sql<string | null>`null`,
  state: sql<string | null>`null`,
};

/** My planned follow-ups (open next actions I set) matching `due`, on customers still in my scope. */
async function myFollowUps(ctx: Ctx, due: ReturnType<typeof eq>, limit: number): Promise<WorkItemRow[]> {
  return ctx.db
    .select(followUpRow)
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .where(
      and(
        eq(followUps.createdBy, ctx.principal.userId),
        isNull(followUps.doneAt),
        isNotNull(followUps.nextActionDate),
        due,
        await customerScope(ctx),
      ),
    )
    .orderBy(asc(followUps.nextActionDate), asc(followUps.id))
    .limit(limit);
}

const customerLink = (r: WorkItemRow) => `/customers/${r.id}`;

registerWorkItemSource({
  key: 'followUps.overdue',
  group: 'action',
  permission: 'followup.create',
  listLink: '/follow-ups?status=overdue',
  link: customerLink,
  read: (ctx, q) => myFollowUps(ctx, lt(followUps.nextActionDate, q.today), q.limit),
});

registerWorkItemSource({
  key: 'followUps.dueToday',
  group: 'action',
  permission: 'followup.create',
  listLink: '/follow-ups?status=due',
  link: customerLink,
  read: (ctx, q) => myFollowUps(ctx, eq(followUps.nextActionDate, q.today), q.limit),
});

registerWorkItemSource({
  key: 'followUps.upcoming',
  group: 'deadline',
  permission: 'followup.create',
  listLink: '/follow-ups?status=upcoming',
  link: customerLink,
  read: (ctx, q) =>
    myFollowUps(
      ctx,
      and(gt(followUps.nextActionDate, q.today), lte(followUps.nextActionDate, q.horizon)) as ReturnType<typeof eq>,
      q.limit,
    ),
});

/**
 * A manager's team: overdue follow-ups planned by others on customers in the manager's scope
 * (4S 一对一跟进检查). Only for users whose customer scope reaches beyond themselves.
 */
registerWorkItemSource({
  key: 'followUps.teamOverdue',
  group: 'action',
  // Those who lead reps (worklog.comment); finance and others who merely see customers are not asked.
  permission: 'worklog.comment',
  applies: async (ctx) => {
    if (!can(ctx.principal, 'customer.view')) return false;
    const s = await resolveScope(ctx, 'customer.view');
    return s.all || s.deptIds.length > 0;
  },
  listLink: '/follow-ups/board',
  link: customerLink,
  read: async (ctx, q) =>
    ctx.db
      .select(followUpRow)
      .from(followUps)
      .innerJoin(customers, eq(customers.id, followUps.customerId))
      .where(
        and(
          isNull(followUps.doneAt),
          isNotNull(followUps.nextActionDate),
          lt(followUps.nextActionDate, q.today),
          ne(followUps.createdBy, ctx.principal.userId),
          await customerScope(ctx),
        ),
      )
      .orderBy(asc(followUps.nextActionDate), asc(followUps.id))
      .limit(q.limit),
});

const quoteRow = {
  id: quotes.id,
  no: quotes.no,
  title: customers.name,
  date: quotes.validUntil,
  amount: quotes.totalGross,
  state: quotes.status,
};

/** My quotes in `statuses`, within my quote scope, soonest validity end first. */
async function myQuotes(
  ctx: Ctx,
  statuses: string[],
  q: { today: string; horizon: string; limit: number },
  expiring: boolean,
) {
  return ctx.db
    .select(quoteRow)
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .where(
      and(
        eq(quotes.ownerId, ctx.principal.userId),
        sql`${quotes.status} = any(${sql.param(statuses)}::text[])`,
        expiring ? and(sql`${quotes.validUntil} >= ${q.today}::date`, lte(quotes.validUntil, q.horizon)) : undefined,
        await quoteScope(ctx),
      ),
    )
    .orderBy(asc(quotes.validUntil), asc(quotes.id))
    .limit(q.limit);
}

const quoteLink = (r: WorkItemRow) => `/quotes/${r.id}`;

// Quote sources are for those who make quotes (quote.create); each reads the user's own quotes.
// Quotes sent and awaiting the customer's answer (SPEC 3.2): the rep chases them.
registerWorkItemSource({
  key: 'quotes.awaitingCustomer',
  group: 'action',
  permission: 'quote.create',
  listLink: '/quotes?status=sent',
  link: quoteLink,
  read: (ctx, q) => myQuotes(ctx, ['sent'], q, false),
});

// Approved quotes not yet sent: the rep sends them.
registerWorkItemSource({
  key: 'quotes.toSend',
  group: 'action',
  permission: 'quote.create',
  listLink: '/quotes?status=approved',
  link: quoteLink,
  read: (ctx, q) => myQuotes(ctx, ['approved'], q, false),
});

// Quotes whose validity ends within the coming days (有效期).
registerWorkItemSource({
  key: 'quotes.expiring',
  group: 'deadline',
  permission: 'quote.create',
  listLink: '/quotes',
  link: quoteLink,
  read: (ctx, q) => myQuotes(ctx, ['approved', 'sent'], q, true),
});
