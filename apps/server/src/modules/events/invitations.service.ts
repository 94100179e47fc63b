import { randomBytes } from 'node:crypto';
import type { InvitationResultInput, InviteInput } from '@sales/core';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { cancelTasksByRef, completeTasksByRef } from '../../platform/tasks/index.ts';
import { type CustomerFilter, customers, customerWhere, resolveSavedCustomerFilter } from '../customers/index.ts';
import { findEventInScope, findInvitationForChange } from './events.access.ts';
import { eventInvitations, events } from './events.schema.ts';

/** At most this many customers per invitation batch (a filter matching more is refused, not cut). */
export const INVITE_CAP = 2000;
export const CONFIRM_TASK_REF = 'event_invitation';

export const inviteToken = () => randomBytes(18).toString('base64url');

/**
 * Adds customers to an event's invitation plan (seed 001 邀约流程 1: 明确邀约客户名单、邀约方式).
 * Customers come from a saved customer filter and/or the customer-list filter (applied with the
 * customer module's scoped WHERE, so a filter shared by a colleague never widens the user's scope)
 * and/or explicit ids, each of which must be in the user's customer scope (else 404 for the batch).
 * The rep is the customer's owner unless one is named. Customers already invited are skipped.
 */
export async function inviteCustomers(ctx: Ctx, eventId: number, input: InviteInput) {
  // A saved filter the user may not see answers 404, like an unknown one.
  const saved = input.savedFilterId ? await resolveSavedCustomerFilter(ctx, input.savedFilterId) : undefined;
  const chosen = saved || input.filter ? { ...saved, ...input.filter } : undefined;
  return ctx.db.transaction(async (tx) => {
    const ev = await findEventInScope(ctx, eventId, tx, true);
    if (ev.status !== 'approved') throw new ConflictError('events.not_approved');
    if (!chosen && !input.customerIds?.length) throw ValidationError.field('customerIds', 'events.no_customers');
    // Archived customers are never invited, whatever the filter says.
    const filter = { ...(chosen ?? {}), archived: undefined } as CustomerFilter;
    const scope = await customerWhere(ctx, filter, 'customer.view');
    const picked = new Map<number, { id: number; name: string; ownerId: number | null; ownerDeptId: number | null }>();
    const cols = {
      id: customers.id,
      name: customers.name,
      ownerId: customers.ownerId,
      ownerDeptId: customers.ownerDeptId,
    };
    if (input.customerIds?.length) {
      const ids = [...new Set(input.customerIds)];
      const rows = await tx
        .select(cols)
        .from(customers)
        .where(and(inArray(customers.id, ids), await customerWhere(ctx, {}, 'customer.view')) as SQL);
      // One id outside the scope (or unknown) refuses the whole batch, as for a single record.
      if (rows.length !== ids.length) throw new NotFoundError();
      for (const r of rows) picked.set(r.id, r);
    }
    if (chosen) {
      const rows = await tx
        .select(cols)
        .from(customers)
        .where(scope)
        .orderBy(asc(customers.id))
        .limit(INVITE_CAP + 1);
      if (rows.length > INVITE_CAP)
        throw ValidationError.field('filter', 'events.too_many_customers', {
          max: INVITE_CAP,
          count: `${INVITE_CAP}+`,
        });
      for (const r of rows) picked.set(r.id, r);
    }
    if (picked.size > INVITE_CAP)
      throw ValidationError.field('customerIds', 'events.too_many_customers', { max: INVITE_CAP, count: picked.size });
    let rep: { id: number; deptId: number } | undefined;
    if (input.repId) {
      [rep] = await tx
        .select({ id: users.id, deptId: users.deptId })
        .from(users)
        .where(and(eq(users.id, input.repId), eq(users.active, true)));
      if (!rep) throw ValidationError.field('repId', 'events.rep_invalid');
    }
    const already = new Set(
      (
        await tx
          .select({ customerId: eventInvitations.customerId })
          .from(eventInvitations)
          .where(and(eq(eventInvitations.eventId, eventId), inArray(eventInvitations.customerId, [...picked.keys()])))
      ).map((r) => r.customerId),
    );
    const values = [];
    for (const c of picked.values()) {
      if (already.has(c.id)) continue;
      const repId = rep?.id ?? c.ownerId;
      const repDeptId = rep?.deptId ?? c.ownerDeptId;
      if (!repId || !repDeptId) throw ValidationError.field('repId', 'events.no_owner', { name: c.name });
      values.push({ eventId, customerId: c.id, repId, repDeptId, method: input.method, token: inviteToken() });
    }
    const ids: number[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const rows = await tx
        .insert(eventInvitations)
        .values(values.slice(i, i + 500))
        .returning({ id: eventInvitations.id });
      ids.push(...rows.map((r) => r.id));
    }
    await tx.update(events).set({ updatedAt: ctx.now() }).where(eq(events.id, eventId));
    await recordAudit(tx, ctx, {
      entityType: 'event',
      entityId: eventId,
      action: 'invite',
      changes: [{ field: 'invitations', old: null, new: ids.length }],
    });
    return { added: ids.length, skipped: picked.size - ids.length };
  });
}

