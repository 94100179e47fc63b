import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/**
 * The maintained monthly summaries of analytics_facts (ARCHITECTURE "Indicators": figures that must
 * be instant at scale are summary rows kept in the transaction that writes the facts; B8). Each is
 * keyed by (month, kind, rep_id, dept_id — the scope columns) plus its own dimension columns and sums
 * the same six values. Two narrow tables rather than one wide one: product × region × rep would be
 * ~27k rows a month at 2 M orders, product × rep ~4k and region × rep ~200.
 */
export const SUMMARIES = [
  { table: 'analytics_monthly', key: 'analytics_monthly_key', cols: ['sub', 'channel'] },
  { table: 'analytics_monthly_product', key: 'analytics_monthly_product_key', cols: ['product_id', 'category_id'] },
  { table: 'analytics_monthly_region', key: 'analytics_monthly_region_key', cols: ['region'] },
] as const;

export type Summary = (typeof SUMMARIES)[number];
export type SummaryCol = Summary['cols'][number];

/** The fact columns the summaries need back from the insert (RETURNING). */
export const SUMMED_FACT_COLS = sql.raw(
  'kind, fact_date, rep_id, dept_id, sub, channel, product_id, category_id, region, n, qty, amount, net_amount, cost',
);

const keysOf = (s: Summary) => ['rep_id', 'dept_id', ...s.cols].join(', ');
const positions = (s: Summary) => Array.from({ length: 4 + s.cols.length }, (_, i) => i + 1).join(', ');

/** The monthly sums of the fact rows `src` (a CTE or table name) in the key of summary `s`. */
function sumsOf(s: Summary, src: string): SQL {
  return sql.raw(`select date_trunc('month', fact_date)::date fact_date, kind, ${keysOf(s)}, sum(n) n, sum(qty) qty,
      sum(amount) amount, sum(net_amount) net_amount,
      coalesce(sum(net_amount) filter (where cost is not null), 0) margin_net, coalesce(sum(cost), 0) cost
    from ${src} group by ${positions(s)}`);
}

/**
 * Adds the fact rows of CTE `src` to summary `s`. Rows are folded in key order, so two transactions
 * touching the same months lock their summary rows in the same order.
 */
export function foldInto(s: Summary, src: string): SQL {
  return sql`insert into ${sql.raw(s.table)} as m (fact_date, kind, ${sql.raw(keysOf(s))}, n, qty, amount, net_amount, margin_net, cost)
    ${sumsOf(s, src)} order by ${sql.raw(positions(s))}
    on conflict on constraint ${sql.raw(s.key)} do update set n = m.n + excluded.n, qty = m.qty + excluded.qty,
      amount = m.amount + excluded.amount, net_amount = m.net_amount + excluded.net_amount,
      margin_net = m.margin_net + excluded.margin_net, cost = m.cost + excluded.cost`;
}

/**
 * The from-scratch consistency check of every maintained summary: the summary rows that differ
 * from the facts summed again (none when all is well).
 */
export async function checkMonthlyTotals(tx: Tx) {
  const rows: { summary: string; fact_date: string; kind: string; rep_id: number | null }[] = [];
  for (const s of SUMMARIES) {
    const match = ['rep_id', 'dept_id', ...s.cols].map((c) => `m.${c} is not distinct from f.${c}`).join(' and ');
    const res = await tx.execute<{ fact_date: string; kind: string; rep_id: number | null }>(sql`
      with fresh as (${sumsOf(s, 'analytics_facts')})
      select coalesce(f.fact_date, m.fact_date)::text fact_date, coalesce(f.kind, m.kind) kind,
        coalesce(f.rep_id, m.rep_id) rep_id
      from fresh f full join ${sql.raw(s.table)} m on m.fact_date = f.fact_date and m.kind = f.kind and ${sql.raw(match)}
      where f.kind is null or m.kind is null or (f.n, f.qty, f.amount, f.net_amount, f.margin_net, f.cost)
        is distinct from (m.n, m.qty, m.amount, m.net_amount, m.margin_net, m.cost)`);
    rows.push(...res.rows.map((r) => ({ summary: s.table, ...r })));
  }
  return rows;
}
