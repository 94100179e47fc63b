import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import type { serviceTickets } from './service.schema.ts';

type ClosedHook = (tx: Tx, ctx: Ctx, ticket: typeof serviceTickets.$inferSelect) => Promise<void>;
const hooks: ClosedHook[] = [];

/** Runs `fn` inside confirmTicket's transaction when the customer confirms and the ticket closes. */
export function onTicketClosed(fn: ClosedHook) {
  hooks.push(fn);
}

export async function runTicketClosed(tx: Tx, ctx: Ctx, ticket: typeof serviceTickets.$inferSelect) {
  for (const h of hooks) await h(tx, ctx, ticket);
}
