import { type OrderFilter, type OrderListQuery, toMoneyString } from '@sales/core';
import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import {
  cappedCount,
  keysetBatches,
  likePattern,
  listViewCounts,
  listViewWhere,
  pageOffset,
  pageOrder,
  pageResult,
} from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { orderScope } from './orders.access.ts';
import { orders } from './orders.schema.ts';

/** WHERE for the list filters, always combined with the user's data scope for `permission`. */
export async function orderWhere(
  ctx: Ctx,
  f: OrderFilter,
  permission: 'order.view' | 'order.export' = 'order.view',
): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await orderScope(ctx, permission)];
  if (f.status) parts.push(eq(orders.status, f.status));
  if (f.customerId) parts.push(eq(orders.customerId, f.customerId));
  parts.push(await listViewWhere(ctx, 'order.view', f.view, orders.ownerId, orders.ownerDeptId));
  if (f.ownerId) parts.push(eq(orders.ownerId, f.ownerId));
  // from/to filter the order date (created, company calendar).
  if (f.from) parts.push(gte(orders.createdAt, sql`${f.from}::date::timestamp at time zone 'Asia/Shanghai'`));
  if (f.to) parts.push(lte(orders.createdAt, sql`(${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`));
  if (f.keyword) {
    const kw = likePattern(f.keyword);
    // Order number through its trigram index; customer names through the customers' trigram index.
    parts.push(
      sql`(lower(${orders.no}) like ${kw} or ${orders.customerId} in (select ${customers.id} from ${customers} where ${customers.searchText} like ${kw} and lower(${customers.name}) like ${kw}))`,
    );
  }
  return and(...parts) as SQL;
}

function listSelect(ctx: Ctx) {
  return ctx.db
    .select({
      id: orders.id,
      no: orders.no,
      customerId: orders.customerId,
      customerName: customers.name,
      ownerId: orders.ownerId,
      ownerName: users.name,
      status: orders.status,
      channel: orders.channel,
      requestedDate: orders.requestedDate,
      promisedDate: orders.promisedDate,
      totalNet: orders.totalNet,
      totalTax: orders.totalTax,
      totalGross: orders.totalGross,
      invoicedAmount: orders.invoicedAmount,
      receivedAmount: orders.receivedAmount,
      creditOverride: orders.creditOverride,
      createdAt: orders.createdAt,
      updatedAt: orders.updatedAt,
      version: orders.version,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(users, eq(users.id, orders.ownerId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['where']>>[number];

function presentRow(r: ListRow) {
  return {
    ...r,
    totalNet: toMoneyString(r.totalNet),
    totalTax: toMoneyString(r.totalTax),
    totalGross: toMoneyString(r.totalGross),
    invoicedAmount: toMoneyString(r.invoicedAmount),
    receivedAmount: toMoneyString(r.receivedAmount),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const SORTS = {
  updatedAt: orders.updatedAt,
  createdAt: orders.createdAt,
  requestedDate: orders.requestedDate,
  totalGross: orders.totalGross,
  no: orders.no,
} as const;

/** Capped count of orders matching the filters within scope. */
export async function countOrders(ctx: Ctx, f: OrderFilter) {
  return cappedCount(ctx.db, orders, await orderWhere(ctx, f));
}

/** The capped count of each list view the user has (我负责的 / 下属的 / 全部), under the other filters. */
export function countOrderViews(ctx: Ctx, f: OrderFilter) {
  return listViewCounts(ctx, 'order.view', (view) => countOrders(ctx, { ...f, view }));
}

/** One page of the order list with a capped total. */
export async function listOrders(ctx: Ctx, q: OrderListQuery) {
  const where = await orderWhere(ctx, q);
  const [rows, count] = await Promise.all([
    listSelect(ctx)
      .where(where)
      .orderBy(...pageOrder(SORTS[q.sort], q.order, orders.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    countOrders(ctx, q),
  ]);
  return pageResult(rows.map(presentRow), count, q);
}

/** Streams every order matching the filters within export scope, in keyset batches. */
export async function* exportOrderRows(ctx: Ctx, f: OrderFilter, batch = 2000) {
  const where = await orderWhere(ctx, f, 'order.export');
  const batchAfter = (after: number, limit: number) =>
    listSelect(ctx)
      .where(and(where, sql`${orders.id} > ${after}`))
      .orderBy(asc(orders.id))
      .limit(limit);
  for await (const rows of keysetBatches(batchAfter, batch)) yield rows.map(presentRow);
}
