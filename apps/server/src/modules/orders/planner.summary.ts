import { money } from '@sales/core';
import Decimal from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import { productsForPricing } from '../products/index.ts';
import { availableQty } from '../stock/index.ts';

// Orders the planner works on (SPEC 3.4 planner view).
const PLANNED = sql`('approved','in_preparation','partially_delivered')`;
// Products per summary, and orders listed per product (the totals cover all of them).
const MAX_PRODUCTS = 500;
const ORDERS_PER_PRODUCT = 50;

type Row = Record<string, string | number | null>;

/**
 * 订货排产情况汇总表: per product over approved / in-preparation / partially delivered orders —
 * ordered, delivered, open, reserved, on hand, available, shortage, planned and done task
 * quantities, the earliest due date and the orders behind it (earliest first). `from`/`to`
 * filter the promised (else requested) date. Aggregated in SQL, so it stays one page at 2 M orders.
 */
export async function plannerSummary(ctx: Ctx, q: { from?: string; to?: string }) {
  const due = sql`coalesce(o.promised_date, o.requested_date)`;
  const filter: SQL[] = [sql`o.status in ${PLANNED}`];
  if (q.from) filter.push(sql`${due} >= ${q.from}::date`);
  if (q.to) filter.push(sql`${due} <= ${q.to}::date`);
  const where = sql.join(filter, sql` and `);
  // `reserved` counts only these orders' reservations (a date filter narrows it); the stock module
  // exports no such sum yet, so this one subquery still reads stock_reservations.
  const agg = await ctx.db.execute<Row>(sql`
    with l as (
      select l.product_id, sum(l.qty) ordered, sum(l.delivered_qty) delivered, min(${due}) earliest
      from order_lines l join orders o on o.id = l.order_id
      where ${where} and l.product_id is not null group by l.product_id
      order by min(${due}), l.product_id limit ${MAX_PRODUCTS}
    )
    select l.product_id, l.ordered::text, l.delivered::text, l.earliest::text,
      (select coalesce(sum(r.qty - r.consumed_qty), 0)::text from stock_reservations r join orders o on o.id = r.order_id
        where r.product_id = l.product_id and r.status = 'active' and ${where}) reserved,
      (select coalesce(sum(t.qty), 0)::text from production_tasks t join orders o on o.id = t.order_id
        where t.product_id = l.product_id and t.status <> 'cancelled' and ${where}) planned,
      (select coalesce(sum(t.done_qty), 0)::text from production_tasks t join orders o on o.id = t.order_id
        where t.product_id = l.product_id and t.status <> 'cancelled' and ${where}) done
    from l`);
  if (agg.rows.length === 0) return { items: [] };
  const ids = agg.rows.map((r) => Number(r.product_id));
  // Product master and stock (all warehouses) through their modules.
  const products = await productsForPricing(ctx.db, ids, null, companyDate(ctx.now()));
  const stock = await availableQty(ctx.db, ids);
  const orders = await ctx.db.execute<Row>(sql`
    select * from (
      select l.product_id, o.id order_id, o.no, c.name customer_name, sum(l.qty)::text qty, ${due}::text promised_date,
        row_number() over (partition by l.product_id order by ${due}, o.id) rn
      from order_lines l join orders o on o.id = l.order_id join customers c on c.id = o.customer_id
      where ${where} and l.product_id in ${ids}
      group by l.product_id, o.id, o.no, c.name
    ) t where rn <= ${ORDERS_PER_PRODUCT} order by product_id, rn`);
  const byProduct = new Map<number, Row[]>();
  for (const r of orders.rows) byProduct.set(Number(r.product_id), [...(byProduct.get(Number(r.product_id)) ?? []), r]);
  const q4 = (v: unknown) => money(String(v ?? 0)).toFixed(4);
  const items = agg.rows.map((r) => {
    const id = Number(r.product_id);
    const p = products.get(id);
    const s = stock.get(id);
    const open = money(String(r.ordered)).minus(String(r.delivered));
    const reserved = money(String(r.reserved));
    const available = money(s?.available ?? 0);
    // What is neither reserved for these orders nor free in stock must be produced or bought.
    const shortage = Decimal.max(0, open.minus(reserved).minus(available));
    return {
      productId: id,
      productCode: p?.code ?? String(id),
      productName: p?.name ?? '',
      spec: p?.spec ?? null,
      unit: p?.unit ?? '',
      orderedQty: q4(r.ordered),
      deliveredQty: q4(r.delivered),
      openQty: open.toFixed(4),
      reservedQty: reserved.toFixed(4),
      onHand: q4(s?.onHand),
      available: available.toFixed(4),
      shortage: shortage.toFixed(4),
      plannedQty: q4(r.planned),
      doneQty: q4(r.done),
      earliestDue: r.earliest as string | null,
      orders: (byProduct.get(id) ?? []).map((o) => ({
        orderId: Number(o.order_id),
        no: String(o.no),
        customerName: String(o.customer_name),
        qty: q4(o.qty),
        promisedDate: o.promised_date as string,
      })),
    };
  });
  // Earliest due first, then by product code.
  items.sort(
    (a, b) => (a.earliestDue ?? '').localeCompare(b.earliestDue ?? '') || a.productCode.localeCompare(b.productCode),
  );
  return { items };
}
