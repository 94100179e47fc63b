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

const BRANCHES: Branch[] = [
  {
    // Quotes waiting in approval (报价审批) longer than the policy allows.
    kind: 'quote_approval',
    permission: 'quote.view',
    build: async ({ scope, olderThan }) => sql`
      select ${sel('quote_approval')}, q.id, q.no, c.name as customer, q.owner_id, q.owner_dept_id,
        (ai.created_at at time zone 'Asia/Shanghai')::date as since, q.total_gross::text as amount
      from approval_instances ai join quotes q on q.id = ai.doc_id join customers c on c.id = q.customer_id
      where ai.doc_type = 'quote' and ai.status = 'pending' and ai.created_at < ${await olderThan('monitor.quoteApprovalDays')}
        and ${scope('q.owner_id', 'q.owner_dept_id')}`,
  },
  {
    // Contracts in review (合同评审).
    kind: 'contract_review',
    permission: 'contract.view',
    build: async ({ scope, olderThan }) => sql`
      select ${sel('contract_review')}, k.id, k.no, c.name, k.owner_id, k.owner_dept_id,
        (ai.created_at at time zone 'Asia/Shanghai')::date, null::text
      from approval_instances ai join contracts k on k.id = ai.doc_id join customers c on c.id = k.customer_id
      where ai.doc_type = 'contract' and ai.status = 'pending' and ai.created_at < ${await olderThan('monitor.contractReviewDays')}
        and ${scope('k.owner_id', 'k.owner_dept_id')}`,
  },
  {
    // Orders submitted and not yet through order review (订单评审).
    kind: 'order_review',
    permission: 'order.view',
    build: async ({ scope, olderThan }) => sql`
      select ${sel('order_review')}, o.id, o.no, c.name, o.owner_id, o.owner_dept_id,
        (o.submitted_at at time zone 'Asia/Shanghai')::date, o.total_gross::text
      from orders o join customers c on c.id = o.customer_id
      where o.status in ('submitted','under_review') and o.submitted_at < ${await olderThan('monitor.orderReviewDays')}
        and ${scope('o.owner_id', 'o.owner_dept_id')}`,
  },
  {
    // Delivery notes drafted and not shipped.
    kind: 'delivery_unshipped',
    permission: 'delivery.view',
    build: async ({ scope, olderThan }) => sql`
      select ${sel('delivery_unshipped')}, d.id, d.no, c.name, d.owner_id, d.owner_dept_id,
        (d.created_at at time zone 'Asia/Shanghai')::date, null::text
      from deliveries d join customers c on c.id = d.customer_id
      where d.status = 'draft' and d.created_at < ${await olderThan('monitor.deliveryShipDays')}
        and ${scope('d.owner_id', 'd.owner_dept_id')}`,
  },
  {
    // Returns still open (销后退回: 3 working days is the rule; the board uses calendar days).
    kind: 'return_open',
    permission: 'return.view',
    build: async ({ scope, olderThan }) => sql`
      select ${sel('return_open')}, r.id, r.no, c.name, r.owner_id, r.owner_dept_id,
        (r.created_at at time zone 'Asia/Shanghai')::date, null::text
      from sales_returns r join customers c on c.id = r.customer_id
      where r.status in ('submitted','returned') and r.created_at < ${await olderThan('monitor.returnOpenDays')}
        and ${scope('r.owner_id', 'r.owner_dept_id')}`,
  },
  {
    // Service tickets open with no change for the policy's days.
    kind: 'ticket_idle',
    permission: 'ticket.view',
    build: async ({ scope, olderThan }) => sql`
      select ${sel('ticket_idle')}, t.id, t.no, c.name, t.owner_id, t.owner_dept_id,
        (t.updated_at at time zone 'Asia/Shanghai')::date, null::text
      from service_tickets t join customers c on c.id = t.customer_id
      where t.status not in ('resolved','closed') and t.updated_at < ${await olderThan('monitor.ticketIdleDays')}
        and ${scope('t.owner_id', 't.owner_dept_id')}`,
  },
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
  if (parts.length === 0) return null;
  return sql.join(parts, sql` union all `);
}
