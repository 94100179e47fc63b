import { desc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, type FieldChange } from '../../platform/audit/audit.schema.ts';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { findCustomerInScope, maskValue, PERSONAL_FIELDS, unmaskPolicy } from './customers.access.ts';

const PERSONAL = new Set<string>(PERSONAL_FIELDS);

import { listFollowUps } from './follow-ups.service.ts';

/** Shows user and department ids in changes (owner, department) as names. */
async function referenceNames(ctx: Ctx, changes: FieldChange[]) {
  const userIds = new Set<number>();
  const deptIds = new Set<number>();
  for (const c of changes) {
    const set = c.field === 'ownerId' ? userIds : c.field === 'ownerDeptId' ? deptIds : null;
    for (const v of [c.old, c.new]) if (set && typeof v === 'number') set.add(v);
  }
  const [us, ds] = await Promise.all([
    userIds.size
      ? ctx.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...userIds]))
      : [],
    deptIds.size
      ? ctx.db
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(inArray(departments.id, [...deptIds]))
      : [],
  ]);
  const user = new Map(us.map((u) => [u.id, u.name]));
  const dept = new Map(ds.map((d) => [d.id, d.name]));
  return (field: string, v: unknown) =>
    field === 'ownerId' ? (user.get(v as number) ?? v) : field === 'ownerDeptId' ? (dept.get(v as number) ?? v) : v;
}

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
  const names = await referenceNames(
    ctx,
    rows.flatMap((r) => r.changes),
  );
  if (clear) {
    const personal = new Set(rows.flatMap((r) => r.changes.map((c) => c.field)).filter((f) => PERSONAL.has(f)));
    await recordAccess(ctx.db, ctx, 'customer', [customerId], [...personal], 'customer.timeline');
  }
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
        : r.changes.map((c) => {
            const show = (v: unknown) => names(c.field, clear ? v : maskValue(c.field, v));
            return { field: c.field, old: show(c.old), new: show(c.new) };
          }),
      comment: r.comment,
      followUp,
    };
  });
}
