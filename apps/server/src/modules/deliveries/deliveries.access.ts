import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { deliveries } from './deliveries.schema.ts';

export type DeliveryPermission = Extract<Permission, `delivery.${string}`>;

/**
 * The data-scope filter for deliveries and one permission — the single scoped-query entry point
 * (by id, list, count, PDF, traceability). A delivery carries its order's owner and department.
 */
export async function deliveryScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: DeliveryPermission = 'delivery.view',
): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, permission), deliveries.ownerId, deliveries.ownerDeptId);
}

/**
 * Loads a delivery the user may act on with `permission`. Unknown and out-of-scope ids answer the
 * same 404 (SPEC 1.2: no existence leak); a visible note without the permission's scope also 404s.
 */
export async function findDeliveryInScope(
  ctx: Ctx,
  id: number,
  permission: DeliveryPermission = 'delivery.view',
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const q = db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.id, id), await deliveryScope(ctx, permission)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** Whether a record owned by (ownerId, deptId) falls in the user's scope for `permission`. */
export async function inScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: Permission,
  ownerId: number,
  deptId: number,
) {
  const s = await resolveScope(ctx, permission);
  return s.all || s.userId === ownerId || s.deptIds.includes(deptId);
}

/**
 * Loads a delivery for a change needing `permission`, locked: 404 when the user cannot see it
 * (like an unknown id), 403 when they see it but the permission or its scope does not cover it.
 * Routes gate on delivery.view so that an invisible note always answers 404 first.
 */
export async function findDeliveryForChange(ctx: Ctx, id: number, permission: DeliveryPermission, db: DbOrTx) {
  const row = await findDeliveryInScope(ctx, id, 'delivery.view', db, true);
  if (!ctx.principal.grants.has(permission) || !(await inScope(ctx, permission, row.ownerId, row.ownerDeptId)))
    throw new ForbiddenError();
  return row;
}
