import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { dbNow } from '../../platform/outbox/outbox.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import {
  daysBetween,
  periodOf,
  periodRange,
  periodRef,
  REPORT_REMINDER_DAYS,
  reminderKey,
} from './research.periods.ts';
import './research.messages.ts';

/**
 * The half-yearly research report reminder (SPEC 2.2; seed 003: 每半年撰写一份市场调研报告). From
 * REPORT_REMINDER_DAYS before the last day of the current half-year, every active research owner
 * (holder of research.write) without a submitted report for it gets one task, due that last day,
 * and one notification. The dedupe key makes it happen once per owner and period, however often
 * the sweep runs. `now` defaults to the database clock, so every instance agrees on the date.
 */
export async function runResearchReminderSweep(db: Db, at?: Date): Promise<{ changed: number }> {
  const now = at ?? (await dbNow(db));
  const today = companyDate(now);
  const period = periodOf(today);
  const due = periodRange(period).to;
  if (daysBetween(today, due) > REPORT_REMINDER_DAYS) return { changed: 0 };
  return db.transaction(async (tx) => {
    const res = await tx.execute<{ id: number }>(sql`
      select users.id from users
      where users.active
        and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                    where ur.user_id = users.id and g.permission = 'research.write')
        and not exists (select 1 from research_reports r
                        where r.owner_id = users.id and r.period = ${period} and r.status = 'submitted')
      order by users.id`);
    let changed = 0;
    const params = { period, due };
    const link = `/research/reports?period=${period}`;
    for (const u of res.rows) {
      const userId = Number(u.id);
      const created = await upsertTask(tx, {
        userId,
        kind: 'research.report',
        titleKey: 'task.research.report',
        params,
        link,
        refType: 'research_report_period',
        refId: periodRef(period),
        dueDate: due,
        dedupeKey: reminderKey(userId, period),
      });
      if (created) {
        changed += 1;
        await notify(tx, [userId], { kind: 'research.report', titleKey: 'notify.research.report', params, link });
      }
    }
    return { changed };
  });
}

// The scheduler's wall-clock `now` is ignored: the database clock decides (see above).
registerSweep({ name: 'research.reportReminder', cron: '0 9 * * *', run: (db) => runResearchReminderSweep(db) });
