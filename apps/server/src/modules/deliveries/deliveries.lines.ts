import { DELIVERABLE_ORDER_STATUSES, type DeliveryLineInput, money } from '@sales/core';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, DomainError, ValidationError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { companyDate } from '../../platform/time.ts';
import { findOrderInScope, orderLinesOf } from '../orders/index.ts';
import { categoryChecklists, productsForPricing } from '../products/index.ts';
import { availableQty, batchesById, lotOnHand } from '../stock/index.ts';
import { inScope } from './deliveries.access.ts';
import { deliveries, deliveryLines } from './deliveries.schema.ts';
import { lineLabel } from './deliveries.state.ts';

export type OrderRow = Awaited<ReturnType<typeof findOrderInScope>>;
export type ChecklistItem = { key: string; label: string; ok: boolean; note?: string };

/**
 * The order a delivery is made from, locked (serialises notes of one order): visible to the user,
 * within their delivery.create scope, and in a deliverable state (approved / 备货 / 部分发货).
 */
export async function lockDeliverableOrder(ctx: Ctx, tx: Tx, orderId: number): Promise<OrderRow> {
  let order: OrderRow;
  try {
    order = await findOrderInScope(ctx, orderId, 'order.view', tx, true);
  } catch (err) {
    if (err instanceof DomainError) throw ValidationError.field('orderId', 'delivery.order.invalid');
    throw err;
  }
  if (!(await inScope(ctx, 'delivery.create', order.ownerId, order.ownerDeptId)))
    throw ValidationError.field('orderId', 'delivery.order.invalid');
  if (!(DELIVERABLE_ORDER_STATUSES as readonly string[]).includes(order.status)) {
    throw new ConflictError('delivery.order_not_deliverable', {
      order: order.no,
      status: translate(ctx.locale, `order.status.${order.status}`),
    });
  }
  return order;
}

export interface PlannedLine {
  orderLineId: number;
  productId: number;
  batchId: number | null;
  qty: string;
  categoryId: number | null;
}

/**
 * Checks requested lines against the order (SPEC 3.5): each is a line of this order with a
 * product; qty ≤ open qty = ordered − delivered − qty on the order's other undelivered notes;
 * a batch for tracked products, of that product and holding enough in the warehouse; enough on hand.
 */
