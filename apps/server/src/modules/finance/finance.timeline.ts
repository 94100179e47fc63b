import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { users } from '../../platform/org/org.schema.ts';

/** Audit history of one finance record with the actors' names, newest first (callers check scope first). */
export async function financeTimeline(ctx: Ctx, entityType: string, entityId: number) {
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      changes: auditLog.changes,
      comment: auditLog.comment,
      actorId: auditLog.actorId,
      actorName: users.name,
      at: auditLog.at,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(200);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