/**
 * Records what the customer answered (seed 001 邀约流程 2): accepted, undecided, or declined — a
 * decline needs a reason from the list (and a text for 'other'), else a field error and nothing
 * changes. Leaving 'accepted' cancels the open confirmation task.
 */
export async function recordInvitationResult(ctx: Ctx, id: number, input: InvitationResultInput) {
  return ctx.db.transaction(async (tx) => {
    const inv = await findInvitationForChange(ctx, id, tx, input.version);
    const [ev] = await tx.select().from(events).where(eq(events.id, inv.eventId));
    if (ev.status !== 'approved') throw new ConflictError('events.not_approved');
    const declined = input.result === 'declined';
    if (declined && !input.reason) throw ValidationError.field('reason', 'events.reason_required');
    if (declined && input.reason === 'other' && !input.reasonNote)
      throw ValidationError.field('reasonNote', 'events.reason_note_required');
    await tx
      .update(eventInvitations)
      .set({
        result: input.result,
        declineReason: declined ? (input.reason ?? null) : null,
        reasonNote: declined ? (input.reasonNote ?? null) : null,
        method: input.method ?? inv.method,
        respondedAt: ctx.now(),
        confirmedAt: input.result === 'accepted' ? inv.confirmedAt : null,
        version: inv.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(eventInvitations.id, id));
    if (inv.result === 'accepted' && input.result !== 'accepted')
      await cancelTasksByRef(tx, CONFIRM_TASK_REF, id, ctx.now());
    await recordAudit(tx, ctx, {
      entityType: 'event_invitation',
      entityId: id,
      action: 'result',
      changes: [
        { field: 'result', old: inv.result, new: input.result },
        ...(declined ? [{ field: 'declineReason', old: inv.declineReason, new: input.reason }] : []),
      ],
    });
  });
}

/** Marks an accepted invitation confirmed the day before (seed 001 邀约流程 3); completes its task. */
export async function confirmInvitation(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const inv = await findInvitationForChange(ctx, id, tx, version);
    if (inv.result !== 'accepted') throw new ConflictError('events.not_accepted');
    await tx
      .update(eventInvitations)
      .set({ confirmedAt: ctx.now(), version: inv.version + 1, updatedAt: ctx.now() })
      .where(eq(eventInvitations.id, id));
    await completeTasksByRef(tx, CONFIRM_TASK_REF, id, ctx.now());
    await recordAudit(tx, ctx, {
      entityType: 'event_invitation',
      entityId: id,
      action: 'confirm',
      changes: [{ field: 'confirmedAt', old: null, new: ctx.now().toISOString() }],
    });
  });
}
