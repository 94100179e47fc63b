import type { AnalyticsRecordsQuery } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { factWhere, needsDepartments } from './analytics.engine.ts';
import { MEASURE_DEFS } from './analytics.measures.ts';
import { defaultRange } from './analytics.period.ts';

/** The document behind a fact group: its number and the name shown beside it. */
const DOC = sql.raw(`case g.source_type
    when 'order' then (select no from orders where id = g.source_id)
    when 'sales_return' then (select no from sales_returns where id = g.source_id)
    when 'invoice' then (select no from invoices where id = g.source_id)
    when 'payment' then (select no from payments where id = g.source_id)
    when 'customer' then (select no from customers where id = g.source_id)
    when 'quote' then (select no from quotes where id = g.source_id)
    when 'opportunity' then (select no from opportunities where id = g.source_id)
    when 'frontdesk_registration' then (select visitor_name from front_desk_registrations where id = g.source_id)
    else null end`);

const ROW_VALUE = {
  amount: 'sum(f.amount)::numeric(20,2)::text',
  net_amount: 'sum(f.net_amount)::numeric(20,2)::text',
  qty: 'trim_scale(sum(f.qty))::text',
  n: 'sum(f.n)::text',
  margin: 'coalesce(sum(f.net_amount - f.cost) filter (where f.cost is not null), 0)::numeric(20,2)::text',
} as const;

const SUM = {
  money: 'coalesce(sum(g.value::numeric), 0)::numeric(20,2)::text',
  qty: 'trim_scale(coalesce(sum(g.value::numeric), 0))::text',
  count: 'coalesce(sum(g.value::numeric), 0)::text',
} as const;

/**
 * The records behind a figure (SPEC 5.1 drill-down): one row per document event (an order booked,
 * its cancellation, a return …) under exactly the figure's filter and scope, with its share of the
 * figure — so the list's count and sum equal the figure. Latest first, one page.
 */
export async function listAnalyticsRecords(ctx: Ctx, q: AnalyticsRecordsQuery) {
  const range = defaultRange(ctx, q);
  const query = { ...q, ...range };
  const { where, basePath } = await factWhere(ctx.db, ctx, query);
  const def = MEASURE_DEFS[q.measure];
  const join = needsDepartments([], basePath) ? sql`left join departments d on d.id = f.dept_id` : sql``;
  // Events that add nothing to a count measure (a second order line) are not records of it.
  const grouped = sql`select f.kind, f.source_type, f.source_id, f.fact_date, min(f.rep_id) rep_id, min(f.customer_id) customer_id,
      ${sql.raw(ROW_VALUE[def.value])} as value
    from analytics_facts f ${join} where ${where}
    group by f.kind, f.source_type, f.source_id, f.fact_date
    ${def.value === 'n' ? sql`having sum(f.n) <> 0` : sql``}`;
  const [page, totals] = await Promise.all([
    ctx.db.execute<{
      kind: string;
      source_type: string;
      source_id: string;
      fact_date: string;
      rep_name: string | null;
      customer_id: string | null;
      customer_name: string | null;
      doc_no: string | null;
      value: string;
    }>(sql`select g.kind, g.source_type, g.source_id, to_char(g.fact_date, 'YYYY-MM-DD') fact_date, u.name rep_name,
        g.customer_id, c.name customer_name, ${DOC} doc_no, g.value
      from (${grouped}) g left join users u on u.id = g.rep_id left join customers c on c.id = g.customer_id
      order by g.fact_date desc, g.source_id desc, g.kind
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    ctx.db.execute<{ n: number; v: string }>(
      sql`select count(*)::int n, ${sql.raw(SUM[def.valueKind])} v from (${grouped}) g`,
    ),
  ]);
  const t = totals.rows[0];
  return {
    ...range,
    measure: q.measure,
    items: page.rows.map((r) => ({
      kind: r.kind,
      sourceType: r.source_type,
      sourceId: Number(r.source_id),
      date: r.fact_date,
      repName: r.rep_name,
      customerId: r.customer_id === null ? null : Number(r.customer_id),
      customerName: r.customer_name,
      documentNo: r.doc_no,
      value: r.value,
    })),
    total: Number(t.n),
    sum: t.v,
    page: q.page,
    pageSize: q.pageSize,
  };
}
