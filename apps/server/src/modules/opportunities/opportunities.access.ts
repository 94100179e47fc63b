import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { opportunities, opportunityProposals } from './opportunities.schema.ts';

type OpportunityPermission = Extract<Permission, `opportunity.${string}`>;

/**
 * The data-scope filter for opportunities and one permission — the single scoped-query entry
 * point: by id, list, count, kanban, export and timeline all go through it (SPEC 1.2).
 */
export async function opportunityScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: OpportunityPermission = 'opportunity.view',
): Promise<SQL> {
  const scope = await resolveScope(ctx, permission);
  return and(
    scopeWhere(scope, opportunities.ownerId, opportunities.ownerDeptId),
    isNull(opportunities.deletedAt),
  ) as SQL;
}

/**
 * Loads an opportunity row the user may see. Unknown, deleted and out-of-scope ids all answer the
 * same 404 (no existence leak).
 */
export async function findOpportunityInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.id, id), await opportunityScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Loads an opportunity for a change needing `permission`, locked: 404 when the user cannot see it,
 * 403 when they see it but the permission's scope does not cover it.
 */
export async function findOpportunityForChange(
  ctx: Ctx,
  id: number,
  db: DbOrTx,
  permission: OpportunityPermission = 'opportunity.edit',
) {
  const row = await findOpportunityInScope(ctx, id, db, true);
  const [allowed] = await db
    .select({ id: opportunities.id })
    .from(opportunities)
    .where(and(eq(opportunities.id, id), await opportunityScope(ctx, permission)));
  if (!allowed) throw new ForbiddenError();
  return row;
}

/** Loads a proposal whose opportunity the user may see (404 otherwise, like an unknown id). */
export async function findProposalInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db) {
  const [row] = await db
    .select({ proposal: opportunityProposals })
    .from(opportunityProposals)
    .innerJoin(opportunities, eq(opportunities.id, opportunityProposals.opportunityId))
    .where(and(eq(opportunityProposals.id, id), isNull(opportunityProposals.deletedAt), await opportunityScope(ctx)));
  if (!row) throw new NotFoundError();
  return row.proposal;
}
