import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { monthRef } from './monthly.service.ts';
import './worklogs.messages.ts';

/**
 * The monthly report deadline (SPEC 1.5 / 5.1: 月度工作报告 by the 25th, policy
 * reports.monthlyDueDay). From `monthlyReminderDays` before the due day, every user who writes
 * reports (worklog.write) and has none for the month gets one task and one notification; from the
 * due day on, each such user's manager gets one task naming how many of their reports are missing.
 * Dedupe keys make both happen once per month, however often the sweep runs.
 */
export async function runMonthlyReportSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const today = companyDate(now);
  const month = today.slice(0, 7);
  const day = Number(today.slice(8, 10));
  const dueDay = await getPolicy(db, 'reports.monthlyDueDay');
  const before = await getPolicy(db, 'reports.monthlyReminderDays');
  const due = `${month}-${String(dueDay).padStart(2, '0')}`;
  if (day < dueDay - before) return { changed: 0 };
  return db.transaction(async (tx) => {
    const res = await tx.execute<{ id: number; manager_id: number | null }>(sql`
      select users.id, users.manager_id from users
      where users.active
        and exists (select 1 from user_roles ur join role_grants g on g.role_id = ur.role_id
                    where ur.user_id = users.id and g.permission = 'worklog.write')
        and not exists (select 1 from monthly_reports m where m.user_id = users.id and m.month = ${month})
      order by users.id`);
    let changed = 0;
    const params = { month, due };
    for (const u of res.rows) {
      const userId = Number(u.id);
      const created = await upsertTask(tx, {
        userId,
        kind: 'report.monthly',
        titleKey: 'task.report.monthly',
        params,
        link: `/monthly-reports?tab=mine&month=${month}`,
        refType: 'monthly_report',
        refId: monthRef(month),
        dueDate: due,
        dedupeKey: `monthly-report:${userId}:${month}`,
      });
      if (created) {
        changed += 1;
        await notify(tx, [userId], {
          kind: 'report.monthly',
          titleKey: 'notify.report.monthly',
          params,
          link: `/monthly-reports?tab=mine&month=${month}`,
        });
      }
    }
    if (day >= dueDay) {
      const byManager = new Map<number, number>();
      for (const u of res.rows)
        if (u.manager_id) byManager.set(Number(u.manager_id), (byManager.get(Number(u.manager_id)) ?? 0) + 1);
      for (const [managerId, count] of byManager) {
        const created = await upsertTask(tx, {
          userId: managerId,
          kind: 'report.monthly.missing',
          titleKey: 'task.report.monthlyMissing',
          params: { month, count },
          link: `/monthly-reports?tab=missing&month=${month}`,
          refType: 'monthly_report_missing',
          refId: monthRef(month),
          dueDate: today,
          dedupeKey: `monthly-report-missing:${managerId}:${month}`,
        });
        if (created) changed += 1;
      }
    }
    return { changed };
  });
}

registerSweep({ name: 'worklogs.monthlyReport', cron: '30 8 * * *', run: runMonthlyReportSweep });
