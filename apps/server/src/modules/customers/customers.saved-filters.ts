import { CustomerFilterQuery, type SavedCustomerFilterInput, type SavedCustomerFilterUpdate } from '@sales/core';
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import type { CustomerFilter } from './customers.list.ts';
import { customerSavedFilters as sf } from './customers.schema.ts';

/**
 * Saved customer filters (issue 14 item 3). Visibility: a filter is private to its owner, or, when
 * `shared`, read-only for the users of the owner's department (dept_id, set on save and on each
 * change). Only the owner renames, re-shares or deletes it. A filter another user cannot see is a
 * 404 on every surface, like an unknown id.
 */
const AUDITED = ['name', 'shared', 'filter'] as const;

const visible = (ctx: Ctx): SQL =>
  or(eq(sf.ownerId, ctx.principal.userId), and(eq(sf.shared, true), eq(sf.deptId, ctx.principal.deptId))) as SQL;

/** The filter in its query-string form parsed with the list's own schema; refused field by field. */
function parseFilter(params: Record<string, string>): CustomerFilter {
  const r = CustomerFilterQuery.safeParse(params);
  if (!r.success) {
    const i = r.error.issues[0];
    const key = (i as { params?: { key?: string } }).params?.key ?? 'validation.invalid_value';
    throw ValidationError.field(`filter.${String(i.path[0] ?? '')}`, key);
  }
  return r.data;
}

/** Drops empty values, so a saved filter keeps only the filters actually set. */
const compact = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v.trim() !== ''));

async function findVisible(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false) {
  const q = db
    .select()
    .from(sf)
    .where(and(eq(sf.id, id), visible(ctx)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

async function nameTaken<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw ValidationError.field('name', 'customer.savedFilter.name_taken');
    throw err;
  }
}

/** The saved filters the user sees: his own first, then those shared with his department; by name. */
export async function listSavedCustomerFilters(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      id: sf.id,
      name: sf.name,
      shared: sf.shared,
      filter: sf.filter,
      ownerId: sf.ownerId,
      ownerName: users.name,
      version: sf.version,
      updatedAt: sf.updatedAt,
    })
    .from(sf)
    .innerJoin(users, eq(users.id, sf.ownerId))
    .where(visible(ctx))
    .orderBy(sql`${sf.ownerId} <> ${ctx.principal.userId}`, asc(sf.name), asc(sf.id))
    .limit(200);
  return { items: rows.map((r) => present(ctx, r)) };
}

function present<T extends { ownerId: number; updatedAt: Date }>(ctx: Ctx, r: T) {
  return { ...r, mine: r.ownerId === ctx.principal.userId, updatedAt: r.updatedAt.toISOString() };
}

/** One saved filter the user sees (404 otherwise). */
export async function getSavedCustomerFilter(ctx: Ctx, id: number) {
  return present(ctx, await findVisible(ctx, id));
}

/** Saves the current list filter under a name (validated with the list's schema). */
export async function createSavedCustomerFilter(ctx: Ctx, input: SavedCustomerFilterInput) {
  const filter = compact(input.filter);
  parseFilter(filter);
  const row = await nameTaken(() =>
    ctx.db.transaction(async (tx) => {
      const values = {
        ownerId: ctx.principal.userId,
        deptId: ctx.principal.deptId,
        name: input.name,
        shared: input.shared,
        filter,
      };
      const [created] = await tx.insert(sf).values(values).returning();
      await recordAudit(tx, ctx, {
        entityType: 'customer_saved_filter',
        entityId: created.id,
        action: 'create',
        changes: createdFields(values, AUDITED),
      });
      return created;
    }),
  );
  return present(ctx, row);
}

/** Renames a saved filter or changes its sharing; the owner only, at the current version. */
export async function updateSavedCustomerFilter(
  ctx: Ctx,
  id: number,
  input: SavedCustomerFilterUpdate & { version: number },
) {
  const row = await nameTaken(() =>
    ctx.db.transaction(async (tx) => {
      const cur = await findVisible(ctx, id, tx, true);
      if (cur.ownerId !== ctx.principal.userId) throw new ForbiddenError();
      if (cur.version !== input.version) throw new StaleVersionError();
      const values = { name: input.name, shared: input.shared, deptId: ctx.principal.deptId };
      const changes = diffFields(cur, { ...values, filter: cur.filter }, AUDITED);
      if (changes.length === 0) return cur;
      const [updated] = await tx
        .update(sf)
        .set({ ...values, version: cur.version + 1, updatedAt: sql`now()` })
        .where(eq(sf.id, id))
        .returning();
      await recordAudit(tx, ctx, { entityType: 'customer_saved_filter', entityId: id, action: 'update', changes });
      return updated;
    }),
  );
  return present(ctx, row);
}

/** Deletes a saved filter; the owner only. */
export async function deleteSavedCustomerFilter(ctx: Ctx, id: number, version: number) {
  await ctx.db.transaction(async (tx) => {
    const cur = await findVisible(ctx, id, tx, true);
    if (cur.ownerId !== ctx.principal.userId) throw new ForbiddenError();
    if (cur.version !== version) throw new StaleVersionError();
    await tx.delete(sf).where(eq(sf.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'customer_saved_filter',
      entityId: id,
      action: 'delete',
      changes: diffFields(cur, { name: null, shared: null, filter: null }, AUDITED),
    });
  });
  return { ok: true };
}

/**
 * The CustomerFilter a saved filter stands for, validated again with the list's schema (a filter
 * saved before a dictionary change is refused, not half-applied). 404 if the user cannot see it.
 * Callers combine it with customerWhere(ctx, filter), so the user's data scope always applies
 * (the event invitations pick customers this way).
 */
export async function resolveSavedCustomerFilter(ctx: Ctx, savedFilterId: number): Promise<CustomerFilter> {
  const row = await findVisible(ctx, savedFilterId);
  return parseFilter(row.filter);
}
