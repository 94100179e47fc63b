import { money } from '@sales/core';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { likePattern } from '../../platform/lists/index.ts';
import { customers } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { productLabels } from '../products/index.ts';
import { batchesById } from '../stock/index.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';

const SHIPPED = ['shipped', 'signed'];

/** Customers who received goods, by name, for the backward trace (company-wide, trace.view). */
export async function searchTraceCustomers(ctx: Ctx, keyword: string) {
  const rows = await ctx.db
    .select({ id: customers.id, no: customers.no, name: customers.name })
    .from(customers)
    .where(
      and(
        sql`lower(${customers.name}) like ${likePattern(keyword)}`,
        sql`exists (select 1 from ${deliveries} where ${deliveries.customerId} = ${customers.id} and ${deliveries.status} in ('shipped','signed'))`,
      ),
    )
    .orderBy(asc(customers.name))
    .limit(20);
  return { items: rows };
}

/**
 * Traceability backward from a customer (追溯, SPEC 3.5: from a customer back to batches): every
 * batch or serial number they received on shipped delivery notes, with each note's quantity —
 * the reverse of traceBatch. Company-wide (trace.view), like the batch trace; an unknown customer is 404.
 */
export async function traceCustomer(ctx: Ctx, customerId: number) {
  const [c] = await ctx.db
    .select({ id: customers.id, no: customers.no, name: customers.name })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!c) throw new NotFoundError();
  const rows = await ctx.db
    .select({
      batchId: deliveryLines.batchId,
      productId: deliveryLines.productId,
      qty: deliveryLines.qty,
      deliveryId: deliveries.id,
      deliveryNo: deliveries.no,
      status: deliveries.status,
      shippedAt: deliveries.shippedAt,
      signedDate: deliveries.signedDate,
      orderId: deliveries.orderId,
      orderNo: orders.no,
    })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .innerJoin(orders, eq(orders.id, deliveries.orderId))
    .where(
      and(eq(deliveries.customerId, customerId), inArray(deliveries.status, SHIPPED), isNotNull(deliveryLines.batchId)),
    )
    .orderBy(desc(deliveries.shippedAt), desc(deliveries.id));
  const batches = await batchesById(ctx.db, [...new Set(rows.map((r) => r.batchId as number))]);
  const products = await productLabels(ctx.db, [...new Set(rows.map((r) => r.productId))]);
  const byBatch = new Map<number, typeof rows>();
  for (const r of rows) byBatch.set(r.batchId as number, [...(byBatch.get(r.batchId as number) ?? []), r]);
  const items = [...byBatch].map(([batchId, rs]) => {
    const b = batches.get(batchId);
    const p = products.get(rs[0].productId);
    return {
      batchId,
      batchNo: b?.batchNo ?? null,
      serialNo: b?.serialNo ?? null,
      expiryDate: b?.expiryDate ?? null,
      productId: rs[0].productId,
      productCode: p?.code ?? '',
      productName: p?.name ?? '',
      totalQty: rs.reduce((s, r) => s.plus(r.qty), money(0)).toString(),
      deliveries: rs.map((r) => ({
        deliveryId: r.deliveryId,
        deliveryNo: r.deliveryNo,
        status: r.status,
        shippedAt: r.shippedAt?.toISOString() ?? null,
        signedDate: r.signedDate,
        orderId: r.orderId,
        orderNo: r.orderNo,
        qty: money(r.qty).toString(),
      })),
    };
  });
  return { customer: c, batchCount: items.length, batches: items };
}
