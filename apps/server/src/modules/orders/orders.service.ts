import type { OrderAction, OrderConfirmInput, OrderReasonInput } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { cancelTasksByRef } from '../../platform/tasks/index.ts';
import { bookFact } from '../analytics/index.ts';
import { releaseReservations } from '../stock/index.ts';
import { findOrderForChange } from './orders.access.ts';
import { orders, productionTasks } from './orders.schema.ts';
import { assertVersion, nextStatusOrThrow } from './orders.state.ts';

type Order = typeof orders.$inferSelect;
type OrderPermission = Extract<Permission, `order.${string}`>;

/**
 * The common shape of an order state change: lock in scope → guard the transition and version →
 * apply with audit (field changes) in one transaction; `extra` adds the action's own fields/steps.
 */
async function transitionOrder(
  ctx: Ctx,
  id: number,
  permission: OrderPermission,
  action: OrderAction,
  version: number,
  extra: (tx: Tx, o: Order) => Promise<Partial<Order>> = async () => ({}),
  comment: string | null = null,
) {
  return ctx.db.transaction(async (tx) => {
    const o = await findOrderForChange(ctx, id, permission, tx);
    const status = nextStatusOrThrow(ctx, o.status, action);
    assertVersion(o, version);
    const set = { ...(await extra(tx, o)), status };
    const [after] = await tx
      .update(orders)
      .set({ ...set, version: o.version + 1, updatedAt: sql`now()` })
      .where(and(eq(orders.id, id), eq(orders.version, version)))
      .returning();
    if (!after) throw new StaleVersionError();
    const changes = diffFields(o, after, Object.keys(set));
    await recordAudit(tx, ctx, { entityType: 'order', entityId: id, action, changes, comment });
    return { id, status: after.status, version: after.version };
  });
}

/** Records that a (phone / order-desk) order was confirmed back with the customer (跟单回访确认). */
export function confirmOrder(ctx: Ctx, id: number, input: OrderConfirmInput) {
  return transitionOrder(ctx, id, 'order.edit', 'confirm', input.version, async () => ({
    confirmedAt: ctx.now(),
    confirmedBy: ctx.principal.userId,
    confirmationNote: input.note,
  }));
}

// Special requirements may be confirmed until the review passes (then purchasing/production starts).
const SPECIAL_CONFIRM_STATUSES = ['draft', 'submitted', 'under_review'];

/** Records the customer's final confirmation of customised specs (特殊要求最终确认, SPEC 3.4). */
export async function confirmSpecialRequirements(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const o = await findOrderForChange(ctx, id, 'order.edit', tx);
    if (!SPECIAL_CONFIRM_STATUSES.includes(o.status)) {
      throw new ConflictError('order.transition', {
        status: translate(ctx.locale, `order.status.${o.status}`),
        action: translate(ctx.locale, 'order.action.confirm_special'),
      });
    }
    assertVersion(o, version);
    if (!o.specialRequirements) throw new ConflictError('order.special_none');
    if (o.specialConfirmedAt) throw new ConflictError('order.special_confirmed');
    const [after] = await tx
      .update(orders)
      .set({ specialConfirmedAt: ctx.now(), version: o.version + 1, updatedAt: sql`now()` })
      .where(eq(orders.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'order',
      entityId: id,
      action: 'confirm_special',
      changes: [{ field: 'specialConfirmedAt', old: null, new: after.specialConfirmedAt }],
    });
    return { id, status: after.status, version: after.version };
  });
}

/** Submits a draft order for review; a phone order must have been confirmed back first. */
export function submitOrder(ctx: Ctx, id: number, version: number) {
  return transitionOrder(ctx, id, 'order.edit', 'submit', version, async (_tx, o) => {
    if (o.channel === 'phone' && o.confirmedAt === null) throw new ConflictError('order.phone_unconfirmed');
    return { submittedAt: ctx.now() };
  });
}

/** Sends a submitted / under-review order back to draft with a reason (the credit override resets). */
export function returnOrder(ctx: Ctx, id: number, input: OrderReasonInput) {
  return transitionOrder(
    ctx,
    id,
    'order.edit',
    'return_to_draft',
    input.version,
    async (_tx, o) => {
      if (o.creditOverride === 'pending') throw new ConflictError('order.credit_pending');
      return { creditOverride: 'none' };
    },
    input.reason,
  );
}

/** Cancels an order before delivery (with reason): releases its reservations and open tasks. */
export function cancelOrder(ctx: Ctx, id: number, input: OrderReasonInput) {
  return transitionOrder(
    ctx,
    id,
    'order.cancel',
    'cancel',
    input.version,
    async (tx, o) => {
      if (o.creditOverride === 'pending') throw new ConflictError('order.credit_pending');
      await releaseReservations(tx, ctx, id);
      await tx
        .update(productionTasks)
        .set({ status: 'cancelled', updatedAt: sql`now()` })
        .where(and(eq(productionTasks.orderId, id), inArray(productionTasks.status, ['planned', 'in_progress'])));
      await cancelTasksByRef(tx, 'order_slip', id, ctx.now());
      // A confirmed sale cancelled: its facts are reversed today (history before stays as booked).
      if (o.approvedAt) await bookFact.orderCancelled(tx, ctx, id);
      return { cancelReason: input.reason };
    },
    input.reason,
  );
}

/** Starts preparation (备货/排产) of an approved order: the owner (order.edit) or a planner (order.plan). */
export function prepareOrder(ctx: Ctx, id: number, version: number) {
  // A planner works on every order it sees; otherwise order.edit (404 out of view scope, then 403).
  const permission = ctx.principal.grants.has('order.plan') ? 'order.view' : 'order.edit';
  return transitionOrder(ctx, id, permission, 'prepare', version);
}

/** Completes a delivered order. */
export function completeOrder(ctx: Ctx, id: number, version: number) {
  return transitionOrder(ctx, id, 'order.edit', 'complete', version);
}
