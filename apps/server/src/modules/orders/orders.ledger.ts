import { money, toMoneyString } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { completeTasksByRef } from '../../platform/tasks/index.ts';
import { contracts } from '../contracts/index.ts';
import { orderLinesOf } from './orders.access.ts';
import { orderLines, orders } from './orders.schema.ts';
import { nextStatusOrThrow } from './orders.state.ts';

// Orders that are accepted and not cancelled carry credit exposure (SPEC 3.4 order review).
export const EXPOSURE_STATUSES = [
  'approved',
  'in_preparation',
  'partially_delivered',
  'delivered',
  'completed',
] as const;

/**
 * Σ(total_gross − received − written_off) over the customer's accepted, not cancelled orders.
 * Payments booked on a contract (回款计划) are not on its orders: they reduce the open amount of
 * the contract's orders together, never below zero, so nothing is counted twice.
 */
export async function customerExposure(db: DbOrTx, customerId: number): Promise<string> {
  const res = await db.execute<{ v: string }>(sql`
    with o as (
      select ${orders.contractId} as contract_id,
        sum(${orders.totalGross} - ${orders.receivedAmount} - ${orders.writtenOffAmount}) as open
      from ${orders}
      where ${orders.customerId} = ${customerId} and ${inArray(orders.status, [...EXPOSURE_STATUSES])}
      group by ${orders.contractId}
    )
    select coalesce(sum(case when o.contract_id is null then o.open
      else greatest(o.open - ${contracts.receivedAmount}, 0) end), 0)::numeric(18,2)::text as v
    from o left join ${contracts} on ${contracts.id} = o.contract_id`);
  return toMoneyString(money(res.rows[0]?.v ?? '0'));
}

async function lockOrder(tx: Tx, orderId: number) {
  const [o] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!o) throw new NotFoundError();
  return o;
}

/**
 * Adds delivered quantities to an order's lines (called by deliveries inside their tx); refuses
 * more than ordered, then moves the order to partially_delivered or delivered via ORDER_TRANSITIONS.
 */
export async function recordDeliveredQty(
  tx: Tx,
  ctx: Ctx,
  orderId: number,
  lines: { orderLineId: number; qty: string }[],
): Promise<void> {
  const o = await lockOrder(tx, orderId);
  const current = new Map((await orderLinesOf(tx, orderId)).map((l) => [l.id, l]));
  const changes = [];
  for (const [i, l] of lines.entries()) {
    const line = current.get(l.orderLineId);
    if (!line) throw ValidationError.field(`lines.${i}.orderLineId`, 'order.line_unknown');
    const after = money(line.deliveredQty).plus(l.qty);
    if (after.gt(line.qty))
      throw ValidationError.field(`lines.${i}.qty`, 'order.over_delivery', {
        lineNo: line.lineNo,
        open: money(line.qty).minus(line.deliveredQty).toString(),
      });
    if (after.lt(0)) throw ValidationError.field(`lines.${i}.qty`, 'validation.qty');
    const next = after.toFixed(4);
    await tx.update(orderLines).set({ deliveredQty: next }).where(eq(orderLines.id, line.id));
    changes.push({ field: `line:${line.lineNo}.deliveredQty`, old: line.deliveredQty, new: next });
    current.set(line.id, { ...line, deliveredQty: next });
  }
  const all = [...current.values()].every((l) => money(l.deliveredQty).gte(l.qty));
  const status = nextStatusOrThrow(ctx, o.status, all ? 'deliver_all' : 'deliver_part');
  await tx
    .update(orders)
    .set({ status, version: o.version + 1, updatedAt: sql`now()` })
    .where(eq(orders.id, orderId));
  if (status !== o.status) changes.push({ field: 'status', old: o.status, new: status });
  // Fully delivered: a "notify the customer of the delay" task is no longer needed.
  if (all) await completeTasksByRef(tx, 'order_slip', orderId, ctx.now());
  await recordAudit(tx, ctx, {
    entityType: 'order',
    entityId: orderId,
    action: all ? 'deliver_all' : 'deliver_part',
    changes,
  });
}

/**
 * Applies invoiced / received / written-off deltas (finance, inside its tx); deltas may be
 * negative (a voided invoice) but no ledger amount goes below zero.
 */
export async function applyOrderMoney(
  tx: Tx,
  ctx: Ctx,
  orderId: number,
  delta: { invoiced?: string; received?: string; writtenOff?: string },
): Promise<void> {
  const o = await lockOrder(tx, orderId);
  const next = {
    invoicedAmount: toMoneyString(money(o.invoicedAmount).plus(delta.invoiced ?? '0')),
    receivedAmount: toMoneyString(money(o.receivedAmount).plus(delta.received ?? '0')),
    writtenOffAmount: toMoneyString(money(o.writtenOffAmount).plus(delta.writtenOff ?? '0')),
  };
  for (const [k, v] of Object.entries(next))
    if (money(v).lt(0)) throw new ConflictError('order.money_negative', { field: k, value: v });
  await tx
    .update(orders)
    .set({ ...next, version: o.version + 1, updatedAt: sql`now()` })
    .where(eq(orders.id, orderId));
  const changes = (['invoicedAmount', 'receivedAmount', 'writtenOffAmount'] as const)
    .filter((k) => next[k] !== o[k])
    .map((k) => ({ field: k, old: o[k], new: next[k] }));
  await recordAudit(tx, ctx, { entityType: 'order', entityId: orderId, action: 'money', changes });
}

/** Quantity per product already on the contract's orders that are not cancelled (分批订货 limit). */
export async function orderedQtyByContract(db: DbOrTx, contractId: number): Promise<Map<number, string>> {
  const rows = await db
    .select({ productId: orderLines.productId, qty: sql<string>`sum(${orderLines.qty})::text` })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orders.contractId, contractId), sql`${orders.status} <> 'cancelled'`))
    .groupBy(orderLines.productId);
  return new Map(rows.filter((r) => r.productId !== null).map((r) => [Number(r.productId), r.qty]));
}
