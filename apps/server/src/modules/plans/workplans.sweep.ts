import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { minusDays, workPlanDueDate } from './workplans.dates.ts';
import { upcomingMonth, usersMissingWorkPlan } from './workplans.queries.ts';
import { workPlanTaskRef } from './workplans.service.ts';
import './plans.messages.ts';

/**
 * Reminds the reps who have not submitted next month's work plan (个人月度工作计划), from
 * plans.monthlyPlanReminderDays before its due day (plans.monthlyPlanDueDay of this month): one
 * task and one notification per rep and month (dedupe key); submitting completes the task.
 */
export async function runWorkPlanReminderSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const today = companyDate(now);
  const month = upcomingMonth(now);
  return db.transaction(async (tx) => {
    const due = workPlanDueDate(month, await getPolicy(tx, 'plans.monthlyPlanDueDay'));
    if (today < minusDays(due, await getPolicy(tx, 'plans.monthlyPlanReminderDays'))) return { changed: 0 };
    let changed = 0;
    for (const u of await usersMissingWorkPlan(tx, month)) {
      const params = { month, due };
      const created = await upsertTask(tx, {
        userId: u.userId,
        kind: 'workplan.due',
        titleKey: 'task.workplan.due',
        params,
        link: '/work-plans/mine',
        refType: workPlanTaskRef(month),
        refId: u.userId,
        dueDate: due,
        dedupeKey: `workplan:${u.userId}:${month}`,
      });
      if (!created) continue;
      await notify(tx, [u.userId], {
        kind: 'workplan.due',
        titleKey: 'notify.workplan.due',
        params,
        link: '/work-plans/mine',
      });
      changed += 1;
    }
    return { changed };
  });
}

registerSweep({ name: 'plans.workPlanReminder', cron: '30 8 * * *', run: runWorkPlanReminderSweep });
