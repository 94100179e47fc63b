import type { BulkItems } from '@sales/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ForbiddenError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { assertActiveForSales } from '../training/index.ts';
import { findCustomerInScope } from './customers.access.ts';
import { customers } from './customers.schema.ts';

/** Moves a customer to another owner (and their department), with a reason; audited. */
export async function transferCustomer(
  ctx: Ctx,
  id: number,
  input: { toUserId: number; reason: string; version: number },
) {
  await ctx.db.transaction((tx) => transferCustomerInTx(tx, ctx, id, input));
  return { ok: true };
}

/**
 * 批量转移: the same transfer for each selected customer, in one transaction — all or nothing. A
 * customer outside the user's scope fails the batch with 404 (as its own transfer would), a stale
 * version with 412; rows go in id order, so two overlapping batches cannot deadlock.
 */
export async function bulkTransferCustomers(ctx: Ctx, input: { items: BulkItems; toUserId: number; reason: string }) {
  const items = [...input.items].sort((a, b) => a.id - b.id);
  await ctx.db.transaction(async (tx) => {
    for (const { id, version } of items)
      await transferCustomerInTx(tx, ctx, id, { toUserId: input.toUserId, reason: input.reason, version });
  });
  return { ok: true, count: items.length };
}

/** One transfer inside the caller's transaction: scope (404) and transfer right (403) per customer. */
async function transferCustomerInTx(
  tx: Tx,
  ctx: Ctx,
  id: number,
  input: { toUserId: number; reason: string; version: number },
) {
  await findCustomerInScope(ctx, id, 'customer.view', tx);
  const cur = await findCustomerInScope(ctx, id, 'customer.transfer', tx, true).catch(() => {
    throw new ForbiddenError();
  });
  if (cur.version !== input.version) throw new StaleVersionError();
  if (cur.ownerId === input.toUserId) throw ValidationError.field('toUserId', 'customer.transfer.same_owner');
  const [to] = await tx
    .select({ deptId: users.deptId })
    .from(users)
    .where(and(eq(users.id, input.toUserId), eq(users.active, true)));
  if (!to) throw ValidationError.field('toUserId', 'customer.owner.invalid');
  // SPEC 5.4: not to a new rep before the onboarding training is passed.
  await assertActiveForSales(tx, input.toUserId, 'toUserId');
  await tx
    .update(customers)
    // A new owner starts a new reclaim clock (public pool, SPEC 2.4).
    .set({
      ownerId: input.toUserId,
      ownerDeptId: to.deptId,
      assignedAt: ctx.now(),
      version: cur.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, id));
  await recordAudit(tx, ctx, {
    entityType: 'customer',
    entityId: id,
    action: 'transfer',
    changes: diffFields(cur, { ownerId: input.toUserId, ownerDeptId: to.deptId }, ['ownerId', 'ownerDeptId']),
    comment: input.reason,
  });
}
