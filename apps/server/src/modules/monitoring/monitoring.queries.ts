import type { HealthKind, ProcessHealthQuery } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { COUNT_CAP } from '../../platform/lists/index.ts';
import { companyDate } from '../../platform/time.ts';
import { healthBranches, healthUnion } from './monitoring.branches.ts';

type HealthRow = {
  kind: HealthKind;
  id: number;
  no: string;
  customer: string;
  owner_name: string;
  dept_name: string;
  since: string;
  amount: string | null;
};

const LINKS: Record<HealthKind, (id: number) => string> = {
  quote_approval: (id) => `/quotes/${id}`,
  contract_review: (id) => `/contracts/${id}`,
  order_review: (id) => `/orders/${id}`,
  delivery_unshipped: (id) => `/deliveries/${id}`,
  return_open: (id) => `/returns/${id}`,
  ticket_idle: (id) => `/service/tickets/${id}`,
  followup_overdue: (id) => `/customers/${id}`,
  receivable_overdue: (id) => `/finance/invoices/${id}`,
  order_slipped: (id) => `/orders/${id}`,
};

/**
 * Process health (流程监控, SPEC 5.1): documents stuck beyond their policy threshold, overdue
 * follow-ups and receivables, slipped orders — each within the viewer's scope of its own type,
 * optionally of one kind and one department (with its sub-departments), longest waiting first.
 * Also the number per kind (capped), for the tabs.
 */
export async function processHealth(ctx: Ctx, q: ProcessHealthQuery) {
  const branches = await healthBranches(ctx);
  const one = await healthUnion(ctx, q.kind);
  const empty = { items: [], total: 0, totalCapped: false, page: q.page, pageSize: q.pageSize, byKind: {} };
  if (branches.length === 0 || !one) return empty;
  const dept = q.deptId
    ? sql`h.owner_dept_id in (select d.id from departments d where d.path like (select p.path from departments p where p.id = ${q.deptId}) || '%')`
    : sql`true`;
  const [rows, counts] = await Promise.all([
    ctx.db.execute<HealthRow>(sql`
      select h.kind, h.id, h.no, h.customer, u.name as owner_name, d.name as dept_name, to_char(h.since, 'YYYY-MM-DD') as since, h.amount
      from (${one}) as h(kind, id, no, customer, owner_id, owner_dept_id, since, amount)
      join users u on u.id = h.owner_id join departments d on d.id = h.owner_dept_id
      where ${dept}
      order by h.since, h.kind, h.id
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    // Each kind counted up to the cap on its own: one cap over the union would cut the kinds read
    // last (a tab showing 0 beside a full list) once the kinds before them passed it.
    ctx.db.execute<{ kind: HealthKind; n: number }>(
      sql.join(
        branches.map(
          (b) => sql`(select kind, count(*)::int as n from (
            select h.kind from (${b}) as h(kind, id, no, customer, owner_id, owner_dept_id, since, amount)
            where ${dept} limit ${COUNT_CAP + 1}) x group by kind)`,
        ),
        sql` union all `,
      ),
    ),
  ]);
  const byKind = Object.fromEntries(counts.rows.map((r) => [r.kind, r.n]));
  const total = q.kind ? (byKind[q.kind] ?? 0) : counts.rows.reduce((s, r) => s + r.n, 0);
  const today = companyDate(ctx.now());
  const dayMs = 86_400_000;
  return {
    items: rows.rows.map((r) => ({
      kind: r.kind,
      id: Number(r.id),
      no: r.no,
      customerName: r.customer,
      ownerName: r.owner_name,
      deptName: r.dept_name,
      since: r.since,
      days: Math.round((Date.parse(today) - Date.parse(r.since)) / dayMs),
      amount: r.amount,
      link: LINKS[r.kind](Number(r.id)),
    })),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
    byKind,
  };
}
