import type { HealthKind } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { can } from '../../platform/permissions/principal.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';

/**
 * One kind of stuck item of process health (流程监控, SPEC 5.1). Every branch selects the same
 * columns — kind, id, no, customer, owner, owner_dept, since (the date it has waited since),
 * amount — and filters by the data scope of its own document type, so the board shows exactly
 * what the viewer may see of each.
 */
type DaysPolicy =
  | 'monitor.quoteApprovalDays'
  | 'monitor.contractReviewDays'
  | 'monitor.orderReviewDays'
  | 'monitor.deliveryShipDays'
  | 'monitor.returnOpenDays'
  | 'monitor.ticketIdleDays';

interface Branch {
  kind: HealthKind;
  permission: Permission;
  build(a: {
    scope: (owner: string, dept: string) => SQL;
    today: string;
    /** The instant `policy` days ago: items waiting since before it are listed. */
    olderThan: (policy: DaysPolicy) => Promise<SQL>;
  }): Promise<SQL> | SQL;
}

const sel = (kind: HealthKind) => sql.raw(`'${kind}'::text as kind`);

/**
 * A document of a customer waiting since `since` longer than `policy` days: the shape the stuck
 * branches share. Every string is a constant of this file (table and column names), never input.
 */
function stuck(b: {
  kind: HealthKind;
  permission: Permission;
  policy: DaysPolicy;
  /** The FROM clause; `doc` is the alias of the document (with customer_id, owner_id, owner_dept_id, no). */
  from: string;
  doc: string;
  where: string;
  since: string;
  amount?: string;
}): Branch {
  const d = b.doc;
  return {
    kind: b.kind,
    permission: b.permission,
    build: async ({ scope, olderThan }) => sql`
      select ${sel(b.kind)}, ${sql.raw(`${d}.id, ${d}.no, c.name as customer, ${d}.owner_id, ${d}.owner_dept_id`)},
        ${sql.raw(`(${b.since} at time zone 'Asia/Shanghai')::date as since, ${b.amount ?? 'null'}::text as amount`)}
      from ${sql.raw(b.from)} join customers c on c.id = ${sql.raw(`${d}.customer_id`)}
      where ${sql.raw(b.where)} and ${sql.raw(b.since)} < ${await olderThan(b.policy)}
        and ${scope(`${d}.owner_id`, `${d}.owner_dept_id`)}`,
  };
}

const BRANCHES: Branch[] = [
  // Quotes waiting in approval (报价审批) longer than the policy allows.
  stuck({
    kind: 'quote_approval',
    permission: 'quote.view',
    policy: 'monitor.quoteApprovalDays',
    from: 'approval_instances ai join quotes q on q.id = ai.doc_id',
    doc: 'q',
    where: "ai.doc_type = 'quote' and ai.status = 'pending'",
    since: 'ai.created_at',
    amount: 'q.total_gross',
  }),
  // Contracts in review (合同评审).
  stuck({
    kind: 'contract_review',
    permission: 'contract.view',
    policy: 'monitor.contractReviewDays',
    from: 'approval_instances ai join contracts k on k.id = ai.doc_id',
    doc: 'k',
    where: "ai.doc_type = 'contract' and ai.status = 'pending'",
    since: 'ai.created_at',
  }),
  // Orders submitted and not yet through order review (订单评审).
  stuck({
    kind: 'order_review',
    permission: 'order.view',
    policy: 'monitor.orderReviewDays',
    from: 'orders o',
    doc: 'o',
    where: "o.status in ('submitted','under_review')",
    since: 'o.submitted_at',
    amount: 'o.total_gross',
  }),
  // Delivery notes drafted and not shipped.
  stuck({
    kind: 'delivery_unshipped',
    permission: 'delivery.view',
    policy: 'monitor.deliveryShipDays',
    from: 'deliveries d',
    doc: 'd',
    where: "d.status = 'draft'",
    since: 'd.created_at',
  }),
  // Returns still open (销后退回: 3 working days is the rule; the board uses calendar days).
  stuck({
    kind: 'return_open',
    permission: 'return.view',
    policy: 'monitor.returnOpenDays',
    from: 'sales_returns r',
    doc: 'r',
    where: "r.status in ('submitted','returned')",
    since: 'r.created_at',
  }),
  // Service tickets open with no change for the policy's days.
  stuck({
    kind: 'ticket_idle',
    permission: 'ticket.view',
    policy: 'monitor.ticketIdleDays',
    from: 'service_tickets t',
    doc: 't',
    where: "t.status not in ('resolved','closed')",
    since: 't.updated_at',
  }),
  {
    // Planned follow-ups past their date (跟进逾期).
    kind: 'followup_overdue',
    permission: 'customer.view',
    build: ({ scope, today }) => sql`
      select ${sel('followup_overdue')}, c.id, c.no, c.name, c.owner_id, c.owner_dept_id, f.next_action_date, null::text
      from follow_ups f join customers c on c.id = f.customer_id
      where f.done_at is null and f.next_action_date < ${today}::date and c.deleted_at is null and c.owner_id is not null
        and ${scope('c.owner_id', 'c.owner_dept_id')}`,
  },
  {
    // Invoiced amounts past their due date, from the maintained receivables (ADR 0003).
    kind: 'receivable_overdue',
    permission: 'receivable.view',
    build: ({ scope, today }) => sql`
      select ${sel('receivable_overdue')}, ri.invoice_id, i.no, ri.customer_name, ri.owner_id, ri.owner_dept_id,
        ri.due_date, ri.outstanding::text
      from receivable_invoices ri join invoices i on i.id = ri.invoice_id
      where ri.outstanding > 0 and ri.due_date < ${today}::date and ${scope('ri.owner_id', 'ri.owner_dept_id')}`,
  },
  {
    // Orders past the delivery date promised to the customer and not delivered.
    kind: 'order_slipped',
    permission: 'order.view',
    build: ({ scope, today }) => sql`
      select ${sel('order_slipped')}, o.id, o.no, c.name, o.owner_id, o.owner_dept_id, o.promised_date, o.total_gross::text
      from orders o join customers c on c.id = o.customer_id
      where o.status in ('approved','in_preparation','partially_delivered') and o.promised_date < ${today}::date
        and ${scope('o.owner_id', 'o.owner_dept_id')}`,
  },
];

/** The UNION ALL of the branches the viewer may read (optionally one kind); null when none. */
export async function healthUnion(ctx: Ctx, kind?: HealthKind): Promise<SQL | null> {
  const parts = await healthBranches(ctx, kind);
  return parts.length === 0 ? null : sql.join(parts, sql` union all `);
}

/** The branches the viewer may read (optionally one kind), each a SELECT of the shared columns. */
export async function healthBranches(ctx: Ctx, kind?: HealthKind): Promise<SQL[]> {
  const now = ctx.now();
  const today = companyDate(now);
  const olderThan = async (policy: DaysPolicy) => {
    const n = await getPolicy(ctx.db, policy);
    return sql`${new Date(now.getTime() - n * 86_400_000).toISOString()}::timestamptz`;
  };
  const parts: SQL[] = [];
  for (const b of BRANCHES) {
    if (kind && b.kind !== kind) continue;
    if (!can(ctx.principal, b.permission)) continue;
    const resolved = await resolveScope(ctx, b.permission);
    const scope = (owner: string, dept: string) => scopeWhere(resolved, sql.raw(owner), sql.raw(dept));
    parts.push(await b.build({ scope, today, olderThan }));
  }
  return parts;
}
