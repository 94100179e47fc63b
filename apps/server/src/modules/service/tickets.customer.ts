import { and, desc, eq, ne, sql } from 'drizzle-orm';
import {
  companyDay,
  registerRelatedSource,
  registerServedCustomers,
  registerTimelineSource,
  relatedSelect,
} from '../customers/index.ts';
import { serviceTickets } from './service.schema.ts';
import { ticketScope } from './tickets.access.ts';

// A customer's service tickets on its timeline (issue 12 item 8), within the viewer's ticket scope.
registerTimelineSource({
  entityType: 'service_ticket',
  documents: async (ctx, customerId, limit) =>
    ctx.db
      .select({
        id: serviceTickets.id,
        no: serviceTickets.no,
        amount: sql<string | null>`null`,
        status: serviceTickets.status,
      })
      .from(serviceTickets)
      .where(and(eq(serviceTickets.customerId, customerId), await ticketScope(ctx)))
      .orderBy(desc(serviceTickets.id))
      .limit(limit),
});

// …and in its 360 related records, titled by the ticket's subject, dated by its opening.
registerRelatedSource({
  type: 'service_ticket',
  select: async (ctx, customerId) =>
    relatedSelect(
      serviceTickets,
      { id: serviceTickets.id, no: serviceTickets.no, name: serviceTickets.subject, status: serviceTickets.status },
      null,
      companyDay(serviceTickets.createdAt),
      sql`${serviceTickets.customerId} = ${customerId} and ${await ticketScope(ctx)}`,
    ),
});

// The engineer of an open ticket calls the customer's contacts: their personal data shows in clear
// to them while the ticket is open (issue 12 item 8; every clear view is still access-logged).
registerServedCustomers(async (db, userId) =>
  (
    await db
      .selectDistinct({ id: serviceTickets.customerId })
      .from(serviceTickets)
      .where(and(eq(serviceTickets.engineerId, userId), ne(serviceTickets.status, 'closed')))
  ).map((r) => r.id),
);
