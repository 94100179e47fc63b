import {
  type SlaPolicyInput,
  TICKET_PRIORITIES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketType,
} from '@sales/core';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors/errors.ts';
import { slaPolicies } from './service.schema.ts';

// Default targets in working minutes per priority (a working day is 8 h by default): urgent answers
// within 1 h and fixes within a day; low within a day and two weeks. Companies edit them.
const BY_PRIORITY: Record<TicketPriority, { response: number; resolution: number }> = {
  urgent: { response: 60, resolution: 480 },
  high: { response: 120, resolution: 960 },
  normal: { response: 240, resolution: 2400 },
  low: { response: 480, resolution: 4800 },
};
// Installation and maintenance are scheduled on-site work: twice the resolution time.
const SLOW: readonly TicketType[] = ['installation', 'maintenance'];
const DEFAULT_WARN_PERCENT = 80;

/** Inserts the default policy of every type × priority (any customer class) not there yet. */
export async function ensureSlaPolicies(db: DbOrTx) {
  const rows = TICKET_TYPES.flatMap((ticketType) =>
    TICKET_PRIORITIES.map((priority) => ({
      ticketType,
      priority,
      customerClass: null,
      responseMinutes: BY_PRIORITY[priority].response,
      resolutionMinutes: BY_PRIORITY[priority].resolution * (SLOW.includes(ticketType) ? 2 : 1),
      warnPercent: DEFAULT_WARN_PERCENT,
    })),
  );
  await db.insert(slaPolicies).values(rows).onConflictDoNothing();
}

/** The policy for a ticket: the customer's class row if the company made one, else the general row. */
export async function policyFor(db: DbOrTx, type: TicketType, priority: TicketPriority, customerClass: string | null) {
  await ensureSlaPolicies(db);
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(
      and(
        eq(slaPolicies.ticketType, type),
        eq(slaPolicies.priority, priority),
        customerClass === null
          ? isNull(slaPolicies.customerClass)
          : or(isNull(slaPolicies.customerClass), eq(slaPolicies.customerClass, customerClass)),
      ),
    );
  const row = rows.find((r) => r.customerClass !== null) ?? rows[0];
  if (!row) throw new Error(`no SLA policy for ${type}/${priority}`);
  return row;
}

/** Every SLA policy (configuration, a few dozen rows), by type, priority and class. */
export async function listSlaPolicies(ctx: Ctx) {
  await ensureSlaPolicies(ctx.db);
  const rows = await ctx.db
    .select()
    .from(slaPolicies)
    .orderBy(asc(slaPolicies.ticketType), asc(slaPolicies.priority), sql`${slaPolicies.customerClass} nulls first`);
  return { items: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })) };
}

const AUDITED = ['responseMinutes', 'resolutionMinutes', 'warnPercent'] as const;

/** Changes the targets of one policy (optimistic lock on version, audited field by field). */
export async function updateSlaPolicy(ctx: Ctx, id: number, input: SlaPolicyInput) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, id)).for('update');
    if (!row) throw new NotFoundError();
    if (row.version !== input.version) throw new StaleVersionError();
    const next = {
      responseMinutes: input.responseMinutes,
      resolutionMinutes: input.resolutionMinutes,
      warnPercent: input.warnPercent,
    };
    const [saved] = await tx
      .update(slaPolicies)
      .set({ ...next, version: row.version + 1, updatedBy: ctx.principal.userId, updatedAt: ctx.now() })
      .where(eq(slaPolicies.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      entityType: 'sla_policy',
      entityId: id,
      action: 'update',
      changes: diffFields(row, next, AUDITED),
    });
    return { ...saved, updatedAt: saved.updatedAt.toISOString() };
  });
}
