import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { overdueSql } from './returns.queries.ts';
import { salesReturns } from './returns.schema.ts';
import './returns.messages.ts';

/**
 * Escalates returns not finished by their deadline (SPEC 1.6 "return not processed in time", seed
 * 000 第三条): the applicant gets a task, the applicant and the order's owner a notification; from
 * then the storage fee accrues per day (returns.queries.ts). Each return escalates once (escalated_at).
 */
export async function runReturnOverdueSweep(db: Db, now: Date): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ r: salesReturns, customerName: customers.name })
      .from(salesReturns)
      .innerJoin(customers, eq(customers.id, salesReturns.customerId))
      .where(and(overdueSql(now), isNull(salesReturns.escalatedAt)))
      .for('update', { of: salesReturns, skipLocked: true });
    for (const { r, customerName } of due) {
      const params = { no: r.no, customer: customerName, due: r.dueAt?.toISOString() ?? '' };
      const link = `/returns/${r.id}`;
      await upsertTask(tx, {
        userId: r.createdBy,
        kind: 'return.overdue',
        titleKey: 'task.return.overdue',
        params,
        link,
        refType: 'sales_return',
        refId: r.id,
        dueDate: companyDate(now),
        dedupeKey: `return-overdue:${r.id}`,
      });
      await notify(tx, [...new Set([r.createdBy, r.ownerId])], {
        kind: 'return.overdue',
        titleKey: 'notify.return.overdue',
        params,
        link,
      });
      await tx.update(salesReturns).set({ escalatedAt: now }).where(eq(salesReturns.id, r.id));
    }
    return { changed: due.length };
  });
}

registerSweep({ name: 'returns.overdue', cron: '*/30 * * * *', run: runReturnOverdueSweep });
