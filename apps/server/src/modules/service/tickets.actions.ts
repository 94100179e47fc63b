import type {
  TicketAssignInput,
  TicketPriorityInput,
  TicketReopenInput,
  TicketReplyInput,
  TicketResolveInput,
  TicketWaitInput,
} from '@sales/core';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { customers } from '../customers/index.ts';
import { serviceTicketReplies, serviceTickets } from './service.schema.ts';
import { meet, pause, reopen, resume, retarget, type SlaClock } from './sla.clock.ts';
import { policyFor } from './sla-policies.ts';
import { findTicketForChange } from './tickets.access.ts';
import { loadClocks, saveClock } from './tickets.clocks.ts';
import { runTicketClosed } from './tickets.hooks.ts';
import { getTicket } from './tickets.queries.ts';
import { assertAction, type TicketAction, workingStatus } from './tickets.state.ts';

type Ticket = typeof serviceTickets.$inferSelect;
type Clocks = { response: SlaClock; resolution: SlaClock };
interface Kit {
  tx: Tx;
  cal: WorkCalendar;
  now: Date;
  clocks: Clocks;
}
interface Step {
  patch: Partial<Omit<Ticket, 'id' | 'version'>>;
  clocks?: Partial<Clocks>;
  changes: FieldChange[];
  /** The SLA policy to warn by, when the step changes it (priority). */
  policy?: { warnPercent: number };
}

const field = (f: string, old: unknown, next: unknown): FieldChange => ({ field: f, old, new: next });

/**
 * The shape of every ticket action: load in scope for handling (404/403/412), guard the status,
 * apply the step to the ticket and its clocks, audit — one transaction — then the fresh ticket.
 */
async function act(
  ctx: Ctx,
  id: number,
  version: number,
  action: TicketAction,
  step: (t: Ticket, k: Kit) => Promise<Step> | Step,
) {
  await ctx.db.transaction(async (tx) => {
    const t = await findTicketForChange(ctx, id, version, tx);
    assertAction(action, t.status);
    const now = ctx.now();
    const cal = await loadWorkCalendar(tx);
    const clocks = await loadClocks(tx, id);
    const s = await step(t, { tx, cal, now, clocks });
    await tx
      .update(serviceTickets)
      .set({ ...s.patch, version: t.version + 1, updatedAt: now })
      .where(eq(serviceTickets.id, id));
    const warn = s.policy ?? (await policyOf(tx, { ...t, ...s.patch }));
    for (const metric of ['response', 'resolution'] as const) {
      const c = s.clocks?.[metric];
      if (c) await saveClock(tx, id, metric, c, cal, warn.warnPercent);
    }
    await recordAudit(tx, ctx, { entityType: 'service_ticket', entityId: id, action, changes: s.changes });
  });
  return getTicket(ctx, id);
}

async function policyOf(tx: Tx, t: Pick<Ticket, 'type' | 'priority' | 'customerId'>) {
  const [c] = await tx.select({ cls: customers.class }).from(customers).where(eq(customers.id, t.customerId));
  return policyFor(tx, t.type as never, t.priority as never, c?.cls ?? null);
}

/** Assigns (or reassigns) the engineer, who becomes the ticket's owner; assignment is not a response. */
export function assignTicket(ctx: Ctx, id: number, input: TicketAssignInput) {
  return act(ctx, id, input.version, 'assign', async (t, { tx }) => {
    const ok = await tx.execute(sql`
      select 1 from users u join user_roles ur on ur.user_id = u.id join role_grants g on g.role_id = ur.role_id
      where u.id = ${input.engineerId} and u.active and g.permission = 'ticket.handle' limit 1`);
    if (ok.rows.length === 0) throw ValidationError.field('engineerId', 'ticket.engineer_invalid');
    const status = t.status === 'new' ? 'assigned' : t.status;
    return {
      patch: { engineerId: input.engineerId, ownerId: input.engineerId, status },
      changes: [field('engineerId', t.engineerId, input.engineerId), field('status', t.status, status)],
    };
  });
}

/**
 * Records a reply or visit. The first staff reply or visit meets the response clock (SPEC 4.1); a
 * customer's own message (typed in by staff) changes no clock and no status.
 */
