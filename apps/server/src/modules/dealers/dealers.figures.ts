import { money } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/** The figures of one dealer's month, money as strings. */
export interface DealerFigures {
  orderCount: number;
  orderAmount: string;
  returnAmount: string;
  netAmount: string;
  collectionAmount: string;
}

export const NO_FIGURES: DealerFigures = {
  orderCount: 0,
  orderAmount: '0.00',
  returnAmount: '0.00',
  netAmount: '0.00',
  collectionAmount: '0.00',
};

/** 'YYYY-MM' → its first and last day. */
export function monthRange(month: string) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The month's figures of the dealers' customer accounts, from the indicator facts (SPEC 5.1, the
 * same source as every report): orders booked on the day they passed review (订单评审通过), reversed
 * by a cancellation in the month it happened; completed returns; payments counted by finance on
 * their received date. One grouped statement over the month's facts of these customers (the facts'
 * (kind, fact_date) index), never a row per document in memory. Raw table name on purpose, as the
 * analytics module does: the facts belong to analytics, the attribution by customer to dealers.
 */
export async function dealerFigures(db: DbOrTx, customerIds: number[], month: string) {
  const out = new Map<number, DealerFigures>();
  if (customerIds.length === 0) return out;
  const { start, end } = monthRange(month);
  const r = await db.execute<{
    customer_id: string;
    order_count: string;
    order_amount: string;
    return_amount: string;
    collection_amount: string;
  }>(sql`select f.customer_id,
      coalesce(sum(f.n) filter (where f.kind in ('order','order_cancel')), 0)::int as order_count,
      coalesce(sum(f.amount) filter (where f.kind in ('order','order_cancel')), 0)::numeric(18,2) as order_amount,
      coalesce(-sum(f.amount) filter (where f.kind = 'return'), 0)::numeric(18,2) as return_amount,
      coalesce(sum(f.amount) filter (where f.kind = 'payment'), 0)::numeric(18,2) as collection_amount
    from analytics_facts f
    where f.kind in ('order','order_cancel','return','payment')
      and f.fact_date between ${start}::date and ${end}::date
      and f.customer_id = any(${sql.param(customerIds)}::bigint[])
    group by f.customer_id`);
  for (const row of r.rows) {
    const orderAmount = String(row.order_amount);
    const returnAmount = String(row.return_amount);
    out.set(Number(row.customer_id), {
      orderCount: Number(row.order_count),
      orderAmount,
      returnAmount,
      netAmount: money(orderAmount).minus(returnAmount).toFixed(2),
      collectionAmount: String(row.collection_amount),
    });
  }
  return out;
}
