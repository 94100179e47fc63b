import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { eventInvitations, events } from './events.schema.ts';

/**
 * An event is visible to the planner and the planner's department within the event.view scope, to its
 * responsible people, to whoever sees one of its invitations, and — once approved — to everyone who
 * may invite (an approved event is a company campaign a rep invites their customers to; their
 * report then counts only their own invitations). Anything else is 404.
 */
export async function eventScope(ctx: Pick<Ctx, 'db' | 'principal'>): Promise<SQL> {
  const scope = await resolveScope(ctx, 'event.view');
  if (scope.all) return sql`true`;
  const own = scopeWhere(scope, events.ownerId, events.ownerDeptId);
  const inv = scopeWhere(scope, sql`i.rep_id`, sql`i.rep_dept_id`);
  const campaign = can(ctx.principal, 'event.invite') ? sql`${events.status} = 'approved'` : sql`false`;
  return sql`(${own} or ${ctx.principal.userId} = any(${events.responsibleIds}) or ${campaign}
    or exists (select 1 from ${eventInvitations} i where i.event_id = ${events.id} and ${inv}))`;
}

/** The invitations a user sees: by the rep and the rep's department (event.view scope). */
export async function invitationScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: 'event.view' | 'event.invite' = 'event.view',
): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, permission), eventInvitations.repId, eventInvitations.repDeptId);
}

/** An event in the viewer's scope; unknown and out-of-scope ids answer the same 404. */
export async function findEventInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(events)
    .where(and(eq(events.id, id), await eventScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** An event to change as its planner: 404 out of scope, 403 without event.plan, 412 when stale. */
export async function findEventForPlanning(ctx: Ctx, id: number, db: DbOrTx, version?: number) {
  const row = await findEventInScope(ctx, id, db, true);
  if (!can(ctx.principal, 'event.plan')) throw new ForbiddenError();
  if (version !== undefined && row.version !== version) throw new StaleVersionError();
  return row;
}

/**
 * The front desk works the door of any approved event (event.checkin is company-wide): it sees the
 * event's guest list for check-in only. Others fall back to the event.view scope.
 */
export async function findEventForCheckIn(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  if (!can(ctx.principal, 'event.checkin')) throw new NotFoundError();
  const q = db.select().from(events).where(eq(events.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** An invitation in the viewer's invite scope (its rep or the rep's department), locked. */
export async function findInvitationForChange(ctx: Ctx, id: number, db: DbOrTx, version: number) {
  const [row] = await db
    .select()
    .from(eventInvitations)
    .where(and(eq(eventInvitations.id, id), await invitationScope(ctx, 'event.invite')))
    .for('update');
  if (!row) throw new NotFoundError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}
