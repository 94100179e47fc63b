import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { milestoneProcesses } from './milestones.schema.ts';

type P = 'milestone.view' | 'milestone.handle';

/** The data-scope filter of post-sale processes: the deal's owner and department. */
export async function processScope(ctx: Pick<Ctx, 'db' | 'principal'>, permission: P = 'milestone.view'): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, permission), milestoneProcesses.ownerId, milestoneProcesses.ownerDeptId);
}

/** A process in the user's view scope; unknown and out-of-scope ids answer the same 404. */
export async function findProcessInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(milestoneProcesses)
    .where(and(eq(milestoneProcesses.id, id), await processScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** A process to change, locked: 404 out of view scope, 403 outside milestone.handle, 412 when stale. */
export async function findProcessForChange(ctx: Ctx, id: number, version: number, db: DbOrTx) {
  const row = await findProcessInScope(ctx, id, db, true);
  const s = await resolveScope(ctx, 'milestone.handle');
  if (!ctx.principal.grants.has('milestone.handle')) throw new ForbiddenError();
  if (!(s.all || s.userId === row.ownerId || s.deptIds.includes(row.ownerDeptId))) throw new ForbiddenError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}
