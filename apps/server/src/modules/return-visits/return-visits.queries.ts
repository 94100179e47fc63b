import type { SatisfactionQuery, VisitFilter, VisitListQuery } from '@sales/core';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { customers } from '../customers/index.ts';
import { deliveries } from '../deliveries/index.ts';
import { products } from '../products/products.schema.ts';
import { findVisitInScope, visitScope } from './return-visits.access.ts';
import { returnVisits, satisfactionSurveys } from './return-visits.schema.ts';

async function visitWhere(ctx: Ctx, f: VisitFilter): Promise<SQL> {
  const parts: SQL[] = [await visitScope(ctx)];
  if (f.status) parts.push(eq(returnVisits.status, f.status));
  if (f.mine === 'true') parts.push(eq(returnVisits.ownerId, ctx.principal.userId));
  if (f.customerId) parts.push(eq(returnVisits.customerId, f.customerId));
  if (f.surveyId) parts.push(eq(returnVisits.surveyId, f.surveyId));
  return and(...parts) as SQL;
}

const owner = alias(users, 'owner');

/** One page of visits in scope by due date (earliest first). */
export async function listVisits(ctx: Ctx, q: VisitListQuery) {
  const where = await visitWhere(ctx, q);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: returnVisits.id,
        status: returnVisits.status,
        subject: returnVisits.subject,
        sourceType: returnVisits.sourceType,
        dueDate: returnVisits.dueDate,
        satisfaction: returnVisits.satisfaction,
        outcome: returnVisits.outcome,
        complaintId: returnVisits.complaintId,
        customerId: returnVisits.customerId,
        customerName: customers.name,
        ownerName: owner.name,
        version: returnVisits.version,
      })
      .from(returnVisits)
      .innerJoin(customers, eq(customers.id, returnVisits.customerId))
      .innerJoin(owner, eq(owner.id, returnVisits.ownerId))
      .where(where)
      // Due date first (overdue at the top); filter status=planned for the to-do view.
      .orderBy(...pageOrder(returnVisits.dueDate, 'asc', returnVisits.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, returnVisits, where),
  ]);
  return pageResult(rows, count, q);
}

export async function countVisits(ctx: Ctx, f: VisitFilter) {
  return cappedCount(ctx.db, returnVisits, await visitWhere(ctx, f));
}

/** One visit with its customer, source documents, score and the complaint it opened. */
export async function getVisit(ctx: Ctx, id: number) {
  const v = await findVisitInScope(ctx, id);
  const ids = [v.ownerId, v.doneBy, v.repId, v.engineerId].filter((u): u is number => u !== null);
  const names = new Map(
    (await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const name = (u: number | null) => (u === null ? null : (names.get(u) ?? null));
  const [c] = await ctx.db.select({ name: customers.name }).from(customers).where(eq(customers.id, v.customerId));
  const [d] = v.deliveryId
    ? await ctx.db.select({ no: deliveries.no }).from(deliveries).where(eq(deliveries.id, v.deliveryId))
    : [];
  const [p] = v.productId
    ? await ctx.db.select({ name: products.name }).from(products).where(eq(products.id, v.productId))
    : [];
  const [t] = v.ticketId
    ? (await ctx.db.execute<{ no: string }>(sql`select no from service_tickets where id = ${v.ticketId}`)).rows
    : [];
  const [cp] = v.complaintId
    ? (await ctx.db.execute<{ no: string }>(sql`select no from complaints where id = ${v.complaintId}`)).rows
    : [];
  const [s] = v.surveyId
    ? await ctx.db
        .select({ title: satisfactionSurveys.title })
        .from(satisfactionSurveys)
        .where(eq(satisfactionSurveys.id, v.surveyId))
    : [];
  return {
    id: v.id,
    status: v.status,
    customerId: v.customerId,
    customerName: c?.name ?? '',
    sourceType: v.sourceType,
    deliveryId: v.deliveryId,
    deliveryNo: d?.no ?? null,
    ticketId: v.ticketId,
    ticketNo: t?.no ?? null,
    surveyId: v.surveyId,
    surveyTitle: s?.title ?? null,
    productName: p?.name ?? null,
    ownerName: name(v.ownerId),
    repName: name(v.repId),
    engineerName: name(v.engineerId),
    subject: v.subject,
    script: v.script,
    dueDate: v.dueDate,
    outcome: v.outcome,
    satisfaction: v.satisfaction,
    comments: v.comments,
    doneAt: v.doneAt?.toISOString() ?? null,
    doneByName: name(v.doneBy),
    complaintId: v.complaintId,
    complaintNo: cp?.no ?? null,
    version: v.version,
    canRecord: v.status === 'planned' && can(ctx.principal, 'visit.record'),
  };
}

/**
 * Satisfaction results (满意度) of done visits with a score, by product / rep / engineer / month of
 * the visit, computed in SQL: visits, average, low scores (≤ 2) and the share of 4–5.
 */
export async function satisfactionResults(ctx: Ctx, q: SatisfactionQuery) {
  const rv = returnVisits;
  const key = {
    product: sql<string>`coalesce(${products.name}, '')`,
    rep: sql<string>`coalesce(rep.name, '')`,
    engineer: sql<string>`coalesce(eng.name, '')`,
    month: sql<string>`to_char(${rv.doneAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  }[q.groupBy];
  const rows = await ctx.db.execute<{
    label: string;
    visits: number;
    average: string;
    low: number;
    satisfied: number;
  }>(sql`
    select ${key} as label, count(*)::int as visits, round(avg(${rv.satisfaction}), 2)::text as average,
      count(*) filter (where ${rv.satisfaction} <= 2)::int as low,
      count(*) filter (where ${rv.satisfaction} >= 4)::int as satisfied
    from ${rv}
    left join ${products} on ${products.id} = ${rv.productId}
    left join ${users} rep on rep.id = ${rv.repId}
    left join ${users} eng on eng.id = ${rv.engineerId}
    where ${rv.status} = 'done' and ${rv.satisfaction} is not null
      and ${rv.doneAt} >= (${q.from}::date at time zone 'Asia/Shanghai')
      and ${rv.doneAt} < ((${q.to}::date + 1) at time zone 'Asia/Shanghai')
    group by 1 order by 1`);
  return { groupBy: q.groupBy, items: rows.rows };
}
