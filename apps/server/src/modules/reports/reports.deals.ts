import type { DealRegisterQuery } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors/errors.ts';
import { companyDate } from '../../platform/time.ts';
import { measure } from '../analytics/index.ts';
import { salesRecords } from './reports.figures.ts';
import { reportBase, reportCtx } from './reports.scope.ts';

/** The order a sales record belongs to, its contact and its products, for the register's columns. */
async function orderDetails(ctx: Ctx, records: { sourceType: string; sourceId: number }[]) {
  const orders = records.filter((r) => r.sourceType === 'order').map((r) => r.sourceId);
  const returns = records.filter((r) => r.sourceType === 'sales_return').map((r) => r.sourceId);
  if (!orders.length && !returns.length) return new Map<string, { contact: string | null; products: string }>();
  const res = await ctx.db.execute<{
    source_type: string;
    source_id: string;
    contact: string | null;
    products: string;
  }>(
    sql`with src as (
        select 'order' source_type, id source_id, id order_id from orders where id = any(${sql.param(orders)}::bigint[])
        union all
        select 'sales_return', id, order_id from sales_returns where id = any(${sql.param(returns)}::bigint[])
      )
      select s.source_type, s.source_id, cc.name contact,
        coalesce((select string_agg(distinct p.name, '、' order by p.name) from order_lines l join products p on p.id = l.product_id
          where l.order_id = s.order_id), '') products
      from src s join orders o on o.id = s.order_id left join customer_contacts cc on cc.id = o.contact_id`,
  );
  return new Map(
    res.rows.map((r) => [`${r.source_type}:${r.source_id}`, { contact: r.contact, products: r.products }]),
  );
}

/**
 * 成交客户登记表 (SPEC 5.1; seed 000 4S 成交客户登记): the deals booked in the period within the
 * viewer's report scope — customer, contact, products, amount, date, rep and department credited at
 * booking — through the engine's drill-down of sales amount, so cancellations and returns show as
 * their own negative rows and the register's total equals the sales-amount figure.
 */
export async function dealRegister(ctx: Ctx, q: DealRegisterQuery) {
  const today = companyDate(ctx.now());
  const from = q.from ?? `${today.slice(0, 8)}01`;
  const to = q.to ?? today;
  if (from > to) throw ValidationError.field('from', 'report.range_invalid');
  const b = await reportBase(ctx, q.departmentId);
  const range = { from, to };
  const [records, figure, count] = await Promise.all([
    salesRecords(ctx, b.base, range),
    measure(ctx.db, reportCtx(ctx), { measure: 'sales_amount', ...range, departmentId: b.base.id }),
    measure(ctx.db, reportCtx(ctx), { measure: 'orders', ...range, departmentId: b.base.id }),
  ]);
  const details = await orderDetails(ctx, records.items);
  // Oldest first, as a register is kept.
  const items = [...records.items].reverse().map((r) => {
    const d = details.get(`${r.sourceType}:${r.sourceId}`);
    return {
      kind: r.kind as 'order' | 'order_cancel' | 'return',
      date: r.date,
      documentNo: r.documentNo,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      customerId: r.customerId,
      customerName: r.customerName,
      contactName: d?.contact ?? null,
      products: d?.products ?? '',
      amount: r.value,
      repName: r.repName,
      deptName: r.deptName,
    };
  });
  return {
    from,
    to,
    departmentId: b.picked ?? null,
    department: { id: b.base.id, name: b.base.name },
    departments: b.departments.map(({ id, parentId, name }) => ({ id, parentId, name })),
    items,
    total: records.total,
    truncated: records.truncated,
    // The register's sum and the engine's figures for the same filter (they agree: same facts).
    amount: records.sum,
    salesAmount: figure[0].value,
    orders: count[0].value,
  };
}
