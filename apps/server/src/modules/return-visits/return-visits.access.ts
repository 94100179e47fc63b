import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { returnVisits } from './return-visits.schema.ts';

/** The data-scope filter of return visits: who makes the call, or their department. */
export async function visitScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: 'visit.view' | 'visit.record' = 'visit.view',
): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, permission), returnVisits.ownerId, returnVisits.ownerDeptId);
}

/** A visit in the user's view scope; unknown and out-of-scope ids answer the same 404 (SPEC 1.2). */
export async function findVisitInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(returnVisits)
    .where(and(eq(returnVisits.id, id), await visitScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** A visit for a change, locked: 404 invisible, 403 without visit.record over it, 412 stale. */
export async function findVisitForChange(ctx: Ctx, id: number, version: number, db: DbOrTx) {
  const row = await findVisitInScope(ctx, id, db, true);
  if (!ctx.principal.grants.has('visit.record')) throw new ForbiddenError();
  const s = await resolveScope(ctx, 'visit.record');
  if (!(s.all || s.userId === row.ownerId || s.deptIds.includes(row.ownerDeptId))) throw new ForbiddenError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}
