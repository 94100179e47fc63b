import type { PoolCustomerQuery } from '@sales/core';
import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOrder } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { customerContacts, customerKeywordWhere, customers, findCustomerInScope } from '../customers/index.ts';
import { findPoolCustomerInScope, homePoolId, maskPoolRow, poolCustomerScope } from './pool.access.ts';
import { dueSql, reclaimRules } from './pool.rules.ts';
import { poolHistory, poolReclaimNotices, pools } from './pool.schema.ts';

export type PoolCustomerFilter = Omit<PoolCustomerQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

/** WHERE for the pool list filters, always within the user's pools. */
async function poolListWhere(ctx: Ctx, f: PoolCustomerFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await poolCustomerScope(ctx, 'pool.view')];
  if (f.poolId) parts.push(eq(customers.poolId, f.poolId));
  if (f.kind) parts.push(eq(customers.kind, f.kind));
  if (f.class) parts.push(eq(customers.class, f.class));
  if (f.region) parts.push(eq(customers.region, f.region));
  if (f.industry) parts.push(eq(customers.industry, f.industry));
  if (f.source) parts.push(eq(customers.source, f.source));
  // Contact details are masked for everybody in the pool, so phone digits find nobody here either
  // (SPEC 1.2: a search must not reveal a masked phone).
  if (f.keyword) parts.push(customerKeywordWhere(f.keyword, sql`false`));
  return and(...parts) as SQL;
}

const SORTS = { poolEnteredAt: customers.poolEnteredAt, createdAt: customers.createdAt, name: customers.name } as const;

/**
 * The day until which the user may not claim a customer back (pool.reclaimBlockDays), as SQL.
 * The outer column is written qualified: in a single-table select Drizzle would print a bare
 * "id", which inside this subquery means pool_history.id.
 */
function blockedUntilSql(ctx: Ctx, days: number) {
  return sql<Date | null>`(select max(h.released_at) + make_interval(days => ${days}::int) from ${poolHistory} h
    where h.customer_id = "customers"."id" and h.user_id = ${ctx.principal.userId})`;
}

/** Capped count of pool customers matching the filters within the user's pools. */
export async function countPoolCustomers(ctx: Ctx, f: PoolCustomerFilter) {
  return cappedCount(ctx.db, customers, await poolListWhere(ctx, f));
}

/**
 * One page of the pool (公海) list: contact details masked for everybody, the last release
 * reason, and the date until which the user may not claim a customer back.
 */
