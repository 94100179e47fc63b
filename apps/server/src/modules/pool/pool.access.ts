import { maskAddress, maskEmail, maskIdNumber, maskPhone } from '@sales/core';
import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { customers } from '../customers/index.ts';
import { pools } from './pool.schema.ts';

export type PoolPermission = Extract<Permission, 'pool.view' | 'pool.claim' | 'pool.manage'>;

/**
 * The pools a user reaches with `permission` (the single scope rule of the public pool):
 * every pool for an ALL grant; otherwise the pools with a member department in the grant's
 * departments, plus — for view and claim — the pools the user belongs to (a member department is
 * the user's department or above it). Throws 403 without the permission.
 */
export async function poolIdsInScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: PoolPermission,
  db: DbOrTx = ctx.db,
): Promise<number[] | 'all'> {
  const scope = await resolveScope(ctx, permission);
  if (scope.all) return 'all';
  const membership = permission !== 'pool.manage';
  const res = await db.execute<{ pool_id: number }>(sql`
    select distinct pm.pool_id from pool_members pm join departments d on d.id = pm.dept_id
    where ${membership ? sql`${ctx.principal.deptPath} like d.path || '%'` : sql`false`}
       or pm.dept_id = any(${sql.param(scope.deptIds)}::int[])`);
  return res.rows.map((r) => Number(r.pool_id));
}

/** WHERE for pools within reach. */
export function poolWhere(ids: number[] | 'all'): SQL | undefined {
  return ids === 'all' ? undefined : inArray(pools.id, ids.length ? ids : [-1]);
}

/** WHERE for customers sitting in a pool within reach (no owner, not deleted). */
export async function poolCustomerScope(
  ctx: Pick<Ctx, 'db' | 'principal'>,
  permission: PoolPermission = 'pool.view',
  db: DbOrTx = ctx.db,
) {
  const ids = await poolIdsInScope(ctx, permission, db);
  return and(
    isNull(customers.ownerId),
    isNull(customers.deletedAt),
    ids === 'all' ? isNotNull(customers.poolId) : inArray(customers.poolId, ids.length ? ids : [-1]),
  ) as SQL;
}

/**
 * Loads a pool customer the user may act on with `permission`. A customer outside the user's
 * pools, claimed meanwhile, deleted or unknown answers the same 404 (no existence leak).
 */
export async function findPoolCustomerInScope(
  ctx: Ctx,
  id: number,
  permission: PoolPermission = 'pool.view',
  db: DbOrTx = ctx.db,
) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), await poolCustomerScope(ctx, permission, db)));
  if (!row) throw new NotFoundError();
  return row;
}

/** Loads a pool the user reaches with `permission`, or 404. */
export async function findPoolInScope(
  ctx: Ctx,
  id: number,
  permission: PoolPermission,
  db: DbOrTx = ctx.db,
  lock = false,
) {
  const ids = await poolIdsInScope(ctx, permission, db);
  if (ids !== 'all' && !ids.includes(id)) throw new NotFoundError();
  const q = db.select().from(pools).where(eq(pools.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError();
  return row;
}

// While a customer is in the pool nobody owns it: its contact details are masked for everybody
// (SPEC 1.2 / 2.4); the claimer sees them in clear once it is theirs.
const MASK: Record<string, (v: string) => string> = {
  mobile: maskPhone,
  phone: maskPhone,
  email: maskEmail,
  address: maskAddress,
  idNumber: maskIdNumber,
};

/** A copy of a pool row with every contact detail masked. */
export function maskPoolRow<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [f, mask] of Object.entries(MASK)) {
    const v = out[f];
    if (typeof v === 'string' && v) out[f] = mask(v);
  }
  return out as T;
}

/**
 * The pool a customer returns to: its home pool, else the pool whose member department is
 * nearest above the owner's department, else the company's default pool (公共客户池).
 */
export async function homePoolId(
  db: DbOrTx,
  c: { poolId: number | null; ownerDeptId: number | null },
): Promise<number | null> {
  if (c.poolId) return c.poolId;
  const res = await db.execute<{ id: number }>(sql`
    select id from (
      select pm.pool_id as id, length(md.path) as depth, 1 as rank
        from pool_members pm
        join departments md on md.id = pm.dept_id
        join departments od on od.id = ${c.ownerDeptId ?? -1}
       where od.path like md.path || '%'
      union all
      select id, -1, 2 from pools where is_default
    ) t order by rank, depth desc, id limit 1`);
  return res.rows[0] ? Number(res.rows[0].id) : null;
}
