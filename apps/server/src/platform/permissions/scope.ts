import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import { ForbiddenError } from '../errors/errors.ts';
import type { Principal } from './principal.ts';
import type { Permission } from './registry.ts';

/** A data scope resolved to concrete ids: rows owned by `userId` or in `deptIds`, or everything. */
export type ResolvedScope = { all: true } | { all: false; userId: number | null; deptIds: number[] };

async function subtreeIds(db: DbOrTx, paths: string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const rows = await db.execute<{ id: number }>(
    sql`select id from departments where path like any(${sql.param(paths.map((p) => `${p}%`))}::text[])`,
  );
  return rows.rows.map((r) => Number(r.id));
}

async function deptPaths(db: DbOrTx, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.execute<{ path: string }>(
    sql`select path from departments where id = any(${sql.param(ids)}::int[])`,
  );
  return rows.rows.map((r) => r.path);
}

/**
 * Memoised per principal object: list + count + masking would otherwise look up the same
 * department subtree several times in one request. A principal object lives for one request, or
 * — served by the principal cache (ADR 0005) — until any user, role, grant or department changes,
 * which is exactly what these lookups read, so the memo can never outlive its inputs.
 */
function memoised<T>(p: Principal, key: string, compute: () => Promise<T>): Promise<T> {
  let perPrincipal = memo.get(p);
  if (!perPrincipal) {
    perPrincipal = new Map();
    memo.set(p, perPrincipal);
  }
  let v = perPrincipal.get(key) as Promise<T> | undefined;
  if (!v) {
    const m = perPrincipal;
    v = compute();
    m.set(key, v);
    v.catch(() => m.delete(key));
  }
  return v;
}

const memo = new WeakMap<Principal, Map<string, Promise<unknown>>>();

/**
 * Resolves the union of the scopes of every role granting `permission` (SPEC 1.2).
 * Throws 403 when no role grants it at all.
 */
export function resolveScope(ctx: Pick<Ctx, 'db' | 'principal'>, permission: Permission): Promise<ResolvedScope> {
  return memoised(ctx.principal, `scope:${permission}`, () => computeScope(ctx, permission));
}

async function computeScope(ctx: Pick<Ctx, 'db' | 'principal'>, permission: Permission): Promise<ResolvedScope> {
  const p = ctx.principal;
  const grants = p.grants.get(permission);
  if (!grants || grants.length === 0) throw new ForbiddenError();
  if (grants.some((g) => g.scope === 'ALL')) return { all: true };
  const depts = new Set<number>();
  const treePaths: string[] = [];
  const customIds: number[] = [];
  for (const g of grants) {
    // SELF adds nothing beyond the owner rule below.
    if (g.scope === 'DEPT') depts.add(p.deptId);
    else if (g.scope === 'DEPT_TREE') treePaths.push(p.deptPath);
    else if (g.scope === 'CUSTOM') customIds.push(...g.customDeptIds);
  }
  for (const id of await subtreeIds(ctx.db, treePaths)) depts.add(id);
  for (const id of customIds) depts.add(id);
  // The owner always sees their own records, whatever the department scope.
  return { all: false, userId: p.userId, deptIds: [...depts] };
}

/** The WHERE fragment for a scope over a table's owner and owner-department columns (or column expressions of a derived table). */
export function scopeWhere(scope: ResolvedScope, ownerCol: AnyPgColumn | SQL, deptCol: AnyPgColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.userId !== null) parts.push(sql`${ownerCol} = ${scope.userId}`);
  if (scope.deptIds.length > 0) parts.push(sql`${deptCol} = any(${sql.param(scope.deptIds)}::int[])`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Departments whose records the principal sees unmasked as a superior (SPEC 1.2: the owner or
 * anyone above the owner): the subtrees of departments the user heads.
 */
export function managedDeptIds(db: DbOrTx, p: Principal): Promise<Set<number>> {
  return memoised(p, 'managed', () => computeManaged(db, p));
}

async function computeManaged(db: DbOrTx, p: Principal): Promise<Set<number>> {
  const headed = await db.execute<{ path: string }>(sql`select path from departments where head_user_id = ${p.userId}`);
  return new Set(
    await subtreeIds(
      db,
      headed.rows.map((r) => r.path),
    ),
  );
}

/** Users below the principal in the manager chain (上级 chain), for the masking rule. */
export function subordinateIds(db: DbOrTx, p: Principal): Promise<Set<number>> {
  return memoised(p, 'subordinates', async () => {
    const rows = await db.execute<{ id: number }>(sql`
    with recursive sub as (
      select id from users where manager_id = ${p.userId}
      union select u.id from users u join sub on u.manager_id = sub.id
    ) select id from sub`);
    return new Set(rows.rows.map((r) => Number(r.id)));
  });
}

export { deptPaths };
