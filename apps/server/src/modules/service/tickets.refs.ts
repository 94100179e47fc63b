import { eq, inArray, sql } from 'drizzle-orm';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { registerAttachmentOwner } from '../../platform/files/index.ts';
import { can } from '../../platform/permissions/principal.ts';
import { registerMovementRef } from '../stock/index.ts';
import { serviceTickets, serviceVisits } from './service.schema.ts';
import { findTicketInScope, ticketScope } from './tickets.access.ts';

// Parts issued on a ticket name it (GD-…) in the stock movements, linked when the viewer may open it.
registerMovementRef('service_ticket', async (ctx, ids) => {
  if (!can(ctx.principal, 'ticket.view')) return new Map();
  const rows = await ctx.db
    .select({ id: serviceTickets.id, no: serviceTickets.no, visible: sql<boolean>`${await ticketScope(ctx)}` })
    .from(serviceTickets)
    .where(inArray(serviceTickets.id, ids));
  return new Map(rows.map((r) => [r.id, { no: r.no, visible: r.visible }]));
});

// The signed service report and visit photos are visible to whoever may see the ticket.
registerAttachmentOwner('service_ticket', async (ctx, id) => {
  if (!can(ctx.principal, 'ticket.view')) throw new NotFoundError();
  await findTicketInScope(ctx, id);
});
registerAttachmentOwner('service_visit', async (ctx, id) => {
  if (!can(ctx.principal, 'ticket.view')) throw new NotFoundError();
  const [v] = await ctx.db
    .select({ ticketId: serviceVisits.ticketId })
    .from(serviceVisits)
    .where(eq(serviceVisits.id, id));
  if (!v) throw new NotFoundError();
  await findTicketInScope(ctx, v.ticketId);
});
