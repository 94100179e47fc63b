import type { EventInput, EventUpdateInput } from '@sales/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { submitForApproval } from '../../platform/approvals/approvals.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors/errors.ts';
import { users } from '../../platform/org/org.schema.ts';
import { productLabels } from '../products/index.ts';
import { findEventForPlanning } from './events.access.ts';
import { EVENT_DOC } from './events.doc.ts';
import { eventBudgetLines, events } from './events.schema.ts';

async function validate(tx: Tx, input: EventInput) {
  if (new Date(input.endsAt) <= new Date(input.startsAt))
    throw ValidationError.field('endsAt', 'events.ends_before_start');
  if (input.giftProductId) {
    if (!input.giftWarehouseId) throw ValidationError.field('giftWarehouseId', 'events.gift_warehouse_required');
    if (!(await productLabels(tx, [input.giftProductId])).has(input.giftProductId))
      throw ValidationError.field('giftProductId', 'events.gift_product_invalid');
  }
  const ids = [...new Set(input.responsibleIds)];
  if (ids.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.active, true)));
    if (found.length !== ids.length) throw ValidationError.field('responsibleIds', 'events.responsible_invalid');
  }
}

const columns = (input: EventInput) => ({
  theme: input.theme,
  agenda: input.agenda ?? null,
  speakers: input.speakers ?? null,
  venue: input.venue ?? null,
  startsAt: new Date(input.startsAt),
  endsAt: new Date(input.endsAt),
  capacity: input.capacity,
  materials: input.materials ?? null,
  giftProductId: input.giftProductId ?? null,
  giftWarehouseId: input.giftProductId ? (input.giftWarehouseId ?? null) : null,
  responsibleIds: [...new Set(input.responsibleIds)],
  script: input.script ?? null,
});

async function writeBudget(tx: Tx, eventId: number, lines: EventInput['budget']) {
  await tx.delete(eventBudgetLines).where(eq(eventBudgetLines.eventId, eventId));
  if (lines.length)
    await tx
      .insert(eventBudgetLines)
      .values(
        lines.map((l) => ({ eventId, category: l.category, budget: l.budget, actual: l.actual, note: l.note ?? null })),
      );
}

/** Creates an event plan as a draft, owned by its planner (SPEC 2.7; seed 001 会议筹备). */
export async function createEvent(ctx: Ctx, input: EventInput) {
  return ctx.db.transaction(async (tx) => {
    await validate(tx, input);
    const [dept] = await tx.select({ deptId: users.deptId }).from(users).where(eq(users.id, ctx.principal.userId));
    const [row] = await tx
      .insert(events)
      .values({
        ...columns(input),
        ownerId: ctx.principal.userId,
        ownerDeptId: dept.deptId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: events.id });
    await writeBudget(tx, row.id, input.budget);
    await recordAudit(tx, ctx, {
      entityType: 'event',
      entityId: row.id,
      action: 'create',
      changes: [
        { field: 'theme', old: null, new: input.theme },
        { field: 'startsAt', old: null, new: input.startsAt },
      ],
    });
    return { id: row.id };
  });
}

/**
 * Changes an event plan. The plan itself only as a draft; once approved, only the budget's
 * actual spend (the report's cost) may still be booked — the approved budget stays as approved.
 */
export async function updateEvent(ctx: Ctx, id: number, input: EventUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const ev = await findEventForPlanning(ctx, id, tx, input.version);
    const changes: { field: string; old: unknown; new: unknown }[] = [];
    if (ev.status === 'draft') {
      await validate(tx, input);
      const next = columns(input);
      for (const k of ['theme', 'venue', 'capacity'] as const)
        if (ev[k] !== next[k]) changes.push({ field: k, old: ev[k], new: next[k] });
      if (ev.startsAt.getTime() !== next.startsAt.getTime())
        changes.push({ field: 'startsAt', old: ev.startsAt.toISOString(), new: input.startsAt });
      await tx
        .update(events)
        .set({ ...next, version: ev.version + 1, updatedAt: ctx.now() })
        .where(eq(events.id, id));
      await writeBudget(tx, id, input.budget);
    } else if (ev.status === 'approved') {
      // Actuals per budget line, matched by category (the approved budget figures do not change).
      for (const l of input.budget)
        await tx
          .update(eventBudgetLines)
          .set({ actual: l.actual })
          .where(and(eq(eventBudgetLines.eventId, id), eq(eventBudgetLines.category, l.category)));
      await tx
        .update(events)
        .set({ version: ev.version + 1, updatedAt: ctx.now() })
        .where(eq(events.id, id));
      changes.push({ field: 'budget.actual', old: null, new: input.budget.map((l) => `${l.category}:${l.actual}`) });
    } else throw new ConflictError('events.not_draft');
    await recordAudit(tx, ctx, { entityType: 'event', entityId: id, action: 'update', changes });
  });
}

/** Submits a draft event plan for approval (seed 001 费用预算经公司领导审批后执行). */
export async function submitEvent(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const ev = await findEventForPlanning(ctx, id, tx, version);
    if (ev.status !== 'draft') throw new ConflictError('events.not_draft');
    await tx
      .update(events)
      .set({ status: 'submitted', version: ev.version + 1, updatedAt: ctx.now() })
      .where(eq(events.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'event',
      entityId: id,
      action: 'submit',
      changes: [{ field: 'status', old: 'draft', new: 'submitted' }],
    });
    return submitForApproval(tx, ctx, EVENT_DOC, id);
  });
}

/** The budget total of an event, in SQL (for the approval facts). */
export async function budgetTotal(tx: Tx, eventId: number): Promise<string> {
  const [r] = await tx
    .select({ total: sql<string>`coalesce(sum(${eventBudgetLines.budget}), 0)::numeric(18,2)::text` })
    .from(eventBudgetLines)
    .where(eq(eventBudgetLines.eventId, eventId));
  return r.total;
}
