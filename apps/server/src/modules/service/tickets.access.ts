import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { serviceTickets } from './service.schema.ts';

type TicketPermission = 'ticket.view' | 'ticket.handle';

/** The data-scope filter of tickets: owner (engineer, else creator) or the creator's department. */
export async function ticketScope(ctx: Pick<Ctx, 'db' | 'principal'>, permission: TicketPermission = 'ticket.view') {
  return scopeWhere(await resolveScope(ctx, permission), serviceTickets.ownerId, serviceTickets.ownerDeptId);
}

/** A ticket in the user's view scope; unknown and out-of-scope ids answer the same 404 (SPEC 1.2). */
export async function findTicketInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(serviceTickets)
    .where(and(eq(serviceTickets.id, id), (await ticketScope(ctx)) as SQL));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Loads a ticket for a change, locked: 404 when the user cannot see it, 403 when they see it but
 * ticket.handle (or its scope) does not cover it, 412 when it changed since the user loaded it.
 */
export async function findTicketForChange(ctx: Ctx, id: number, version: number, db: DbOrTx) {
  const row = await findTicketInScope(ctx, id, db, true);
  if (!ctx.principal.grants.has('ticket.handle')) throw new ForbiddenError();
  const s = await resolveScope(ctx, 'ticket.handle');
  if (!(s.all || s.userId === row.ownerId || s.deptIds.includes(row.ownerDeptId))) throw new ForbiddenError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}
