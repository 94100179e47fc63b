import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { type TaskInput, upsertTasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { eventInvitations, events } from './events.schema.ts';
import { CONFIRM_TASK_REF } from './invitations.service.ts';
import './events.messages.ts';

/**
 * The day-before confirmation (seed 001 邀约流程 3: 对于同意参加的客户，在会议前一天再次与客户确认参会信息):
 * once `now` is within events.confirmationLeadHours of an approved event's start, every accepted,
 * unconfirmed invitation gets one task for its rep, due the day before the event (the event day
 * when the lead is shorter than that). Idempotent through the dedupe key; `now` is the scheduler's
 * database clock, so tests drive it with a controlled clock.
 */
export async function runEventConfirmationSweep(db: Db, now: Date): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const lead = await getPolicy(tx, 'events.confirmationLeadHours');
    const horizon = new Date(now.getTime() + lead * 3_600_000);
    const rows = await tx
      .select({
        id: eventInvitations.id,
        repId: eventInvitations.repId,
        eventId: events.id,
        theme: events.theme,
        startsAt: events.startsAt,
        customer: customers.name,
      })
      .from(eventInvitations)
      .innerJoin(events, eq(events.id, eventInvitations.eventId))
      .innerJoin(customers, eq(customers.id, eventInvitations.customerId))
      .where(
        and(
          eq(events.status, 'approved'),
          gt(events.startsAt, now),
          lte(events.startsAt, horizon),
          eq(eventInvitations.result, 'accepted'),
          isNull(eventInvitations.confirmedAt),
          isNull(eventInvitations.checkedInAt),
          sql`not exists (select 1 from tasks t where t.dedupe_key = 'event-confirm:' || ${eventInvitations.id})`,
        ),
      );
    const inputs: TaskInput[] = rows.map((r) => {
      const eventDay = companyDate(r.startsAt);
      const dayBefore = companyDate(new Date(r.startsAt.getTime() - 86_400_000));
      const today = companyDate(now);
      return {
        userId: r.repId,
        kind: 'event.confirm',
        titleKey: 'task.event.confirm',
        params: { customer: r.customer, theme: r.theme, start: r.startsAt.toISOString() },
        link: `/events/${r.eventId}?tab=invitations`,
        refType: CONFIRM_TASK_REF,
        refId: r.id,
        dueDate: dayBefore >= today ? dayBefore : eventDay,
        dedupeKey: `event-confirm:${r.id}`,
      };
    });
    const created = await upsertTasks(tx, inputs);
    const reps = [...new Set(rows.map((r) => r.repId))];
    for (const repId of reps) {
      const mine = rows.filter((r) => r.repId === repId);
      await notify(tx, [repId], {
        kind: 'event.confirm',
        titleKey: 'task.event.confirm',
        params: { customer: mine[0].customer, theme: mine[0].theme, start: mine[0].startsAt.toISOString() },
        link: `/events/${mine[0].eventId}?tab=invitations`,
      });
    }
    return { changed: created };
  });
}

registerSweep({ name: 'events.confirmation', cron: '*/15 * * * *', run: runEventConfirmationSweep });
