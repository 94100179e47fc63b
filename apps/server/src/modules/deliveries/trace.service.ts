import { money } from '@sales/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { customers } from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { productLabels } from '../products/index.ts';
import { batchesById, findBatches } from '../stock/index.ts';
import { findDeliveryInScope } from './deliveries.access.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';

async function productNames(ctx: Ctx, ids: number[]) {
  const p = await productLabels(ctx.db, ids);
  return (id: number) => ({ productCode: p.get(id)?.code ?? '', productName: p.get(id)?.name ?? '' });
}

/**
 * Traceability forward (追溯, SPEC 3.5): every shipped delivery — number, date, customer, qty,
 * order — that took goods of a batch. Company-wide (trace.view); an unknown batch is 404.
 */
export async function traceBatch(ctx: Ctx, batchId: number) {
  const batch = (await batchesById(ctx.db, [batchId])).get(batchId);
  if (!batch) throw new NotFoundError();
  const rows = await ctx.db
    .select({
      deliveryId: deliveries.id,
      deliveryNo: deliveries.no,
      status: deliveries.status,
      shippedAt: deliveries.shippedAt,
      signedDate: deliveries.signedDate,
      customerId: deliveries.customerId,
      customerName: customers.name,
      orderId: deliveries.orderId,
      orderNo: orders.no,
      qty: deliveryLines.qty,
      inspectionStatus: deliveryLines.inspectionStatus,
      emergencyRelease: deliveryLines.emergencyRelease,
    })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .innerJoin(customers, eq(customers.id, deliveries.customerId))
    .innerJoin(orders, eq(orders.id, deliveries.orderId))
    .where(and(eq(deliveryLines.batchId, batchId), inArray(deliveries.status, ['shipped', 'signed'])))
    .orderBy(asc(deliveries.shippedAt), asc(deliveries.id));
  const names = await productNames(ctx, [batch.productId]);
  const customerCount = new Set(rows.map((r) => r.customerId)).size;
  return {
    batch: { ...batch, ...names(batch.productId) },
    customerCount,
    totalQty: rows.reduce((s, r) => s.plus(r.qty), money(0)).toString(),
    deliveries: rows.map((r) => ({
      ...r,
      qty: money(r.qty).toString(),
      shippedAt: r.shippedAt?.toISOString() ?? null,
    })),
  };
}

/** Traceability backward: the batches / serials a delivery note carried (the note's own scope). */
export async function traceDelivery(ctx: Ctx, id: number) {
  const d = await findDeliveryInScope(ctx, id);
  const lines = await ctx.db
    .select()
    .from(deliveryLines)
    .where(eq(deliveryLines.deliveryId, id))
    .orderBy(asc(deliveryLines.id));
  const batches = await batchesById(
    ctx.db,
    lines.map((l) => l.batchId).filter((b): b is number => b !== null),
  );
  const names = await productNames(
    ctx,
    lines.map((l) => l.productId),
  );
  return {
    delivery: {
      id: d.id,
      no: d.no,
      status: d.status,
      customerId: d.customerId,
      shippedAt: d.shippedAt?.toISOString() ?? null,
    },
    lines: lines.map((l, i) => {
      const b = l.batchId === null ? undefined : batches.get(l.batchId);
      return {
        lineNo: i + 1,
        productId: l.productId,
        ...names(l.productId),
        batchId: l.batchId,
        batchNo: b?.batchNo ?? null,
        serialNo: b?.serialNo ?? null,
        expiryDate: b?.expiryDate ?? null,
        qty: money(l.qty).toString(),
      };
    }),
  };
}

/** Batches with this batch number (exact), with their product, for the trace search. */
export async function searchBatches(ctx: Ctx, batchNo: string) {
  const rows = await findBatches(ctx.db, { batchNo });
  const names = await productNames(
    ctx,
    rows.map((r) => r.productId),
  );
  return { items: rows.map((r) => ({ ...r, ...names(r.productId) })) };
}

/**
 * Every shipped or signed delivery line of these batches, with customer and owner — the reach of a
 * quality incident (质量事故 → 追溯). Company-wide like traceBatch: the caller decides who acts on it.
 */
export async function deliveriesOfBatches(db: DbOrTx, batchIds: number[]) {
  if (!batchIds.length) return [];
  return db
    .select({
      deliveryId: deliveries.id,
      deliveryNo: deliveries.no,
      customerId: deliveries.customerId,
      customerName: customers.name,
      ownerId: deliveries.ownerId,
      batchId: deliveryLines.batchId,
      qty: deliveryLines.qty,
    })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .innerJoin(customers, eq(customers.id, deliveries.customerId))
    .where(and(inArray(deliveryLines.batchId, batchIds), inArray(deliveries.status, ['shipped', 'signed'])))
    .orderBy(asc(deliveries.id));
}

/** The lines of a delivery note (no scope: the caller checked it), with product and batch ids. */
export async function linesOfDelivery(db: DbOrTx, deliveryId: number) {
  return db
    .select({
      id: deliveryLines.id,
      productId: deliveryLines.productId,
      batchId: deliveryLines.batchId,
      qty: deliveryLines.qty,
      receivedQty: deliveryLines.receivedQty,
    })
    .from(deliveryLines)
    .where(eq(deliveryLines.deliveryId, deliveryId))
    .orderBy(asc(deliveryLines.id));
}

/** Header facts of a delivery note (no scope: the caller checked it), or undefined. */
export async function deliveryFacts(db: DbOrTx, deliveryId: number) {
  const [d] = await db
    .select({
      id: deliveries.id,
      no: deliveries.no,
      status: deliveries.status,
      orderId: deliveries.orderId,
      customerId: deliveries.customerId,
      ownerId: deliveries.ownerId,
      ownerDeptId: deliveries.ownerDeptId,
      signedDate: deliveries.signedDate,
      replacementOf: deliveries.replacementOf,
    })
    .from(deliveries)
    .where(eq(deliveries.id, deliveryId));
  return d;
}
