import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordSystemAudit } from '../../platform/audit/audit.service.ts';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { serviceTicketSlas, serviceTickets } from './service.schema.ts';
import { settle, slaState } from './sla.clock.ts';
import { clockColumns, toClock } from './tickets.clocks.ts';

// Each run handles at most this many clocks per kind; the next run picks up the rest.
const BATCH = 500;

/** Active 售后主管 users: a breach escalates to them (SPEC 4.1 breach alert and escalation). */
async function supervisors(db: DbOrTx): Promise<number[]> {
  const r = await db.execute<{ id: number }>(sql`
    select distinct u.id from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
    where r.code = 'service_supervisor' and u.active order by u.id`);
  return r.rows.map((x) => Number(x.id));
}

/**
 * The SLA sweep (SPEC 4.1, issue 12 item 3), every five minutes:
 * - a running clock past its warning time (policy warnPercent of the target) notifies the engineer
 *   (the owner while unassigned) once — warned_at records it;
 * - a running clock past its due time is stored as breached (and stays so, sla.clock.ts), and every
 *   breached clock not yet escalated gives each 售后主管 a task and a notification once —
 *   escalated_at records it (breaches recorded by an action, e.g. a late reply, escalate too).
 * Idempotent: a second run with the same clock changes nothing. Rows locked by a ticket action
 * are skipped and taken by the next run.
 */
export async function runSlaSweep(db: Db, now: Date): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const cal = await loadWorkCalendar(tx);
    let changed = 0;
    const base = {
      ticketId: serviceTicketSlas.ticketId,
      metric: serviceTicketSlas.metric,
      no: serviceTickets.no,
      subject: serviceTickets.subject,
      ownerId: serviceTickets.ownerId,
      engineerId: serviceTickets.engineerId,
    };

    // 1. Breaches: due time passed while running.
    const overdue = await tx
      .select({ row: serviceTicketSlas })
      .from(serviceTicketSlas)
      .where(and(eq(serviceTicketSlas.state, 'running'), sql`${serviceTicketSlas.dueAt} <= ${now}`))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    for (const { row } of overdue) {
      const c = settle(toClock(row), cal, now);
      if (slaState(c) !== 'breached') continue;
      await tx
        .update(serviceTicketSlas)
        .set(clockColumns(c, cal, 1))
        .where(and(eq(serviceTicketSlas.ticketId, row.ticketId), eq(serviceTicketSlas.metric, row.metric)));
      await recordSystemAudit(tx, 'sweep:service.sla', {
        entityType: 'service_ticket',
        entityId: row.ticketId,
        action: 'sla_breach',
        changes: [{ field: `sla:${row.metric}`, old: row.state, new: 'breached' }],
      });
      changed += 1;
    }

    // 2. Warnings to the engineer, once.
    const warn = await tx
      .select({ ...base, dueAt: serviceTicketSlas.dueAt })
      .from(serviceTicketSlas)
      .innerJoin(serviceTickets, eq(serviceTickets.id, serviceTicketSlas.ticketId))
      .where(
        and(
          eq(serviceTicketSlas.state, 'running'),
          sql`${serviceTicketSlas.warnAt} <= ${now}`,
          sql`${serviceTicketSlas.warnedAt} is null`,
        ),
      )
      .limit(BATCH)
      .for('update', { of: serviceTicketSlas, skipLocked: true });
    for (const w of warn) {
      await notify(tx, [w.engineerId ?? w.ownerId], {
        kind: 'sla.warning',
        titleKey: 'notify.sla.warning',
        params: { no: w.no, subject: w.subject, metric: w.metric, due: w.dueAt?.toISOString() ?? '' },
        link: `/service/tickets/${w.ticketId}`,
      });
      await markSent(tx, w.ticketId, w.metric, { warnedAt: now });
      changed += 1;
    }

    // 3. Escalation of every breach not escalated yet, once.
    const breached = await tx
      .select({ ...base, breachedAt: serviceTicketSlas.breachedAt })
      .from(serviceTicketSlas)
      .innerJoin(serviceTickets, eq(serviceTickets.id, serviceTicketSlas.ticketId))
      .where(and(eq(serviceTicketSlas.state, 'breached'), sql`${serviceTicketSlas.escalatedAt} is null`))
      .limit(BATCH)
      .for('update', { of: serviceTicketSlas, skipLocked: true });
    const bosses = breached.length ? await supervisors(tx) : [];
    for (const b of breached) {
      const params = { no: b.no, subject: b.subject, metric: b.metric };
      const link = `/service/tickets/${b.ticketId}`;
      await upsertTasks(
        tx,
        bosses.map((userId) => ({
          userId,
          kind: 'sla.breached',
          titleKey: 'task.sla.breached',
          params,
          link,
          refType: 'service_ticket',
          refId: b.ticketId,
          dueDate: companyDate(now),
          dedupeKey: `sla-breach:${b.ticketId}:${b.metric}:${userId}`,
        })),
      );
      // The engineer learns of the breach too; the supervisors get the task.
      await notify(tx, [...bosses, b.engineerId ?? b.ownerId], {
        kind: 'sla.breached',
        titleKey: 'notify.sla.breached',
        params,
        link,
      });
      await markSent(tx, b.ticketId, b.metric, { escalatedAt: now });
      changed += 1;
    }
    return { changed };
  });
}

async function markSent(tx: DbOrTx, ticketId: number, metric: string, set: { warnedAt?: Date; escalatedAt?: Date }) {
  await tx
    .update(serviceTicketSlas)
    .set(set)
    .where(and(eq(serviceTicketSlas.ticketId, ticketId), eq(serviceTicketSlas.metric, metric)));
}

registerSweep({ name: 'service.sla', cron: '*/5 * * * *', run: runSlaSweep });
