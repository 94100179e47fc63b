import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { orderLines, orders } from './orders.schema.ts';

type OrderPermission = Extract<Permission, `order.${string}`>;

/** The data-scope filter for orders and one permission (the single scoped-query entry point, SPEC 1.2). */
export async function orderScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: OrderPermission = 'order.view',
): Promise<SQL> {
  const scope = await resolveScope(ctx, permission);
  return scopeWhere(scope, orders.ownerId, orders.ownerDeptId);
}

/** Loads an order the user may see with `permission`; unknown and out-of-scope ids are the same 404. */
export async function findOrderInScope(
  ctx: Ctx,
  id: number,
  permission: OrderPermission = 'order.view',
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const q = db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), await orderScope(ctx, permission)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Loads an order for a change needing `permission`, locked: 404 when the user cannot see it, 403
 * when they see it but the permission (or its scope) does not cover it.
 */
export async function findOrderForChange(ctx: Ctx, id: number, permission: OrderPermission, db: DbOrTx) {
  const row = await findOrderInScope(ctx, id, 'order.view', db, true);
  if (!ctx.principal.grants.has(permission)) throw new ForbiddenError();
  const [allowed] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, id), await orderScope(ctx, permission)));
  if (!allowed) throw new ForbiddenError();
  return row;
}

/** Lines of an order by line number (callers check scope on the order first). */
export async function orderLinesOf(db: DbOrTx, orderId: number) {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
}
