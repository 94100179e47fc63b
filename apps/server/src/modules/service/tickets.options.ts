import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import { findCustomerInScope } from '../customers/index.ts';
import { deliveries, deliveryLines } from '../deliveries/index.ts';
import { productLabels, productWarrantyMonths } from '../products/index.ts';
import { batchesById } from '../stock/index.ts';
import { inWarranty, warrantyOf } from './warranty.ts';

/**
 * The lines of a customer's signed deliveries a new ticket can be about (newest first, at most 200):
 * product, batch/serial, sign-off date and the warranty the ticket would get today.
 */
export async function deliveredLinesOf(ctx: Ctx, customerId: number) {
  const customer = await findCustomerInScope(ctx, customerId);
  const rows = await ctx.db
    .select({
      id: deliveryLines.id,
      deliveryNo: deliveries.no,
      productId: deliveryLines.productId,
      batchId: deliveryLines.batchId,
      qty: deliveryLines.qty,
      signedOn: deliveries.signedDate,
    })
    .from(deliveryLines)
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .where(and(eq(deliveries.customerId, customer.id), eq(deliveries.status, 'signed')))
    .orderBy(desc(deliveries.signedDate), desc(deliveryLines.id))
    .limit(200);
  const [products, batches] = await Promise.all([
    productLabels(
      ctx.db,
      rows.map((r) => r.productId),
    ),
    batchesById(
      ctx.db,
      rows.flatMap((r) => (r.batchId ? [r.batchId] : [])),
    ),
  ]);
  const months = new Map<number, number>();
  for (const id of new Set(rows.map((r) => r.productId))) months.set(id, await productWarrantyMonths(ctx.db, id));
  const today = companyDate(ctx.now());
  return {
    items: rows.map((r) => {
      const p = products.get(r.productId);
      const b = r.batchId ? batches.get(r.batchId) : undefined;
      const w = r.signedOn ? warrantyOf(r.signedOn, months.get(r.productId) ?? 0) : { until: null };
      return {
        id: r.id,
        deliveryNo: r.deliveryNo,
        productCode: p?.code ?? '',
        productName: p?.name ?? '',
        batchNo: b?.batchNo ?? null,
        serialNo: b?.serialNo ?? null,
        signedOn: r.signedOn,
        warrantyUntil: w.until,
        inWarranty: inWarranty(w, today),
      };
    }),
  };
}

/** Active users who may handle tickets (售后工程师, 售后主管): whom a ticket can be assigned to. */
export async function ticketEngineers(ctx: Ctx) {
  // SPEC 4.1 assignment by load: each engineer's open tickets, the least loaded first (the suggestion).
  const r = await ctx.db.execute<{ id: number; name: string; dept_name: string | null; open_tickets: number }>(sql`
    select e.id, e.name, e.dept_name,
      (select count(*) from service_tickets t
        where t.engineer_id = e.id and t.status not in ('resolved', 'closed'))::int as open_tickets
    from (
      select distinct u.id, u.name, d.name as dept_name from users u
      join user_roles ur on ur.user_id = u.id join role_grants g on g.role_id = ur.role_id
      left join departments d on d.id = u.dept_id
      where u.active and g.permission = 'ticket.handle'
    ) e
    order by open_tickets, e.name, e.id`);
  return {
    items: r.rows.map((x) => ({
      id: Number(x.id),
      name: x.name,
      deptName: x.dept_name,
      openTickets: Number(x.open_tickets),
    })),
  };
}
