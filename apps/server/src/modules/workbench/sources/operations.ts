import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { resolveScope, scopeWhere } from '../../../platform/permissions/scope.ts';
import { customers } from '../../customers/index.ts';
import { deliveries, deliveryScope } from '../../deliveries/index.ts';
import { paymentScope, payments } from '../../finance/index.ts';
import { frontDeskRegistrations } from '../../front-desk/front-desk.schema.ts';
import { orders } from '../../orders/index.ts';
import { serviceTickets } from '../../service/service.schema.ts';
import { ticketScope } from '../../service/tickets.access.ts';
import { registerWorkItemSource } from '../workbench.registry.ts';

// Work items of the back office: finance, warehouse, front desk, service (issue 13 item 6).

// Reported collections and cheques waiting for finance (seed 002: 财务核准 before a payment counts).
registerWorkItemSource({
  key: 'payments.toConfirm',
  group: 'action',
  permission: 'payment.confirm',
  listLink: '/finance/payments?status=reported',
  link: (r) => `/finance/payments/${r.id}`,
  read: async (ctx, q) =>
    ctx.db
      .select({
        id: payments.id,
        no: payments.no,
        title: customers.name,
        date: payments.receivedDate,
        amount: payments.amount,
        state: payments.status,
      })
      .from(payments)
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(
        and(inArray(payments.status, ['reported', 'pending_clearance']), await paymentScope(ctx, 'payment.confirm')),
      )
      .orderBy(asc(payments.updatedAt), asc(payments.id))
      .limit(q.limit),
});

// Orders delivered (in part or whole) and not yet invoiced in full: finance issues the invoices
// (SPEC 3.6). Delivery states are transient, so the status index bounds the read; invoices follow
// their order's owner and department, so the invoice.issue scope applies to the order.
registerWorkItemSource({
  key: 'invoices.toIssue',
  group: 'action',
  permission: 'invoice.issue',
  listLink: '/orders?status=delivered',
  link: (r) => `/orders/${r.id}`,
  read: async (ctx, q) =>
    ctx.db
      .select({
        id: orders.id,
        no: orders.no,
        title: customers.name,
        date: sql<string | null>`(${orders.updatedAt} at time zone 'Asia/Shanghai')::date::text`,
        amount: sql<string | null>`(${orders.totalGross} - ${orders.invoicedAmount})::text`,
        state: orders.status,
      })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(
        and(
          inArray(orders.status, ['partially_delivered', 'delivered']),
          sql`${orders.invoicedAmount} < ${orders.totalGross}`,
          scopeWhere(await resolveScope(ctx, 'invoice.issue'), orders.ownerId, orders.ownerDeptId),
        ),
      )
      .orderBy(asc(orders.updatedAt), asc(orders.id))
      .limit(q.limit),
});

// Delivery notes drafted and not shipped yet: the warehouse's outbound queue (SPEC 3.5).
registerWorkItemSource({
  key: 'deliveries.toShip',
  group: 'action',
  permission: 'delivery.ship',
  listLink: '/deliveries?status=draft',
  link: (r) => `/deliveries/${r.id}`,
  read: async (ctx, q) =>
    ctx.db
      .select({
        id: deliveries.id,
        no: deliveries.no,
        title: customers.name,
        date: sql<
          string | null
        >`coalesce(${deliveries.plannedDate}, (${deliveries.createdAt} at time zone 'Asia/Shanghai')::date)::text`,
        amount: sql<string | null>`null`,
        state: deliveries.status,
      })
      .from(deliveries)
      .innerJoin(customers, eq(customers.id, deliveries.customerId))
      .where(and(eq(deliveries.status, 'draft'), await deliveryScope(ctx, 'delivery.ship')))
      .orderBy(asc(deliveries.updatedAt), asc(deliveries.id))
      .limit(q.limit),
});

// The front desk's registrations of today (来电来访登记): what was taken in and routed.
registerWorkItemSource({
  key: 'frontDesk.today',
  group: 'action',
  permission: 'frontdesk.register',
  listLink: '/front-desk/registrations',
  link: (r) => `/front-desk/registrations/${r.id}`,
  read: async (ctx, q) =>
    ctx.db
      .select({
        id: frontDeskRegistrations.id,
        no: sql<string | null>`null`,
        title: frontDeskRegistrations.visitorName,
        date: frontDeskRegistrations.regDate,
        amount: sql<string | null>`null`,
        state: frontDeskRegistrations.kind,
      })
      .from(frontDeskRegistrations)
      .where(
        and(eq(frontDeskRegistrations.regDate, q.today), eq(frontDeskRegistrations.registeredBy, ctx.principal.userId)),
      )
      .orderBy(asc(frontDeskRegistrations.regDate), asc(frontDeskRegistrations.id))
      .limit(q.limit),
});

// Service tickets assigned to me and not resolved, the ones past their SLA due time first (SPEC 4.1).
registerWorkItemSource({
  key: 'tickets.mine',
  group: 'action',
  permission: 'ticket.handle',
  listLink: '/service/my-tickets',
  link: (r) => `/service/tickets/${r.id}`,
  read: async (ctx, q) =>
    ctx.db
      .select({
        id: serviceTickets.id,
        no: serviceTickets.no,
        title: serviceTickets.subject,
        date: sql<string | null>`(${serviceTickets.dueAt} at time zone 'Asia/Shanghai')::date::text`,
        amount: sql<string | null>`null`,
        state: serviceTickets.status,
      })
      .from(serviceTickets)
      .where(
        and(
          eq(serviceTickets.engineerId, ctx.principal.userId),
          inArray(serviceTickets.status, ['new', 'assigned', 'in_progress', 'waiting']),
          await ticketScope(ctx, 'ticket.handle'),
        ),
      )
      .orderBy(sql`${serviceTickets.dueAt} asc nulls last`, asc(serviceTickets.id))
      .limit(q.limit),
});
