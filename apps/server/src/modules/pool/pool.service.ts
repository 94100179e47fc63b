import type { BulkItems, CustomerLockInput, PoolAssignInput, PoolMoveInput, PoolReleaseInput } from '@sales/core';
import { and, count, eq, isNotNull, isNull, max, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../platform/errors/errors.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { users } from '../../platform/org/org.schema.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { companyDate } from '../../platform/time.ts';
import { customers, findCustomerInScope } from '../customers/index.ts';
import { assertActiveForSales } from '../training/index.ts';
import { findPoolCustomerInScope, findPoolInScope, homePoolId, poolIdsInScope } from './pool.access.ts';
import { poolHistory, poolReclaimNotices } from './pool.schema.ts';

type CustomerRow = typeof customers.$inferSelect;
const DAY = 86_400_000;

/** Locks a user's row: claims and locks of one rep are serialised, so limits hold under concurrency. */
async function lockUser(tx: Tx, userId: number) {
  const [u] = await tx
    .select({ id: users.id, deptId: users.deptId, active: users.active, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .for('no key update');
  return u ?? null;
}

async function lockCustomer(tx: Tx, id: number): Promise<CustomerRow> {
  const [c] = await tx.select().from(customers).where(eq(customers.id, id)).for('update');
  if (!c || c.deletedAt) throw new NotFoundError();
  return c;
}

/**
 * Gives a pool customer its owner (claim, manager assignment, front-desk routing), audited. A new
 * rep before the onboarding training is passed owns none (SPEC 5.4): `field` names the refused owner.
 */
async function setOwner(
  tx: Tx,
  ctx: Ctx,
  c: CustomerRow,
  userId: number,
  deptId: number,
  action: string,
  comment: string | null,
  field = 'ownerId',
) {
  await assertActiveForSales(tx, userId, field);
  const [row] = await tx
    .update(customers)
    .set({
      ownerId: userId,
      ownerDeptId: deptId,
      assignedAt: ctx.now(),
      poolEnteredAt: null,
      lockedAt: null,
      lockedBy: null,
      version: c.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, c.id))
    .returning({ id: customers.id, version: customers.version });
  await tx.delete(poolReclaimNotices).where(eq(poolReclaimNotices.customerId, c.id));
  await recordAudit(tx, ctx, {
    entityType: 'customer',
    entityId: c.id,
    action,
    changes: [
      { field: 'ownerId', old: null, new: userId },
      { field: 'ownerDeptId', old: null, new: deptId },
    ],
    comment,
  });
  return { id: row.id, ownerId: userId, poolId: c.poolId, version: row.version };
}

/** 退回公海后原负责人 D 天内不得再领取 (policy pool.reclaimBlockDays). */
async function assertNotBlocked(tx: Tx, ctx: Ctx, customerId: number, userId: number) {
  const days = await getPolicy(tx, 'pool.reclaimBlockDays');
  if (days <= 0) return;
  const [{ last }] = await tx
    .select({ last: max(poolHistory.releasedAt) })
    .from(poolHistory)
    .where(and(eq(poolHistory.customerId, customerId), eq(poolHistory.userId, userId)));
  if (!last) return;
  const until = new Date(new Date(last).getTime() + days * DAY);
  if (until > ctx.now())
    throw new ConflictError(
      'pool.claim.blocked',
      { days, date: companyDate(until) },
      { blockedUntil: until.toISOString() },
    );
}

/** Claims a customer from a pool the user belongs to, within the per-rep limit (pool.maxOwnedCustomers). */
export async function claimFromPool(ctx: Ctx, id: number) {
  return ctx.db.transaction(async (tx) => {
    const me = ctx.principal.userId;
    const reach = await poolIdsInScope(ctx, 'pool.claim', tx);
    const user = await lockUser(tx, me);
    if (!user?.active) throw new ForbiddenError();
    const c = await lockCustomer(tx, id);
    if (c.poolId === null || (reach !== 'all' && !reach.includes(c.poolId))) throw new NotFoundError();
    // Claimed meanwhile from a pool of the user's: say so (it was visible to them a moment ago).
    if (c.ownerId !== null) throw new ConflictError('pool.claim.taken');
    await assertNotBlocked(tx, ctx, id, me);
    const limit = await getPolicy(tx, 'pool.maxOwnedCustomers');
    const [{ n }] = await tx
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.ownerId, me), isNull(customers.deletedAt), isNull(customers.archivedAt)));
    if (n >= limit) throw new ConflictError('pool.claim.limit', { max: limit });
    return setOwner(tx, ctx, c, me, user.deptId, 'claim', null);
  });
}

/**
 * Releases an owned customer to a pool with a reason (its home pool unless one is chosen). The
 * owner releases their own; a manager with transfer rights over it may release it for them.
 */
export async function releaseToPool(ctx: Ctx, id: number, input: PoolReleaseInput) {
  return ctx.db.transaction((tx) => releaseToPoolInTx(tx, ctx, id, input));
}

