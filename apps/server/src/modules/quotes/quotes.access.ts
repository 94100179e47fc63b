import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope, scopeWhere } from '../../platform/permissions/scope.ts';
import { quotes } from './quotes.schema.ts';

type QuotePermission = Extract<Permission, `quote.${string}`>;

/**
 * The data-scope filter for quotes and one permission — the single scoped-query entry point: by
 * id, list, count, export, versions, PDF and timeline all go through it (SPEC 1.2).
 */
export async function quoteScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: QuotePermission = 'quote.view',
): Promise<SQL> {
  const scope = await resolveScope(ctx, permission);
  return scopeWhere(scope, quotes.ownerId, quotes.ownerDeptId) as SQL;
}

/**
 * Loads a quote row the user may act on with `permission`. Unknown and out-of-scope ids answer
 * the same 404 (no existence leak).
 */
export async function findQuoteInScope(
  ctx: Ctx,
  id: number,
  permission: QuotePermission = 'quote.view',
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const q = db
    .select()
    .from(quotes)
    .where(and(eq(quotes.id, id), await quoteScope(ctx, permission)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}
