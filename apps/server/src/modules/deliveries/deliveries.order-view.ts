import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { orderLinesOf, orders } from '../orders/index.ts';

/**
 * The order facts a delivery shows (number, status, lines). The delivery's own scope has been
 * checked; the order is read by id because a note's readers (库房, 质检) need not see orders.
 */
export async function findOrderLinesForDelivery(db: DbOrTx, orderId: number) {
  // Sequential: `db` may be a transaction, whose client runs one query at a time.
  const [o] = await db
    .select({ no: orders.no, status: orders.status, totalGross: orders.totalGross })
    .from(orders)
    .where(eq(orders.id, orderId));
  const lines = await orderLinesOf(db, orderId);
  return { no: o?.no ?? '', status: o?.status ?? '', lines: new Map(lines.map((l) => [l.id, l])) };
}

/** What the counter-sale release rule needs of a note's order: its channel, total and what was received. */
export async function orderPaymentState(db: DbOrTx, orderId: number) {
  const [o] = await db
    .select({
      no: orders.no,
      channel: orders.channel,
      totalGross: orders.totalGross,
      receivedAmount: orders.receivedAmount,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  return o;
}
