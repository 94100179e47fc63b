import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { salesReturns } from './returns.schema.ts';

/** The data-scope filter of sales returns: the order's owner and department (return.view). */
export async function returnScope(ctx: Pick<Ctx, 'db' | 'principal'>): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, 'return.view'), salesReturns.ownerId, salesReturns.ownerDeptId);
}

/** A return in the user's view scope; unknown and out-of-scope ids answer the same 404 (SPEC 1.2). */
export async function findReturnInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(salesReturns)
    .where(and(eq(salesReturns.id, id), await returnScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** Loads a return for a change, locked: 404 out of scope, 412 when it changed since the user loaded it. */
export async function findReturnForChange(ctx: Ctx, id: number, version: number, db: DbOrTx) {
  const row = await findReturnInScope(ctx, id, db, true);
  if (row.version !== version) throw new StaleVersionError();
  return row;
}
