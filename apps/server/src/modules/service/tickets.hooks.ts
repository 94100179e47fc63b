import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import type { serviceTickets } from './service.schema.ts';

export type ClosedTicket = typeof serviceTickets.$inferSelect;
type ClosedHook = (tx: Tx, ctx: Ctx, ticket: ClosedTicket) => Promise<void>;
const hooks: ClosedHook[] = [];

/**
 * Other modules react to a closed ticket inside the confirm transaction (a return visit is
 * scheduled after every closed ticket, SPEC 4.4): a hook that throws rolls the closure back.
 */
export function onTicketClosed(fn: ClosedHook) {
  hooks.push(fn);
}

export async function runTicketClosedHooks(tx: Tx, ctx: Ctx, ticket: ClosedTicket) {
  for (const h of hooks) await h(tx, ctx, ticket);
}
