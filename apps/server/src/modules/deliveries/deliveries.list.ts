import type { DeliveryFilter, DeliveryListQuery, DeliveryStatus } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, likePattern, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { deliveryScope } from './deliveries.access.ts';
import { deliveries } from './deliveries.schema.ts';

/** WHERE for the list filters, always combined with the user's delivery.view scope. */
export async function deliveryWhere(ctx: Ctx, f: DeliveryFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [await deliveryScope(ctx, 'delivery.view')];
  if (f.status) parts.push(eq(deliveries.status, f.status));
  if (f.orderId) parts.push(eq(deliveries.orderId, f.orderId));
  if (f.customerId) parts.push(eq(deliveries.customerId, f.customerId));
  // The open emergency releases (紧急放行 not yet inspected) use the partial index on the flag.
  if (f.emergencyOpen === 'true') parts.push(eq(deliveries.emergencyOpen, true));
  if (f.emergencyOpen === 'false') parts.push(eq(deliveries.emergencyOpen, false));
  if (f.keyword) {
    const kw = likePattern(f.keyword);
    // Note number or consignee on the note; customer names through the customers' trigram index.
    parts.push(
      sql`(lower(${deliveries.no} || ' ' || ${deliveries.consignee}) like ${kw} or ${deliveries.customerId} in (select ${customers.id} from ${customers} where ${customers.searchText} like ${kw} and lower(${customers.name}) like ${kw} and ${customers.deletedAt} is null))`,
    );
  }
  return and(...parts) as SQL;
}

/** Capped count of notes matching the filters within scope. */
export async function countDeliveries(ctx: Ctx, f: DeliveryFilter) {
  return cappedCount(ctx.db, deliveries, await deliveryWhere(ctx, f));
}

/** One page of delivery notes, newest change first, with a capped total. */
export async function listDeliveries(ctx: Ctx, q: DeliveryListQuery) {
  const where = await deliveryWhere(ctx, q);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: deliveries.id,
        no: deliveries.no,
        status: deliveries.status,
        orderId: deliveries.orderId,
        orderNo: orders.no,
        customerId: deliveries.customerId,
        customerName: customers.name,
        consignee: deliveries.consignee,
        carrier: deliveries.carrier,
        trackingNo: deliveries.trackingNo,
        boxCount: deliveries.boxCount,
        plannedDate: deliveries.plannedDate,
        shippedAt: deliveries.shippedAt,
        signedDate: deliveries.signedDate,
        emergencyOpen: deliveries.emergencyOpen,
        ownerName: users.name,
        version: deliveries.version,
        updatedAt: deliveries.updatedAt,
      })
      .from(deliveries)
      .innerJoin(customers, eq(customers.id, deliveries.customerId))
      .innerJoin(orders, eq(orders.id, deliveries.orderId))
      .leftJoin(users, eq(users.id, deliveries.ownerId))
      .where(where)
      .orderBy(...pageOrder(deliveries.updatedAt, 'desc', deliveries.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, deliveries, where),
  ]);
  const items = rows.map((r) => ({
    ...r,
    status: r.status as DeliveryStatus,
    shippedAt: r.shippedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  }));
  return pageResult(items, count, q);
}