/**
 * 批量放入公海: the same release for each selected customer, in one transaction — all or nothing
 * (a customer out of scope: 404 for the batch; not owned: 409; stale: 412). Rows go in id order, so
 * overlapping batches cannot deadlock.
 */
export async function bulkReleaseToPool(ctx: Ctx, input: { items: BulkItems; reason: string; poolId: number | null }) {
  const items = [...input.items].sort((a, b) => a.id - b.id);
  await ctx.db.transaction(async (tx) => {
    for (const { id, version } of items)
      await releaseToPoolInTx(tx, ctx, id, { reason: input.reason, poolId: input.poolId, version });
  });
  return { ok: true, count: items.length };
}

async function releaseToPoolInTx(tx: Tx, ctx: Ctx, id: number, input: PoolReleaseInput) {
  const me = ctx.principal.userId;
  const cur = await findCustomerInScope(ctx, id, 'customer.view', tx, true);
  if (cur.ownerId === null) throw new ConflictError('pool.not_owned');
  const how = cur.ownerId === me ? ('release' as const) : ('transfer' as const);
  if (how === 'transfer')
    await findCustomerInScope(ctx, id, 'customer.transfer', tx).catch(() => {
      throw new ForbiddenError();
    });
  if (cur.version !== input.version) throw new StaleVersionError();
  const poolId = input.poolId
    ? (
        await findPoolInScope(ctx, input.poolId, 'pool.claim', tx).catch(() => {
          throw ValidationError.field('poolId', 'pool.invalid');
        })
      ).id
    : await homePoolId(tx, cur);
  if (!poolId) throw new ConflictError('pool.none');
  const now = ctx.now();
  const [row] = await tx
    .update(customers)
    .set({
      ownerId: null,
      ownerDeptId: null,
      poolId,
      poolEnteredAt: now,
      assignedAt: null,
      lockedAt: null,
      lockedBy: null,
      version: cur.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, id))
    .returning({ version: customers.version });
  await tx
    .insert(poolHistory)
    .values({ customerId: id, userId: cur.ownerId, poolId, releasedAt: now, reason: input.reason, how, actorId: me });
  await tx.delete(poolReclaimNotices).where(eq(poolReclaimNotices.customerId, id));
  await recordAudit(tx, ctx, {
    entityType: 'customer',
    entityId: id,
    action: 'release',
    changes: [
      { field: 'ownerId', old: cur.ownerId, new: null },
      { field: 'ownerDeptId', old: cur.ownerDeptId, new: null },
      ...(cur.poolId !== poolId ? [{ field: 'poolId', old: cur.poolId, new: poolId }] : []),
      ...(cur.lockedAt ? [{ field: 'lockedAt', old: cur.lockedAt.toISOString(), new: null }] : []),
    ],
    comment: input.reason,
  });
  if (how === 'transfer')
    await notify(tx, [cur.ownerId], {
      kind: 'pool.released',
      titleKey: 'notify.pool.released',
      params: { customerName: cur.name, customerNo: cur.no, reason: input.reason },
      link: null,
    });
  return { id, poolId, how, version: row.version };
}

/** Moves a pool customer to another pool (managers, both pools within their reach). */
export async function movePoolCustomer(ctx: Ctx, id: number, input: PoolMoveInput) {
  return ctx.db.transaction(async (tx) => {
    await findPoolCustomerInScope(ctx, id, 'pool.manage', tx);
    const c = await lockCustomer(tx, id);
    if (c.ownerId !== null) throw new NotFoundError();
    if (c.version !== input.version) throw new StaleVersionError();
    const to = await findPoolInScope(ctx, input.toPoolId, 'pool.manage', tx).catch(() => {
      throw ValidationError.field('toPoolId', 'pool.invalid');
    });
    if (to.id === c.poolId) throw ValidationError.field('toPoolId', 'pool.move.same');
    const [row] = await tx
      .update(customers)
      .set({ poolId: to.id, version: c.version + 1, updatedAt: sql`now()` })
      .where(eq(customers.id, id))
      .returning({ version: customers.version });
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: id,
      action: 'pool_move',
      changes: [{ field: 'poolId', old: c.poolId, new: to.id }],
      comment: input.reason,
    });
    return { id, poolId: to.id, version: row.version };
  });
}

/** True when the user's department is a member department of the pool, or below one. */
async function isPoolMember(tx: Tx, poolId: number, userId: number) {
  const res = await tx.execute(sql`
    select 1 from users u join departments ud on ud.id = u.dept_id, pool_members pm join departments md on md.id = pm.dept_id
    where u.id = ${userId} and pm.pool_id = ${poolId} and ud.path like md.path || '%' limit 1`);
  return res.rows.length > 0;
}

