import { and, eq, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { can } from '../../platform/permissions/principal.ts';
import { findOrderInScope } from '../orders/index.ts';
import { findEventInScope } from './events.access.ts';
import { eventInvitations, eventOrders, events } from './events.schema.ts';

const mayAttribute = (ctx: Ctx) => can(ctx.principal, 'event.plan') || can(ctx.principal, 'event.invite');

/**
 * Attributes an order to the event where it was closed (SPEC 2.7 deals closed at the event; seed 001
 * 促成交易). The order must be in the user's order scope (else 404) and its customer must have
 * attended; an order counts for one event only. A link row, never a column on orders.
 */
export async function attributeOrder(ctx: Ctx, eventId: number, orderId: number) {
  return ctx.db.transaction(async (tx) => {
    const ev = await findEventInScope(ctx, eventId, tx, true);
    if (!mayAttribute(ctx)) throw new ForbiddenError();
    if (ev.status !== 'approved') throw new ConflictError('events.not_approved');
    const order = await findOrderInScope(ctx, orderId, 'order.view', tx);
    const [taken] = await tx
      .select({ theme: events.theme })
      .from(eventOrders)
      .innerJoin(events, eq(events.id, eventOrders.eventId))
      .where(eq(eventOrders.orderId, orderId));
    if (taken) throw ValidationError.field('orderId', 'events.order_attributed', { theme: taken.theme });
    const [attended] = await tx
      .select({ id: eventInvitations.id })
      .from(eventInvitations)
      .where(
        and(
          eq(eventInvitations.eventId, eventId),
          eq(eventInvitations.customerId, order.customerId),
          isNotNull(eventInvitations.checkedInAt),
        ),
      );
    if (!attended) throw ValidationError.field('orderId', 'events.order_customer');
    await tx.insert(eventOrders).values({ eventId, orderId, attributedBy: ctx.principal.userId, createdAt: ctx.now() });
    await recordAudit(tx, ctx, {
      entityType: 'event',
      entityId: eventId,
      action: 'attribute_order',
      changes: [{ field: 'orders', old: null, new: order.no }],
    });
  });
}

/** Removes an order's attribution (entered by mistake); the order itself is untouched. */
export async function detachOrder(ctx: Ctx, eventId: number, orderId: number) {
  return ctx.db.transaction(async (tx) => {
    await findEventInScope(ctx, eventId, tx, true);
    if (!mayAttribute(ctx)) throw new ForbiddenError();
    const order = await findOrderInScope(ctx, orderId, 'order.view', tx);
    const gone = await tx
      .delete(eventOrders)
      .where(and(eq(eventOrders.eventId, eventId), eq(eventOrders.orderId, orderId)))
      .returning();
    if (!gone.length) throw new NotFoundError();
    await recordAudit(tx, ctx, {
      entityType: 'event',
      entityId: eventId,
      action: 'detach_order',
      changes: [{ field: 'orders', old: order.no, new: null }],
    });
  });
}
