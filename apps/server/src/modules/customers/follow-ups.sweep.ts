import { and, eq, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import {
  cancelTasksByRef,
  completeTasksByRef,
  notifyOverdueTasks,
  reassignTasksByRef,
  type TaskInput,
  tasks,
  upsertTasks,
} from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers, followUps } from './customers.schema.ts';

export const FOLLOW_UP_TASK = 'followup.due';
const REF = 'follow_up';
// Each run handles at most this many new tasks; the next run picks up the rest.
const BATCH = 5000;

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Turns open follow-up next actions into tasks for the customer's owner (SPEC 1.6), once each
 * (dedupe key 'followup:<id>'), as soon as they fall within the "due soon" window (policy
 * followup.dueSoonDays). A later follow-up on the customer closes the task; a customer deleted or
 * returned to the pool cancels it; a transfer hands it to the new owner. An owner is notified once
 * when a next action becomes overdue. Idempotent: a second run with the same clock changes nothing.
 */
export async function runFollowUpSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const today = companyDate(now);
  const horizon = addDays(today, await getPolicy(db, 'followup.dueSoonDays'));
  return db.transaction(async (tx) => {
    let changed = 0;
    const taskJoin = and(eq(tasks.refType, REF), eq(tasks.refId, followUps.id));

    const due = await tx
      .select({
        id: followUps.id,
        customerId: customers.id,
        customerName: customers.name,
        ownerId: customers.ownerId,
        nextAction: followUps.nextAction,
        nextActionDate: followUps.nextActionDate,
      })
      .from(followUps)
      .innerJoin(customers, eq(customers.id, followUps.customerId))
      .leftJoin(tasks, taskJoin)
      .where(
        and(
          isNull(followUps.doneAt),
          isNotNull(followUps.nextActionDate),
          lte(followUps.nextActionDate, horizon),
          isNull(customers.deletedAt),
          // An archived customer (deleted within the retention period) needs no follow-up either.
          isNull(customers.archivedAt),
          isNotNull(customers.ownerId),
          isNull(tasks.id),
        ),
      )
      .limit(BATCH);
    changed += await upsertTasks(
      tx,
      due.map(
        (f): TaskInput => ({
          userId: f.ownerId as number,
          kind: FOLLOW_UP_TASK,
          titleKey: f.nextAction ? 'task.followup.due' : 'task.followup.due_plain',
          params: { customer: f.customerName, action: f.nextAction ?? '' },
          link: `/customers/${f.customerId}?tab=followups`,
          refType: REF,
          refId: f.id,
          dueDate: f.nextActionDate as string,
          dedupeKey: `followup:${f.id}`,
        }),
      ),
    );

    // Open tasks whose follow-up, customer or owner changed since they were made.
    const stale = await tx
      .select({
        refId: followUps.id,
        doneAt: followUps.doneAt,
        deletedAt: sql<Date | null>`coalesce(${customers.deletedAt}, ${customers.archivedAt})`,
        ownerId: customers.ownerId,
      })
      .from(tasks)
      .innerJoin(followUps, eq(followUps.id, tasks.refId))
      .innerJoin(customers, eq(customers.id, followUps.customerId))
      .where(
        and(
          eq(tasks.refType, REF),
          eq(tasks.status, 'open'),
          or(
            isNotNull(followUps.doneAt),
            isNotNull(customers.deletedAt),
            isNotNull(customers.archivedAt),
            isNull(customers.ownerId),
            ne(tasks.userId, customers.ownerId),
          ),
        ),
      );
    for (const s of stale) {
      if (s.doneAt) changed += await completeTasksByRef(tx, REF, s.refId, s.doneAt);
      else if (s.deletedAt || s.ownerId === null) changed += await cancelTasksByRef(tx, REF, s.refId, now);
      else changed += await reassignTasksByRef(tx, REF, s.refId, s.ownerId);
    }

    changed += await notifyOverdueTasks(tx, FOLLOW_UP_TASK, now, {
      kind: 'followup.overdue',
      titleKey: 'notify.followup.overdue',
      manyKey: 'notify.followup.overdue_many',
    });
    return { changed };
  });
}

registerSweep({ name: 'follow-ups', cron: '*/10 * * * *', run: runFollowUpSweep });
