import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { type ResolvedScope, resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { salesPlanCells, salesPlans } from './plans.schema.ts';

/** The data-scope filter of plan rows: the row's rep and department (a rep sees their own target). */
export async function cellScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: 'plan.view' | 'plan.edit' = 'plan.view',
) {
  return scopeWhere(await resolveScope(ctx, permission), salesPlanCells.userId, salesPlanCells.deptId);
}

/**
 * A plan is visible when the viewer sees at least one of its rows (or created it): a plan holding
 * nothing of the viewer's scope does not exist for them (404, SPEC 1.2).
 */
export async function planScope(ctx: Pick<Ctx, 'db' | 'principal'>): Promise<SQL> {
  const scope = await resolveScope(ctx, 'plan.view');
  if (scope.all) return sql`true`;
  const cells = scopeWhere(scope, sql`c.user_id`, sql`c.dept_id`);
  return sql`(${salesPlans.createdBy} = ${ctx.principal.userId} or exists (
    select 1 from ${salesPlanCells} c where c.plan_id = ${salesPlans.id} and ${cells}))`;
}

/** A plan in the viewer's scope; unknown and out-of-scope ids answer the same 404. */
export async function findPlanInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(salesPlans)
    .where(and(eq(salesPlans.id, id), await planScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/** A plan to change, locked: 404 out of scope, 403 without the permission, 412 when stale. */
export async function findPlanForChange(
  ctx: Ctx,
  id: number,
  version: number,
  db: DbOrTx,
  permission: 'plan.edit' | 'plan.create',
) {
  const row = await findPlanInScope(ctx, id, db, true);
  if (!can(ctx.principal, permission)) throw new ForbiddenError();
  if (row.version !== version) throw new StaleVersionError();
  return row;
}

/**
 * Which rows a user may write (SPEC 2.1, issue 13: the director assigns the company and department
 * tasks, managers split their department): rows in the plan.edit scope, except the row of the
 * user's own department — that is the task handed down to them. An ALL scope writes every row.
 */
export function rowEditable(scope: ResolvedScope, ownDeptId: number, r: { deptId: number; userId: number | null }) {
  if (scope.all) return true;
  if (!scope.deptIds.includes(r.deptId)) return false;
  return r.userId !== null || r.deptId !== ownDeptId;
}