export async function listPoolCustomers(ctx: Ctx, q: PoolCustomerQuery) {
  const where = await poolListWhere(ctx, q);
  const days = await getPolicy(ctx.db, 'pool.reclaimBlockDays');
  const last = sql`(select h.id from ${poolHistory} h where h.customer_id = ${customers.id} order by h.released_at desc nulls last, h.id desc nulls last limit 1)`;
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: customers.id,
        no: customers.no,
        kind: customers.kind,
        name: customers.name,
        mobile: customers.mobile,
        phone: customers.phone,
        class: customers.class,
        region: customers.region,
        industry: customers.industry,
        source: customers.source,
        tags: customers.tags,
        poolId: customers.poolId,
        poolName: pools.name,
        poolEnteredAt: customers.poolEnteredAt,
        lastFollowUpAt: customers.lastFollowUpAt,
        createdAt: customers.createdAt,
        version: customers.version,
        lastReason: poolHistory.reason,
        lastHow: poolHistory.how,
        lastOwnerName: users.name,
        blockedUntil: blockedUntilSql(ctx, days),
      })
      .from(customers)
      .innerJoin(pools, eq(pools.id, customers.poolId))
      .leftJoin(poolHistory, eq(poolHistory.id, last))
      .leftJoin(users, eq(users.id, poolHistory.userId))
      .where(where)
      .orderBy(...pageOrder(SORTS[q.sort], q.order, customers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countPoolCustomers(ctx, q),
  ]);
  const now = ctx.now();
  return {
    items: rows.map((r) => {
      const blocked =
        days > 0 && r.blockedUntil && new Date(r.blockedUntil) > now ? new Date(r.blockedUntil).toISOString() : null;
      return maskPoolRow({
        ...r,
        poolEnteredAt: r.poolEnteredAt?.toISOString() ?? null,
        lastFollowUpAt: r.lastFollowUpAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        blockedUntil: blocked,
      });
    }),
    total: count.total,
    totalCapped: count.capped,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One pool customer as the pool shows it: masked contacts, its pool history. 404 outside the user's pools. */
export async function getPoolCustomer(ctx: Ctx, id: number) {
  const c = await findPoolCustomerInScope(ctx, id, 'pool.view');
  const days = await getPolicy(ctx.db, 'pool.reclaimBlockDays');
  const [[pool], contacts, history, [blocked]] = await Promise.all([
    ctx.db
      .select({ name: pools.name })
      .from(pools)
      .where(eq(pools.id, c.poolId as number)),
    ctx.db
      .select({
        id: customerContacts.id,
        name: customerContacts.name,
        title: customerContacts.title,
        mobile: customerContacts.mobile,
        email: customerContacts.email,
        isPrimary: customerContacts.isPrimary,
      })
      .from(customerContacts)
      .where(and(eq(customerContacts.customerId, id), isNull(customerContacts.deletedAt)))
      .orderBy(desc(customerContacts.isPrimary), asc(customerContacts.id)),
    ctx.db
      .select({
        at: poolHistory.releasedAt,
        how: poolHistory.how,
        reason: poolHistory.reason,
        userName: users.name,
        poolName: pools.name,
      })
      .from(poolHistory)
      .innerJoin(users, eq(users.id, poolHistory.userId))
      .innerJoin(pools, eq(pools.id, poolHistory.poolId))
      .where(eq(poolHistory.customerId, id))
      .orderBy(...pageOrder(poolHistory.releasedAt, 'desc', poolHistory.id))
      .limit(50),
    ctx.db
      .select({ until: blockedUntilSql(ctx, days) })
      .from(customers)
      .where(eq(customers.id, id)),
  ]);
  const until =
    days > 0 && blocked?.until && new Date(blocked.until) > ctx.now() ? new Date(blocked.until).toISOString() : null;
  return maskPoolRow({
    id: c.id,
    no: c.no,
    kind: c.kind,
    name: c.name,
    creditCode: c.creditCode,
    idNumber: c.idNumber,
    mobile: c.mobile,
    phone: c.phone,
    email: c.email,
    address: c.address,
    region: c.region,
    industry: c.industry,
    source: c.source,
    class: c.class,
    tags: c.tags,
    remark: c.remark,
    poolId: c.poolId as number,
    poolName: pool?.name ?? null,
    poolEnteredAt: c.poolEnteredAt?.toISOString() ?? null,
    lastFollowUpAt: c.lastFollowUpAt?.toISOString() ?? null,
    lastDealAt: c.lastDealAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    version: c.version,
    masked: true,
    blockedUntil: until,
    contacts: contacts.map((k) => maskPoolRow(k)),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  });
}

/**
 * Where an owned customer stands with the pool (for its detail page): locked or not, when and why
 * it would return to the pool, whether the owner was warned, and the owner's lock quota.
 */
export async function customerPoolStatus(ctx: Ctx, id: number) {
  const c = await findCustomerInScope(ctx, id);
  const rules = await reclaimRules(ctx.db);
  const { due, reason } = dueSql(rules);
  const [[calc], [notice], [locker], home, lockMax, [{ locked }]] = await Promise.all([
    ctx.db.select({ due, reason }).from(customers).where(eq(customers.id, id)),
    ctx.db.select().from(poolReclaimNotices).where(eq(poolReclaimNotices.customerId, id)),
    c.lockedBy ? ctx.db.select({ name: users.name }).from(users).where(eq(users.id, c.lockedBy)) : Promise.resolve([]),
    homePoolId(ctx.db, c),
    getPolicy(ctx.db, 'pool.maxLockedCustomers'),
    c.ownerId
      ? ctx.db
          .select({ locked: sql<number>`count(*)::int` })
          .from(customers)
          .where(
            and(eq(customers.ownerId, c.ownerId), sql`${customers.lockedAt} is not null`, isNull(customers.deletedAt)),
          )
      : Promise.resolve([{ locked: 0 }]),
  ]);
  const [pool] = home ? await ctx.db.select({ name: pools.name }).from(pools).where(eq(pools.id, home)) : [];
  const owned = c.ownerId !== null;
  const dueAt = owned && calc ? new Date(calc.due) : null;
  const warned =
    owned && notice && notice.ownerId === c.ownerId && dueAt && notice.cycleDue.getTime() === dueAt.getTime()
      ? notice
      : null;
  return {
    id: c.id,
    inPool: !owned,
    poolId: c.poolId,
    homePoolId: home,
    homePoolName: pool?.name ?? null,
    lockedAt: c.lockedAt?.toISOString() ?? null,
    lockedByName: locker?.name ?? null,
    // Locked customers are never reclaimed automatically.
    reclaimDueAt:
      owned && !c.lockedAt && dueAt
        ? (warned && warned.reclaimAt > dueAt ? warned.reclaimAt : dueAt).toISOString()
        : null,
    reclaimReason: owned && !c.lockedAt ? (calc?.reason ?? null) : null,
    warnedAt: warned ? warned.notifiedAt.toISOString() : null,
    lastDealAt: c.lastDealAt?.toISOString() ?? null,
    ownerLocked: locked,
    ownerLockMax: lockMax,
    version: c.version,
  };
}
