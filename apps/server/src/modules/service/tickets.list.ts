import type { TicketFilter, TicketListQuery } from '@sales/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { cappedCount, pageOffset, pageOrder, pageResult } from '../../platform/lists/index.ts';
import { users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { serviceTicketSlas, serviceTickets } from './service.schema.ts';
import { ticketScope } from './tickets.access.ts';

/** WHERE for the list filters, always combined with the user's ticket.view scope. */
async function ticketWhere(ctx: Ctx, f: TicketFilter): Promise<SQL> {
  const parts: SQL[] = [await ticketScope(ctx)];
  if (f.status) parts.push(eq(serviceTickets.status, f.status));
  if (f.priority) parts.push(eq(serviceTickets.priority, f.priority));
  if (f.engineerId) parts.push(eq(serviceTickets.engineerId, f.engineerId));
  if (f.customerId) parts.push(eq(serviceTickets.customerId, f.customerId));
  // Any metric in that state, as stored at the ticket's last event.
  if (f.slaState)
    parts.push(
      sql`exists (select 1 from ${serviceTicketSlas} s where s.ticket_id = ${serviceTickets.id} and s.state = ${f.slaState})`,
    );
  return and(...parts) as SQL;
}

/** One page of tickets in scope, latest change first, with both SLA states and due times. */
export async function listTickets(ctx: Ctx, q: TicketListQuery) {
  const where = await ticketWhere(ctx, q);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: serviceTickets.id,
        no: serviceTickets.no,
        type: serviceTickets.type,
        priority: serviceTickets.priority,
        status: serviceTickets.status,
        subject: serviceTickets.subject,
        customerId: serviceTickets.customerId,
        customerName: customers.name,
        engineerId: serviceTickets.engineerId,
        engineerName: users.name,
        inWarranty: serviceTickets.inWarranty,
        dueAt: serviceTickets.dueAt,
        version: serviceTickets.version,
        updatedAt: serviceTickets.updatedAt,
      })
      .from(serviceTickets)
      .innerJoin(customers, eq(customers.id, serviceTickets.customerId))
      .leftJoin(users, eq(users.id, serviceTickets.engineerId))
      .where(where)
      .orderBy(...pageOrder(serviceTickets.updatedAt, 'desc', serviceTickets.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    cappedCount(ctx.db, serviceTickets, where),
  ]);
  const ids = rows.map((r) => r.id);
  const slas = ids.length
    ? await ctx.db
        .select({
          ticketId: serviceTicketSlas.ticketId,
          metric: serviceTicketSlas.metric,
          state: serviceTicketSlas.state,
          dueAt: serviceTicketSlas.dueAt,
          warnAt: serviceTicketSlas.warnAt,
        })
        .from(serviceTicketSlas)
        .where(sql`${serviceTicketSlas.ticketId} = any(${sql.param(ids)}::bigint[])`)
    : [];
  const items = rows.map((r) => {
    const mine = slas.filter((s) => s.ticketId === r.id);
    const one = (m: string) => {
      const s = mine.find((x) => x.metric === m);
      return s
        ? { state: s.state, dueAt: s.dueAt?.toISOString() ?? null, warnAt: s.warnAt?.toISOString() ?? null }
        : null;
    };
    return {
      ...r,
      updatedAt: r.updatedAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      sla: { response: one('response'), resolution: one('resolution') },
    };
  });
  return pageResult(items, count, q);
}