export async function planLines(
  ctx: Ctx,
  tx: Tx,
  order: OrderRow,
  warehouseId: number,
  input: DeliveryLineInput[],
  excludeDeliveryId: number | null,
): Promise<PlannedLine[]> {
  const orderLines = new Map((await orderLinesOf(tx, order.id)).map((l) => [l.id, l]));
  const seen = new Set<string>();
  for (const [i, l] of input.entries()) {
    const ol = orderLines.get(l.orderLineId);
    if (!ol) throw ValidationError.field(`lines.${i}.orderLineId`, 'delivery.line.not_in_order', { order: order.no });
    if (ol.productId === null)
      throw ValidationError.field(`lines.${i}.orderLineId`, 'delivery.line.no_product', { lineNo: ol.lineNo });
    const k = `${l.orderLineId}:${l.batchId ?? ''}`;
    if (seen.has(k)) throw ValidationError.field(`lines.${i}.batchId`, 'delivery.line.duplicate');
    seen.add(k);
  }
  const productIds = [...new Set(input.map((l) => orderLines.get(l.orderLineId)?.productId as number))];
  const products = await productsForPricing(tx, productIds, null, companyDate(ctx.now()));
  const batchIds = input.map((l) => l.batchId).filter((b): b is number => b !== null);
  const batches = await batchesById(tx, batchIds);
  for (const [i, l] of input.entries()) {
    const ol = orderLines.get(l.orderLineId)!;
    const p = products.get(ol.productId as number);
    const label = lineLabel(ol);
    if (p && p.tracking !== 'none' && l.batchId === null)
      throw ValidationError.field(`lines.${i}.batchId`, 'delivery.batch.required', { product: label });
    if (p && p.tracking === 'none' && l.batchId !== null)
      throw ValidationError.field(`lines.${i}.batchId`, 'delivery.batch.not_allowed', { product: label });
    if (l.batchId !== null && batches.get(l.batchId)?.productId !== ol.productId)
      throw ValidationError.field(`lines.${i}.batchId`, 'delivery.batch.wrong_product', { product: label });
  }
  // Open quantity per order line, counting the order's other notes not yet shipped.
  const others = await tx
    .select({ orderLineId: deliveryLines.orderLineId, qty: sql<string>`sum(${deliveryLines.qty})::text` })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .where(
      and(
        eq(deliveries.orderId, order.id),
        eq(deliveries.status, 'draft'),
        // replacement notes re-ship delivered goods: they hold no open order quantity
        isNull(deliveries.replacementOf),
        excludeDeliveryId === null ? undefined : ne(deliveries.id, excludeDeliveryId),
      ),
    )
    .groupBy(deliveryLines.orderLineId);
  const pending = new Map(others.map((o) => [o.orderLineId, o.qty]));
  const sumBy = (key: (l: DeliveryLineInput) => number | null) => {
    const m = new Map<number, ReturnType<typeof money>>();
    for (const l of input) {
      const k = key(l);
      if (k !== null) m.set(k, (m.get(k) ?? money(0)).plus(l.qty));
    }
    return m;
  };
  const perOrderLine = sumBy((l) => l.orderLineId);
  for (const [i, l] of input.entries()) {
    const ol = orderLines.get(l.orderLineId)!;
    const pend = money(pending.get(ol.id) ?? '0');
    const open = money(ol.qty).minus(ol.deliveredQty).minus(pend);
    const want = perOrderLine.get(ol.id)!;
    if (want.gt(open)) {
      throw ValidationError.field(`lines.${i}.qty`, 'delivery.line.over_open', {
        lineNo: ol.lineNo,
        product: lineLabel(ol),
        qty: want.toString(),
        open: open.toString(),
        ordered: money(ol.qty).toString(),
        delivered: money(ol.deliveredQty).toString(),
        pending: pend.toString(),
      });
    }
  }
  // Goods must be in stock in the warehouse (seed 002: 验收合格入库后 … 办理出库).
  const stock = await availableQty(tx, productIds, warehouseId);
  const perProduct = sumBy((l) => orderLines.get(l.orderLineId)?.productId ?? null);
  for (const [i, l] of input.entries()) {
    const ol = orderLines.get(l.orderLineId)!;
    const onHand = stock.get(ol.productId as number)?.onHand ?? '0';
    const want = perProduct.get(ol.productId as number)!;
    if (want.gt(onHand))
      throw ValidationError.field(`lines.${i}.qty`, 'delivery.stock.insufficient', {
        product: lineLabel(ol),
        onHand: money(onHand).toString(),
        qty: want.toString(),
      });
  }
  const lots = await lotOnHand(tx, warehouseId, [...new Set(batchIds)]);
  const perBatch = sumBy((l) => l.batchId);
  for (const [i, l] of input.entries()) {
    if (l.batchId === null) continue;
    const onHand = lots.get(l.batchId) ?? '0';
    const want = perBatch.get(l.batchId)!;
    if (want.gt(onHand))
      throw ValidationError.field(`lines.${i}.batchId`, 'delivery.batch.insufficient', {
        batch: batches.get(l.batchId)?.batchNo,
        onHand: money(onHand).toString(),
        qty: want.toString(),
      });
  }
  return input.map((l) => {
    const ol = orderLines.get(l.orderLineId)!;
    return {
      orderLineId: l.orderLineId,
      productId: ol.productId as number,
      batchId: l.batchId,
      qty: money(l.qty).toFixed(4),
      categoryId: products.get(ol.productId as number)?.categoryId ?? null,
    };
  });
}

/**
 * The outbound-inspection checklist of a note: the items of its lines' product categories
 * (SPEC 3.5, e.g. 交车检验表), keeping ticks already made on items that stay.
 */
export async function buildChecklist(
  tx: Tx,
  lines: PlannedLine[],
  previous: ChecklistItem[] = [],
): Promise<ChecklistItem[]> {
  const categoryIds = [...new Set(lines.map((l) => l.categoryId).filter((c): c is number => c !== null))].sort(
    (a, b) => a - b,
  );
  const defs = await categoryChecklists(tx, categoryIds);
  const prev = new Map(previous.map((p) => [p.key, p]));
  const out: ChecklistItem[] = [];
  for (const c of categoryIds) {
    for (const item of defs.get(c) ?? []) {
      const key = `${c}.${item.key}`;
      const old = prev.get(key);
      out.push(old ? { ...old, label: item.label } : { key, label: item.label, ok: false });
    }
  }
  return out;
}
