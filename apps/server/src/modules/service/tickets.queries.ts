import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/index.ts';
import { serviceTicketReplies, serviceTicketSlas } from './service.schema.ts';
import { findTicketInScope } from './tickets.access.ts';
import { presentClock } from './tickets.clocks.ts';
import { ticketWork, userNames } from './tickets.details.ts';
import { closeBlockers, TICKET_ACTIONS, type TicketAction } from './tickets.state.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** One ticket in the user's view scope with its SLA clocks (as of now) and its replies and visits. */
export async function getTicket(ctx: Ctx, id: number) {
  const t = await findTicketInScope(ctx, id);
  const author = alias(users, 'author');
  const [[names], slas, replies, cal, work, people] = await Promise.all([
    ctx.db
      .select({ customerName: customers.name, engineerName: users.name })
      .from(customers)
      .leftJoin(users, eq(users.id, t.engineerId ?? 0))
      .where(eq(customers.id, t.customerId)),
    ctx.db.select().from(serviceTicketSlas).where(eq(serviceTicketSlas.ticketId, id)),
    ctx.db
      .select({
        id: serviceTicketReplies.id,
        kind: serviceTicketReplies.kind,
        body: serviceTicketReplies.body,
        authorName: author.name,
        createdAt: serviceTicketReplies.createdAt,
      })
      .from(serviceTicketReplies)
      .innerJoin(author, eq(author.id, serviceTicketReplies.authorId))
      .where(eq(serviceTicketReplies.ticketId, id))
      .orderBy(asc(serviceTicketReplies.id)),
    loadWorkCalendar(ctx.db),
    ticketWork(ctx.db, id),
    userNames(ctx.db, [t.trainingDoneBy, t.manualHandedBy, t.reportSignedBy]),
  ]);
  const name = (u: number | null) => (u === null ? null : (people.get(u) ?? null));
  const now = ctx.now();
  return {
    ...t,
    customerName: names?.customerName ?? '',
    engineerName: names?.engineerName ?? null,
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    dueAt: iso(t.dueAt),
    trainingDoneAt: iso(t.trainingDoneAt),
    trainingDoneByName: name(t.trainingDoneBy),
    manualHandedAt: iso(t.manualHandedAt),
    manualHandedByName: name(t.manualHandedBy),
    reportSignedAt: iso(t.reportSignedAt),
    reportSignedByName: name(t.reportSignedBy),
    // What closing still needs (signed report; installation: training, manual).
    closeBlockers: closeBlockers(t),
    // The actions the state table allows now (the web shows them as buttons; the server enforces).
    actions: (Object.keys(TICKET_ACTIONS) as TicketAction[]).filter((a) =>
      (TICKET_ACTIONS[a] as readonly string[]).includes(t.status),
    ),
    ...work,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    sla: Object.fromEntries(slas.map((s) => [s.metric, presentClock(s, cal, now)])),
    replies: replies.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}
