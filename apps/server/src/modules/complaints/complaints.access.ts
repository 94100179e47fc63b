import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { complaintInvestigators, complaints } from './complaints.schema.ts';

type ComplaintPermission = 'complaint.view' | 'complaint.handle';

/**
 * The data-scope filter of complaints: owner (the customer's owner when filed) or their department —
 * plus, for viewing, the complaints the user was asked to investigate (seed 000 4.2.2).
 */
export async function complaintScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: ComplaintPermission = 'complaint.view',
): Promise<SQL> {
  const own = scopeWhere(await resolveScope(ctx, permission), complaints.ownerId, complaints.ownerDeptId);
  if (permission !== 'complaint.view') return own;
  return or(
    own,
    sql`${complaints.id} in (select ${complaintInvestigators.complaintId} from ${complaintInvestigators} where ${complaintInvestigators.userId} = ${ctx.principal.userId})`,
  ) as SQL;
}

/** A complaint in the user's view scope; unknown and out-of-scope ids answer the same 404 (SPEC 1.2). */
export async function findComplaintInScope(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), await complaintScope(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * Loads a complaint for a change, locked: 404 when the user cannot see it, 403 when `handle` is
 * needed and complaint.handle (or its scope) does not cover it, 412 when it changed since loaded.
 */
export async function findComplaintForChange(
  ctx: Ctx,
  id: number,
  version: number,
  db: DbOrTx,
  need: 'handle' | 'view' = 'handle',
) {
  const row = await findComplaintInScope(ctx, id, db, true);
  if (need === 'handle') {
    if (!ctx.principal.grants.has('complaint.handle')) throw new ForbiddenError();
    const s = await resolveScope(ctx, 'complaint.handle');
    if (!(s.all || s.userId === row.ownerId || s.deptIds.includes(row.ownerDeptId))) throw new ForbiddenError();
  }
  if (row.version !== version) throw new StaleVersionError();
  return row;
}
