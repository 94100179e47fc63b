import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { contracts } from './contracts.schema.ts';

type ContractPermission = Extract<Permission, `contract.${string}`>;

/** The data-scope filter for contracts and one permission (the single scoped-query entry point). */
export async function contractScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: ContractPermission = 'contract.view',
) {
  const scope = await resolveScope(ctx, permission);
  return scopeWhere(scope, contracts.ownerId, contracts.ownerDeptId);
}

/**
 * Loads a contract row the user may act on with `permission`. Unknown and out-of-scope ids answer
 * the same 404 (SPEC 1.2: no existence leak).
 */
export async function findContractInScope(
  ctx: Ctx,
  id: number,
  permission: ContractPermission = 'contract.view',
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const where = and(eq(contracts.id, id), await contractScope(ctx, permission));
  const q = db.select().from(contracts).where(where);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}
