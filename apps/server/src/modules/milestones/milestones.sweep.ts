import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { milestoneProcesses, milestoneProcessSteps } from './milestones.schema.ts';
import './milestones.messages.ts';

/**
 * Reports late post-sale steps (SPEC 4.5, 1.6): each step past its due date and not done gives the
 * process owner one task and a notification, once (late_notified_at).
 */
export async function runMilestoneLateSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const today = companyDate(now);
  return db.transaction(async (tx) => {
    const late = await tx
      .select({ s: milestoneProcessSteps, p: milestoneProcesses, customerName: customers.name })
      .from(milestoneProcessSteps)
      .innerJoin(milestoneProcesses, eq(milestoneProcesses.id, milestoneProcessSteps.processId))
      .innerJoin(customers, eq(customers.id, milestoneProcesses.customerId))
      .where(
        and(
          isNull(milestoneProcessSteps.completedAt),
          isNull(milestoneProcessSteps.lateNotifiedAt),
          lt(milestoneProcessSteps.dueDate, today),
        ),
      )
      .for('update', { of: milestoneProcessSteps, skipLocked: true });
    for (const { s, p, customerName } of late) {
      const params = { no: p.no, step: s.name, customer: customerName, due: s.dueDate };
      const link = `/milestones/${p.id}`;
      await upsertTask(tx, {
        userId: p.ownerId,
        kind: 'milestone.late',
        titleKey: 'task.milestone.late',
        params,
        link,
        refType: 'milestone_step',
        refId: s.id,
        dueDate: today,
        dedupeKey: `milestone-late:${s.id}`,
      });
      await notify(tx, [p.ownerId], { kind: 'milestone.late', titleKey: 'notify.milestone.late', params, link });
      await tx.update(milestoneProcessSteps).set({ lateNotifiedAt: now }).where(eq(milestoneProcessSteps.id, s.id));
    }
    return { changed: late.length };
  });
}

registerSweep({ name: 'milestones.late', cron: '15 8 * * *', run: runMilestoneLateSweep });
