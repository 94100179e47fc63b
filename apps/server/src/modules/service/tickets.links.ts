import { desc, eq, inArray, sql } from 'drizzle-orm';
import { registerLinkEdge, registerLinkedKind, scopeOrNone } from '../../platform/links/index.ts';
import { deliveryLines } from '../deliveries/index.ts';
import { serviceTickets } from './service.schema.ts';
import { ticketScope } from './tickets.access.ts';

// Service tickets in the document links, visible within the viewer's ticket scope (issue 12).
registerLinkedKind({
  type: 'service_ticket',
  describe: async (ctx, ids) =>
    ctx.db
      .select({
        id: serviceTickets.id,
        no: serviceTickets.no,
        name: serviceTickets.subject,
        status: serviceTickets.status,
        visible: sql<boolean>`${await scopeOrNone(ticketScope(ctx))}`,
      })
      .from(serviceTickets)
      .where(sql`${serviceTickets.id} = any(${sql.param(ids)}::bigint[])`),
});

// A ticket is about a line of a signed delivery note.
registerLinkEdge({
  from: 'delivery',
  to: 'service_ticket',
  followUps: async (db, id, limit) => {
    const lines = db.select({ id: deliveryLines.id }).from(deliveryLines).where(eq(deliveryLines.deliveryId, id));
    return (
      await db
        .select({ id: serviceTickets.id })
        .from(serviceTickets)
        .where(inArray(serviceTickets.deliveryLineId, lines))
        .orderBy(desc(serviceTickets.id))
        .limit(limit)
    ).map((r) => r.id);
  },
  sources: async (db, id) =>
    (
      await db
        .select({ id: deliveryLines.deliveryId })
        .from(serviceTickets)
        .innerJoin(deliveryLines, eq(deliveryLines.id, serviceTickets.deliveryLineId))
        .where(eq(serviceTickets.id, id))
    ).map((r) => r.id),
});
