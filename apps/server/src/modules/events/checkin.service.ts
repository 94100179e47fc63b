import { type CheckInInput, CustomerInput, type WalkInInput } from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { completeTasksByRef } from '../../platform/tasks/index.ts';
import { findCustomerInScope, findDuplicate, insertCustomer } from '../customers/index.ts';
import { issueStock } from '../stock/index.ts';
import { findEventForCheckIn } from './events.access.ts';
import { eventInvitations, type events } from './events.schema.ts';
import { CONFIRM_TASK_REF, inviteToken } from './invitations.service.ts';

type Event = typeof events.$inferSelect;
type Invitation = typeof eventInvitations.$inferSelect;

/** The gift leaves the stock through the stock ledger, in the check-in's transaction (SPEC 3.5: no negative stock). */
async function giveGift(tx: Tx, ctx: Ctx, ev: Event, inv: Invitation) {
  if (!ev.giftProductId || !ev.giftWarehouseId) throw ValidationError.field('giveGift', 'events.no_gift');
  if (inv.giftGivenAt) throw ValidationError.field('giveGift', 'events.gift_given');
  await issueStock(tx, ctx, { type: 'event_invitation', id: inv.id }, ev.giftWarehouseId, [
    { orderLineId: null, productId: ev.giftProductId, batchId: null, qty: '1' },
  ]);
}

async function signIn(tx: Tx, ctx: Ctx, ev: Event, inv: Invitation, input: CheckInInput, action: string) {
  if (ev.status !== 'approved') throw new ConflictError('events.not_approved');
  if (inv.checkedInAt && !input.giveGift) throw new ConflictError('events.already_checked_in');
  if (input.giveGift) await giveGift(tx, ctx, ev, inv);
  const now = ctx.now();
  await tx
    .update(eventInvitations)
    .set({
      checkedInAt: inv.checkedInAt ?? now,
      seat: input.seat ?? inv.seat,
      giftGivenAt: input.giveGift ? now : inv.giftGivenAt,
      version: inv.version + 1,
      updatedAt: now,
    })
    .where(eq(eventInvitations.id, inv.id));
  // The guest came: the confirmation call is moot.
  await completeTasksByRef(tx, CONFIRM_TASK_REF, inv.id, now);
  await recordAudit(tx, ctx, {
    entityType: 'event_invitation',
    entityId: inv.id,
    action,
    changes: [
      ...(inv.checkedInAt ? [] : [{ field: 'checkedInAt', old: null, new: now.toISOString() }]),
      ...(input.seat ? [{ field: 'seat', old: inv.seat, new: input.seat }] : []),
      ...(input.giveGift ? [{ field: 'giftGivenAt', old: null, new: now.toISOString() }] : []),
    ],
  });
  return { id: inv.id };
}

/** Signs a guest in at the door (seed 001 现场组织: 签到、就座、发放礼品), picked from the guest search. */
export async function checkInInvitation(ctx: Ctx, invitationId: number, input: CheckInInput) {
  return ctx.db.transaction(async (tx) => {
    const [inv] = await tx.select().from(eventInvitations).where(eq(eventInvitations.id, invitationId)).for('update');
    if (!inv) throw new NotFoundError();
    const ev = await findEventForCheckIn(ctx, inv.eventId, tx);
    await signIn(tx, ctx, ev, inv, input, 'check_in');
    return { id: inv.id, eventId: inv.eventId };
  });
}

/** Signs a guest in from the QR code of their invitation (the token is the whole credential). */
export async function checkInByToken(ctx: Ctx, token: string, input: CheckInInput) {
  return ctx.db.transaction(async (tx) => {
    const [inv] = await tx.select().from(eventInvitations).where(eq(eventInvitations.token, token)).for('update');
    if (!inv) throw new NotFoundError();
    const ev = await findEventForCheckIn(ctx, inv.eventId, tx);
    await signIn(tx, ctx, ev, inv, input, 'check_in');
    return { id: inv.id, eventId: inv.eventId };
  });
}

/**
 * Registers a walk-in (未邀约到场): a customer picked within the user's customer scope, or a new one
 * by name and mobile — matched to the existing customer by the duplicate rules, else created through
 * the customer module (owned by the event's planner). Signed in at once.
 */
export async function registerWalkIn(ctx: Ctx, eventId: number, input: WalkInInput) {
  return ctx.db.transaction(async (tx) => {
    const ev = await findEventForCheckIn(ctx, eventId, tx, true);
    if (ev.status !== 'approved') throw new ConflictError('events.not_approved');
    let customer: { id: number; ownerId: number | null; ownerDeptId: number | null };
    if (input.customerId) customer = await findCustomerInScope(ctx, input.customerId, 'customer.view', tx);
    else {
      if (!input.name || !input.mobile) throw ValidationError.field('mobile', 'events.walk_in_customer_required');
      const parsed = CustomerInput.safeParse({
        kind: 'individual',
        name: input.name,
        mobile: input.mobile,
        source: 'walk_in',
      });
      if (!parsed.success) throw ValidationError.field('mobile', 'validation.mobile.format');
      const dup = await findDuplicate(tx, parsed.data);
      customer = dup ?? {
        ...(await insertCustomer(tx, ctx, parsed.data, ev.ownerId, `会销到场登记：${ev.theme}`)),
        ownerId: ev.ownerId,
        ownerDeptId: ev.ownerDeptId,
      };
    }
    const [existing] = await tx
      .select()
      .from(eventInvitations)
      .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.customerId, customer.id)))
      .for('update');
    if (existing) return signIn(tx, ctx, ev, existing, input, 'check_in');
    const repId = customer.ownerId ?? ev.ownerId;
    const [rep] = await tx.select({ deptId: users.deptId }).from(users).where(eq(users.id, repId));
    const [inv] = await tx
      .insert(eventInvitations)
      .values({
        eventId,
        customerId: customer.id,
        repId,
        repDeptId: rep.deptId,
        method: 'walk_in',
        result: 'accepted',
        walkIn: true,
        token: inviteToken(),
        respondedAt: ctx.now(),
      })
      .returning();
    return signIn(tx, ctx, ev, inv, input, 'walk_in');
  });
}
