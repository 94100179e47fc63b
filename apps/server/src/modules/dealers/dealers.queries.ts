import type { DealerListQuery, DealerReviewQuery } from '@sales/core';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditHistory } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, likePattern, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/customers.schema.ts';
import { dealerScope, findDealerInScope } from './dealers.access.ts';
import { dealerFigures, monthRange, NO_FIGURES } from './dealers.figures.ts';
import { dealerReviews, dealers, dealerVisits } from './dealers.schema.ts';
import { ENTITY } from './dealers.service.ts';

const visitor = alias(users, 'visitor');
const reviewer = alias(users, 'reviewer');

function dealerSelect(ctx: Ctx) {
  return ctx.db
    .select({
      d: dealers,
      customerNo: customers.no,
      customerName: customers.name,
      ownerName: users.name,
      deptName: departments.name,
    })
    .from(dealers)
    .innerJoin(customers, eq(customers.id, dealers.customerId))
    .innerJoin(users, eq(users.id, dealers.ownerId))
    .innerJoin(departments, eq(departments.id, dealers.ownerDeptId));
}
type Row = Awaited<ReturnType<ReturnType<typeof dealerSelect>['where']>>[number];
const present = ({ d, ...names }: Row) => ({
  ...d,
  ...names,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

/** Dealers of the reps in scope, latest change first, by status, owner, or number / name. */
export async function listDealers(ctx: Ctx, q: DealerListQuery) {
  const parts: SQL[] = [await dealerScope(ctx)];
  if (q.status) parts.push(eq(dealers.status, q.status));
  if (q.ownerId) parts.push(eq(dealers.ownerId, q.ownerId));
  if (q.customerId) parts.push(eq(dealers.customerId, q.customerId));
  if (q.q) {
    const p = likePattern(q.q);
    parts.push(
      or(
        ilike(dealers.name, p),
        ilike(dealers.no, p),
        // A subquery, not the join: the capped count reads the dealers table alone.
        sql`exists (select 1 from customers c where c.id = ${dealers.customerId} and c.name ilike ${p})`,
      ) as SQL,
    );
  }
  const where = and(...parts) as SQL;
  const [rows, count] = await Promise.all([
    dealerSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(dealers.updatedAt, 'desc', dealers.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, dealers, where),
  ]);
  return pageResult(rows.map(present), count, q);
}

/** What the viewer may do with a dealer: each permission checked against the dealer's scope. */
async function mayDo(ctx: Ctx, id: number, p: 'dealer.manage' | 'dealer.review') {
  if (!can(ctx.principal, p)) return false;
  return findDealerInScope(ctx, id, p).then(
    () => true,
    () => false,
  );
}

/** One dealer with its contacts, the last 24 monthly reviews, the last 100 visits and the history. */
export async function getDealer(ctx: Ctx, id: number) {
  await findDealerInScope(ctx, id);
  const [[row], reviews, visits, history, canManage, canReview] = await Promise.all([
    dealerSelect(ctx).where(eq(dealers.id, id)),
    ctx.db
      .select({ r: dealerReviews, reviewedByName: reviewer.name })
      .from(dealerReviews)
      .innerJoin(reviewer, eq(reviewer.id, dealerReviews.reviewedBy))
      .where(eq(dealerReviews.dealerId, id))
      .orderBy(desc(dealerReviews.month))
      .limit(24),
    ctx.db
      .select({ v: dealerVisits, visitorName: visitor.name })
      .from(dealerVisits)
      .innerJoin(visitor, eq(visitor.id, dealerVisits.visitorId))
      .where(eq(dealerVisits.dealerId, id))
      .orderBy(desc(dealerVisits.visitedOn), desc(dealerVisits.id))
      .limit(100),
    auditHistory(ctx.db, ENTITY, id),
    mayDo(ctx, id, 'dealer.manage'),
    mayDo(ctx, id, 'dealer.review'),
  ]);
  return {
    ...present(row),
    reviews: reviews.map(({ r, reviewedByName }) => presentReview(r, reviewedByName)),
    visits: visits.map(({ v, visitorName }) => ({ ...v, visitorName, createdAt: v.createdAt.toISOString() })),
    canManage,
    canReview,
    history: history.map(({ changes: _c, ...h }) => h),
  };
}

function presentReview(r: typeof dealerReviews.$inferSelect, reviewedByName: string) {
  return {
    id: r.id,
    month: r.month.slice(0, 7),
    orderCount: r.orderCount,
    orderAmount: r.orderAmount,
    returnAmount: r.returnAmount,
    collectionAmount: r.collectionAmount,
    rating: r.rating,
    comment: r.comment,
    rewardAmount: r.rewardAmount,
    rewardReason: r.rewardReason,
    reviewedByName,
    reviewedAt: r.reviewedAt.toISOString(),
    version: r.version,
  };
}

/**
 * The month's review sheet (每月对所有经销商的业绩审评): a page of the dealers in the review scope by
 * number, each with the month's figures computed now from the facts and its saved review if any.
 */
export async function reviewSheet(ctx: Ctx, query: DealerReviewQuery) {
  const q = { ...query, month: query.month ?? companyDate(ctx.now()).slice(0, 7) };
  const scope = scopeWhere(await resolveScope(ctx, 'dealer.review'), dealers.ownerId, dealers.ownerDeptId);
  const [rows, count] = await Promise.all([
    dealerSelect(ctx).where(scope).orderBy(asc(dealers.no), asc(dealers.id)).limit(q.pageSize).offset(pageOffset(q)),
    cappedCount(ctx.db, dealers, scope),
  ]);
  const ids = rows.map((r) => r.d.id);
  const { start } = monthRange(q.month);
  const [figures, reviews] = await Promise.all([
    dealerFigures(
      ctx.db,
      rows.map((r) => r.d.customerId),
      q.month,
    ),
    ids.length
      ? ctx.db
          .select({ r: dealerReviews, reviewedByName: reviewer.name })
          .from(dealerReviews)
          .innerJoin(reviewer, eq(reviewer.id, dealerReviews.reviewedBy))
          .where(and(inArray(dealerReviews.dealerId, ids), eq(dealerReviews.month, start)))
      : Promise.resolve([]),
  ]);
  const byDealer = new Map(reviews.map(({ r, reviewedByName }) => [r.dealerId, presentReview(r, reviewedByName)]));
  const items = rows.map((row) => ({
    dealerId: row.d.id,
    no: row.d.no,
    name: row.d.name,
    status: row.d.status,
    customerName: row.customerName,
    ownerName: row.ownerName,
    deptName: row.deptName,
    territories: row.d.territories,
    figures: figures.get(row.d.customerId) ?? NO_FIGURES,
    review: byDealer.get(row.d.id) ?? null,
  }));
  return { ...pageResult(items, count, q), month: q.month };
}

/** The active users a visit may name or a dealer be given to (the manage scope). */
export async function dealerPeople(ctx: Ctx) {
  const scope = scopeWhere(await resolveScope(ctx, 'dealer.manage'), users.id, users.deptId);
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, deptName: departments.name })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.deptId))
    .where(and(eq(users.active, true), scope))
    .orderBy(departments.name, users.name, users.id)
    .limit(1000);
  return { items: rows };
}
