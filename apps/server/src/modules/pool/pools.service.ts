import type { PoolInput } from '@sales/core';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { departments } from '../../platform/org/org.schema.ts';
import { resolveScope } from '../../platform/permissions/scope.ts';
import { customers } from '../customers/index.ts';
import { findPoolInScope, poolIdsInScope, poolWhere } from './pool.access.ts';
import { poolMembers, pools } from './pool.schema.ts';

const FIELDS = ['name', 'description', 'memberDeptIds'] as const;
export const DEFAULT_POOL_NAME = '公共客户池';

/** Pools with member departments and how many customers sit in each. */
async function poolViews(ctx: Ctx, ids: number[] | 'all') {
  const rows = await ctx.db.select().from(pools).where(poolWhere(ids)).orderBy(asc(pools.id));
  if (rows.length === 0) return [];
  const poolIds = rows.map((r) => r.id);
  const [members, counts, manageable] = await Promise.all([
    ctx.db
      .select({ poolId: poolMembers.poolId, id: departments.id, name: departments.name })
      .from(poolMembers)
      .innerJoin(departments, eq(departments.id, poolMembers.deptId))
      .where(inArray(poolMembers.poolId, poolIds))
      .orderBy(asc(departments.path)),
    ctx.db
      .select({ poolId: customers.poolId, n: sql<number>`count(*)::int` })
      .from(customers)
      .where(and(inArray(customers.poolId, poolIds), isNull(customers.ownerId), isNull(customers.deletedAt)))
      .groupBy(customers.poolId),
    poolIdsInScope(ctx, 'pool.manage').catch(() => [] as number[]),
  ]);
  const count = new Map(counts.map((c) => [c.poolId, c.n]));
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    isDefault: p.isDefault,
    memberDepts: members.filter((m) => m.poolId === p.id).map(({ id, name }) => ({ id, name })),
    customerCount: count.get(p.id) ?? 0,
    canManage: manageable === 'all' || manageable.includes(p.id),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }));
}

/** The pools the user belongs to or reaches through their scope. */
export async function listPools(ctx: Ctx) {
  return poolViews(ctx, await poolIdsInScope(ctx, 'pool.view'));
}

/** One pool; 404 outside the user's reach. */
export async function getPool(ctx: Ctx, id: number) {
  await findPoolInScope(ctx, id, 'pool.view');
  const [view] = await poolViews(ctx, [id]);
  return view;
}

/** Member departments must exist and, short of an ALL grant, lie within the manager's scope. */
async function checkMembers(ctx: Ctx, tx: Tx, deptIds: number[]) {
  const ids = [...new Set(deptIds)];
  const found = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
  if (found.length !== ids.length) throw ValidationError.field('memberDeptIds', 'validation.invalid_value');
  const scope = await resolveScope(ctx, 'pool.manage');
  if (!scope.all && ids.some((d) => !scope.deptIds.includes(d)))
    throw ValidationError.field('memberDeptIds', 'pool.member_out_of_scope');
  return ids.sort((a, b) => a - b);
}

/** Creates a pool for some departments (公海 of a branch or team). */
export async function createPool(ctx: Ctx, input: PoolInput) {
  const id = await ctx.db.transaction(async (tx) => {
    const memberDeptIds = await checkMembers(ctx, tx, input.memberDeptIds);
    const [row] = await tx
      .insert(pools)
      .values({ name: input.name, description: input.description })
      .returning({ id: pools.id });
    await tx.insert(poolMembers).values(memberDeptIds.map((deptId) => ({ poolId: row.id, deptId })));
    await recordAudit(tx, ctx, {
      entityType: 'pool',
      entityId: row.id,
      action: 'create',
      changes: createdFields({ ...input, memberDeptIds }, FIELDS),
    });
    return row.id;
  });
  return getPool(ctx, id);
}

/** Renames a pool or changes its member departments (versioned). */
export async function updatePool(ctx: Ctx, id: number, input: PoolInput & { version: number }) {
  await ctx.db.transaction(async (tx) => {
    const cur = await findPoolInScope(ctx, id, 'pool.manage', tx, true);
    if (cur.version !== input.version) throw new StaleVersionError();
    const memberDeptIds = await checkMembers(ctx, tx, input.memberDeptIds);
    const old = await tx
      .select({ deptId: poolMembers.deptId })
      .from(poolMembers)
      .where(eq(poolMembers.poolId, id))
      .orderBy(asc(poolMembers.deptId));
    const changes = diffFields(
      { ...cur, memberDeptIds: old.map((m) => m.deptId) },
      { ...input, memberDeptIds },
      FIELDS,
    );
    if (changes.length === 0) return;
    await tx
      .update(pools)
      .set({ name: input.name, description: input.description, version: cur.version + 1, updatedAt: sql`now()` })
      .where(eq(pools.id, id));
    await tx.delete(poolMembers).where(eq(poolMembers.poolId, id));
    await tx.insert(poolMembers).values(memberDeptIds.map((deptId) => ({ poolId: id, deptId })));
    await recordAudit(tx, ctx, { entityType: 'pool', entityId: id, action: 'update', changes });
  });
  return getPool(ctx, id);
}

/**
 * Installs the company's default pool (公共客户池) when none exists, open to every department
 * under the top-level department(s). Idempotent.
 */
export async function seedDefaultPool(db: Db) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727004)`);
    const [existing] = await tx.select({ id: pools.id }).from(pools).where(eq(pools.isDefault, true));
    if (existing) return;
    const roots = await tx.select({ id: departments.id }).from(departments).where(isNull(departments.parentId));
    if (roots.length === 0) return;
    const [row] = await tx
      .insert(pools)
      .values({
        name: DEFAULT_POOL_NAME,
        description: '默认公海：回收和退回的客户，全公司销售人员可见可领取',
        isDefault: true,
      })
      .onConflictDoNothing()
      .returning({ id: pools.id });
    if (!row) return;
    await tx.insert(poolMembers).values(roots.map((r) => ({ poolId: row.id, deptId: r.id })));
  });
}
