import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { dealers } from './dealers.schema.ts';

type P = 'dealer.view' | 'dealer.manage' | 'dealer.review';

/** Dealers of the reps in scope: the owner, or the owner's department (SPEC 1.2), like customers. */
export async function dealerScope(ctx: Pick<Ctx, 'db' | 'principal'>, p: P = 'dealer.view'): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, p), dealers.ownerId, dealers.ownerDeptId);
}

/** A dealer in the viewer's scope for `p`; unknown and out-of-scope ids answer the same 404. */
export async function findDealerInScope(ctx: Ctx, id: number, p: P = 'dealer.view', db: DbOrTx = ctx.db) {
  const [row] = await db
    .select()
    .from(dealers)
    .where(and(eq(dealers.id, id), await dealerScope(ctx, p)));
  if (!row) throw new NotFoundError();
  return row;
}

/** A dealer to change, locked: 404 outside the `p` scope, 412 when the version is stale. */
export async function findDealerForChange(ctx: Ctx, id: number, db: DbOrTx, version: number, p: P) {
  const [row] = await db
    .select()
    .from(dealers)
    .where(and(eq(dealers.id, id), await dealerScope(ctx, p)))
    .for('update');
  if (!row) throw new NotFoundError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}

/** An active user in the `p` scope (the dealer's owner, a visitor): a field error otherwise. */
export async function userInScope(ctx: Ctx, db: DbOrTx, field: string, userId: number, p: P = 'dealer.manage') {
  const scope = scopeWhere(await resolveScope(ctx, p), users.id, users.deptId);
  const [row] = await db
    .select({ id: users.id, deptId: users.deptId, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), scope));
  if (!row) throw ValidationError.field(field, 'dealers.user_invalid');
  return row;
}
