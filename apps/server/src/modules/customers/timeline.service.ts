import { desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { users } from '../../platform/org/org.schema.ts';
import { findCustomerInScope, maskValue, unmaskPolicy } from './customers.access.ts';
import { listFollowUps } from './follow-ups.service.ts';

/**
 * One customer's history in one view (SPEC 2.4): its audit trail, its contacts' and its
 * follow-ups, newest first. Personal values in old/new are masked like the record itself.
 */
export async function customerTimeline(ctx: Ctx, customerId: number) {
  const customer = await findCustomerInScope(ctx, customerId);
  const clear = (await unmaskPolicy(ctx))(customer);
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      changes: auditLog.changes,
      comment: auditLog.comment,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      sql`(${auditLog.entityType} = 'customer' and ${auditLog.entityId} = ${customerId})
       or (${auditLog.entityType} = 'customer_contact' and ${auditLog.entityId} in (select id from customer_contacts where customer_id = ${customerId}))
       or (${auditLog.entityType} = 'follow_up' and ${auditLog.entityId} in (select id from follow_ups where customer_id = ${customerId}))`,
    )
    .orderBy(desc(auditLog.id))
    .limit(300);
  const followUps = new Map((await listFollowUps(ctx, customerId)).map((f) => [f.id, f]));
  return rows.map((r) => {
    const followUp = r.entityType === 'follow_up' ? followUps.get(r.entityId) : undefined;
    return {
      id: r.id,
      at: r.at.toISOString(),
      kind: followUp ? ('followup' as const) : ('audit' as const),
      entityType: r.entityType,
      action: followUp ? 'followup' : r.action,
      actorName: r.actorName,
      changes: followUp
        ? []
        : r.changes.map((c) =>
            clear ? c : { field: c.field, old: maskValue(c.field, c.old), new: maskValue(c.field, c.new) },
          ),
      comment: r.comment,
      followUp,
    };
  });
}