export function replyToTicket(ctx: Ctx, id: number, input: TicketReplyInput) {
  return act(ctx, id, input.version, 'reply', async (t, { tx, cal, now, clocks }) => {
    const [r] = await tx
      .insert(serviceTicketReplies)
      .values({ ticketId: id, kind: input.kind, body: input.body, authorId: ctx.principal.userId, createdAt: now })
      .returning({ id: serviceTicketReplies.id });
    const changes = [field(`reply:${r.id}`, null, input.kind)];
    if (input.kind === 'customer_message') return { patch: {}, changes };
    const status = t.status === 'new' || t.status === 'assigned' ? 'in_progress' : t.status;
    return {
      patch: { status, firstResponseAt: t.firstResponseAt ?? now },
      clocks: { response: meet(clocks.response, cal, now) },
      changes: [...changes, field('status', t.status, status)],
    };
  });
}

/** Waits for the customer or for parts: both running clocks pause in working time. */
export function waitTicket(ctx: Ctx, id: number, input: TicketWaitInput) {
  return act(ctx, id, input.version, 'wait', (t, { cal, now, clocks }) => ({
    patch: { status: 'waiting', waitReason: input.reason },
    clocks: { response: pause(clocks.response, cal, now), resolution: pause(clocks.resolution, cal, now) },
    changes: [field('status', t.status, 'waiting'), field('waitReason', null, input.reason)],
  }));
}

/** Work goes on: both paused clocks run again. */
export function resumeTicket(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, version, 'resume', (t, { cal, now, clocks }) => {
    const status = workingStatus(t);
    return {
      patch: { status, waitReason: null },
      clocks: { response: resume(clocks.response, cal, now), resolution: resume(clocks.resolution, cal, now) },
      changes: [field('status', t.status, status), field('waitReason', t.waitReason, null)],
    };
  });
}

/** New priority: both clocks re-target from the original start with the new policy, keeping paused time. */
export function changeTicketPriority(ctx: Ctx, id: number, input: TicketPriorityInput) {
  return act(ctx, id, input.version, 'priority', async (t, { tx, cal, now, clocks }) => {
    const p = await policyOf(tx, { ...t, priority: input.priority });
    return {
      patch: { priority: input.priority },
      policy: p,
      clocks: {
        response: retarget(clocks.response, cal, now, p.responseMinutes * 60_000),
        resolution: retarget(clocks.resolution, cal, now, p.resolutionMinutes * 60_000),
      },
      changes: [field('priority', t.priority, input.priority)],
    };
  });
}

/**
 * Resolved by the engineer: meets the resolution clock. Resolving also answers the customer, so an
 * unanswered response clock is met at the same moment.
 */
export function resolveTicket(ctx: Ctx, id: number, input: TicketResolveInput) {
  return act(ctx, id, input.version, 'resolve', (t, { cal, now, clocks }) => ({
    patch: {
      status: 'resolved',
      waitReason: null,
      resolution: input.resolution,
      resolvedAt: now,
      firstResponseAt: t.firstResponseAt ?? now,
    },
    clocks: { response: meet(clocks.response, cal, now), resolution: meet(clocks.resolution, cal, now) },
    changes: [field('status', t.status, 'resolved'), field('resolution', t.resolution, input.resolution)],
  }));
}

/** The customer confirms the resolution: the ticket closes (SPEC 4.1: only after the customer confirms). */
export function confirmTicket(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, version, 'confirm', async (t, { tx, now }) => {
    await runTicketClosed(tx, ctx, { ...t, status: 'closed', closedAt: now });
    return { patch: { status: 'closed', closedAt: now }, changes: [field('status', t.status, 'closed')] };
  });
}

/**
 * Reopens a resolved or closed ticket within policy service.reopenWorkingDays working days of its
 * resolution; the resolution clock runs again, the resolved interval counting as paused (ADR 0006).
 */
export function reopenTicket(ctx: Ctx, id: number, input: TicketReopenInput) {
  return act(ctx, id, input.version, 'reopen', async (t, { tx, cal, now, clocks }) => {
    const days = await getPolicy(tx, 'service.reopenWorkingDays');
    const resolvedOn = cal.dateOf(t.resolvedAt ?? now);
    if (cal.dateOf(now) > cal.addWorkingDays(resolvedOn, days))
      throw new ConflictError('ticket.reopen_expired', { days });
    const status = workingStatus(t);
    return {
      patch: { status, resolvedAt: null, closedAt: null },
      clocks: { resolution: reopen(clocks.resolution, cal, now) },
      changes: [field('status', t.status, status), field('reopenReason', null, input.reason)],
    };
  });
}