/** Assigns a pool customer to a rep of the pool (managers; the claim limit is the manager's call). */
export async function assignFromPool(ctx: Ctx, id: number, input: PoolAssignInput) {
  return ctx.db.transaction(async (tx) => {
    await findPoolCustomerInScope(ctx, id, 'pool.manage', tx);
    const user = await lockUser(tx, input.toUserId);
    if (!user?.active) throw ValidationError.field('toUserId', 'customer.owner.invalid');
    const c = await lockCustomer(tx, id);
    if (c.ownerId !== null) throw new NotFoundError();
    if (c.version !== input.version) throw new StaleVersionError();
    if (!c.poolId || !(await isPoolMember(tx, c.poolId, user.id)))
      throw ValidationError.field('toUserId', 'pool.assign.not_member');
    const out = await setOwner(tx, ctx, c, user.id, user.deptId, 'pool_assign', input.reason, 'toUserId');
    await notify(tx, [user.id], {
      kind: 'pool.assigned',
      titleKey: 'notify.pool.assigned',
      params: { customerName: c.name, customerNo: c.no, reason: input.reason },
      link: `/customers/${c.id}`,
    });
    return out;
  });
}

/**
 * Gives a pool customer to a rep inside the caller's transaction (front-desk routing of a
 * returning visitor whose customer sits in the pool). 409 if someone claimed it meanwhile.
 */
export async function assignPoolCustomerInTx(tx: Tx, ctx: Ctx, customerId: number, userId: number, comment: string) {
  const user = await lockUser(tx, userId);
  if (!user?.active) throw ValidationError.field('ownerId', 'customer.owner.invalid');
  const c = await lockCustomer(tx, customerId);
  if (c.ownerId !== null) throw new ConflictError('pool.claim.taken');
  const out = await setOwner(tx, ctx, c, user.id, user.deptId, 'pool_assign', comment);
  return { ...out, deptId: user.deptId, name: c.name, no: c.no };
}

/** Loads an owned customer the user may edit, for lock/unlock; 404 out of view scope, 403 out of edit scope. */
async function editableOwned(ctx: Ctx, tx: Tx, id: number) {
  const cur = await findCustomerInScope(ctx, id, 'customer.view', tx);
  await findCustomerInScope(ctx, id, 'customer.edit', tx).catch(() => {
    throw new ForbiddenError();
  });
  if (cur.ownerId === null) throw new ConflictError('pool.not_owned');
  return cur;
}

/** Locks (锁定) an owned customer against automatic reclaim, within the owner's lock limit (pool.maxLockedCustomers). */
export async function lockCustomerAgainstReclaim(ctx: Ctx, id: number, input: CustomerLockInput) {
  return ctx.db.transaction(async (tx) => {
    const cur = await editableOwned(ctx, tx, id);
    await lockUser(tx, cur.ownerId as number);
    const c = await lockCustomer(tx, id);
    if (c.version !== input.version || c.ownerId !== cur.ownerId) throw new StaleVersionError();
    if (c.lockedAt) throw new ConflictError('pool.lock.already');
    const limit = await getPolicy(tx, 'pool.maxLockedCustomers');
    const [{ n }] = await tx
      .select({ n: count() })
      .from(customers)
      .where(
        and(eq(customers.ownerId, c.ownerId as number), isNotNull(customers.lockedAt), isNull(customers.deletedAt)),
      );
    if (n >= limit) throw new ConflictError('pool.lock.limit', { max: limit });
    const now = ctx.now();
    const [row] = await tx
      .update(customers)
      .set({ lockedAt: now, lockedBy: ctx.principal.userId, version: c.version + 1, updatedAt: sql`now()` })
      .where(eq(customers.id, id))
      .returning({ version: customers.version });
    await tx.delete(poolReclaimNotices).where(eq(poolReclaimNotices.customerId, id));
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: id,
      action: 'lock',
      changes: [{ field: 'lockedAt', old: null, new: now.toISOString() }],
    });
    return { id, lockedAt: now.toISOString(), version: row.version };
  });
}

/** Unlocks a locked customer: the reclaim rules apply to it again. */
export async function unlockCustomer(ctx: Ctx, id: number, input: CustomerLockInput) {
  return ctx.db.transaction(async (tx) => {
    await editableOwned(ctx, tx, id);
    const c = await lockCustomer(tx, id);
    if (c.version !== input.version) throw new StaleVersionError();
    if (!c.lockedAt) throw new ConflictError('pool.lock.not_locked');
    const [row] = await tx
      .update(customers)
      .set({ lockedAt: null, lockedBy: null, version: c.version + 1, updatedAt: sql`now()` })
      .where(eq(customers.id, id))
      .returning({ version: customers.version });
    await recordAudit(tx, ctx, {
      entityType: 'customer',
      entityId: id,
      action: 'unlock',
      changes: [{ field: 'lockedAt', old: c.lockedAt.toISOString(), new: null }],
    });
    return { id, lockedAt: null, version: row.version };
  });
}
