import type { SlaMetric } from '@sales/core';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.ts';
import { serviceTicketSlas } from './service.schema.ts';
import { dueAt, elapsedMs, type SlaClock, settle, slaState, warnAt } from './sla.clock.ts';

type Row = typeof serviceTicketSlas.$inferSelect;

export const toClock = (r: Row): SlaClock => ({
  targetMs: r.targetMs,
  startedAt: r.startedAt,
  pausedMs: r.pausedMs,
  pausedSince: r.pausedSince,
  resumedAt: r.resumedAt,
  metAt: r.metAt,
  breachedAt: r.breachedAt,
});

/** The stored form of a clock: its fields plus the derived state, due and warning times (indexed for the sweep). */
export function clockColumns(c: SlaClock, cal: WorkCalendar, warnPercent: number) {
  return {
    ...c,
    state: slaState(c),
    dueAt: dueAt(c, cal),
    warnAt: warnAt(c, cal, warnPercent),
    // Attainment for reports and appraisal: the working time the metric took, once met.
    usedMs: c.metAt ? elapsedMs(c, cal, c.metAt) : null,
  };
}

/** Both clocks of a ticket, locked with the ticket's transaction. */
export async function loadClocks(tx: DbOrTx, ticketId: number) {
  const rows = await tx.select().from(serviceTicketSlas).where(eq(serviceTicketSlas.ticketId, ticketId)).for('update');
  const by = new Map(rows.map((r) => [r.metric as SlaMetric, toClock(r)]));
  const response = by.get('response');
  const resolution = by.get('resolution');
  if (!response || !resolution) throw new Error(`ticket ${ticketId} has no SLA clocks`);
  return { response, resolution };
}

/** Stores one clock after an event. */
export async function saveClock(
  tx: DbOrTx,
  ticketId: number,
  metric: SlaMetric,
  c: SlaClock,
  cal: WorkCalendar,
  warnPercent: number,
) {
  await tx
    .update(serviceTicketSlas)
    .set(clockColumns(c, cal, warnPercent))
    .where(and(eq(serviceTicketSlas.ticketId, ticketId), eq(serviceTicketSlas.metric, metric)));
}

/** A clock as the API shows it at `at`: a due time that passed while it ran reads as breached. */
export function presentClock(r: Row, cal: WorkCalendar, at: Date) {
  const c = settle(toClock(r), cal, at);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    metric: r.metric as SlaMetric,
    state: slaState(c),
    targetMinutes: Math.round(c.targetMs / 60000),
    startedAt: c.startedAt.toISOString(),
    pausedMinutes: Math.round(c.pausedMs / 60000),
    pausedSince: iso(c.pausedSince),
    dueAt: iso(dueAt(c, cal)),
    warnAt: iso(r.warnAt),
    metAt: iso(c.metAt),
    breachedAt: iso(c.breachedAt),
    usedMinutes: r.usedMs === null ? null : Math.round(r.usedMs / 60000),
  };
}
