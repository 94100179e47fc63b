import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { marketForecasts, productDemands, promotionStages, promotions, researchReports } from './research.schema.ts';

type ViewPermission = 'research.view' | 'promotion.view' | 'demand.view' | 'demand.manage';

/** The data scope over an owner column and its department column (SPEC 1.2): the one filter every read uses. */
export async function ownerScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  p: ViewPermission,
  ownerCol: AnyPgColumn,
  deptCol: AnyPgColumn,
): Promise<SQL> {
  return scopeWhere(await resolveScope(ctx, p), ownerCol, deptCol);
}

const stale = (row: { version: number }, version?: number) => {
  if (version !== undefined && row.version !== version) throw new StaleVersionError();
};

/** A research report in the viewer's scope (404 otherwise), optionally locked and version-checked. */
export async function findReport(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lockVersion?: number) {
  const q = db
    .select()
    .from(researchReports)
    .where(
      and(
        eq(researchReports.id, id),
        await ownerScope(ctx, 'research.view', researchReports.ownerId, researchReports.ownerDeptId),
      ),
    );
  const [row] = lockVersion !== undefined ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  stale(row, lockVersion);
  return row;
}

/** A forecast in the viewer's scope (404 otherwise). */
export async function findForecast(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lockVersion?: number) {
  const q = db
    .select()
    .from(marketForecasts)
    .where(
      and(
        eq(marketForecasts.id, id),
        await ownerScope(ctx, 'research.view', marketForecasts.ownerId, marketForecasts.ownerDeptId),
      ),
    );
  const [row] = lockVersion !== undefined ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  stale(row, lockVersion);
  return row;
}

/** A promotion in the viewer's scope (404 otherwise). */
export async function findPromotion(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(promotions)
    .where(
      and(eq(promotions.id, id), await ownerScope(ctx, 'promotion.view', promotions.ownerId, promotions.ownerDeptId)),
    );
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** A promotion stage whose promotion is in scope (404 otherwise); changing it needs promotion.manage (403). */
export async function findStage(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lockVersion?: number) {
  const q = db
    .select({ s: promotionStages })
    .from(promotionStages)
    .innerJoin(promotions, eq(promotions.id, promotionStages.promotionId))
    .where(
      and(
        eq(promotionStages.id, id),
        await ownerScope(ctx, 'promotion.view', promotions.ownerId, promotions.ownerDeptId),
      ),
    );
  const [row] = lockVersion !== undefined ? await q.for('update', { of: promotionStages }) : await q;
  if (!row) throw new NotFoundError();
  if (lockVersion !== undefined && !can(ctx.principal, 'promotion.manage')) throw new ForbiddenError();
  stale(row.s, lockVersion);
  return row.s;
}

/** A demand entry in the viewer's scope for `p` (404 otherwise). */
export async function findDemand(
  ctx: Ctx,
  id: number,
  db: DbOrTx = ctx.db,
  p: 'demand.view' | 'demand.manage' = 'demand.view',
  lockVersion?: number,
) {
  const q = db
    .select()
    .from(productDemands)
    .where(
      and(eq(productDemands.id, id), await ownerScope(ctx, p, productDemands.ownerId, productDemands.ownerDeptId)),
    );
  const [row] = lockVersion !== undefined ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  stale(row, lockVersion);
  return row;
}
