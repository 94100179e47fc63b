import { addDays } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { tasks, upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { arrearsSql, presentArrears, receivableSources } from './receivables.ts';

/**
 * Overdue reminders (SPEC 3.6 逾期提醒): every issued invoice more than
 * receivables.overdueReminderDays past its due date that still has an outstanding amount gives its
 * document's owner one collection task (one per invoice: the dedupe key) and a notification.
 * Idempotent: a second run for the same day creates nothing.
 */
export async function runOverdueReminderSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const days = await getPolicy(db, 'receivables.overdueReminderDays');
  const today = companyDate(now);
  const cutoff = addDays(today, -days - 1);
  return db.transaction(async (tx) => {
    // Every scope: an index read of the maintained open balances due by the cutoff (ADR 0003).
    const src = await receivableSources(tx, today, today, {});
    const open = (
      await tx.execute<Parameters<typeof presentArrears>[0]>(
        arrearsSql(sql`select * from (${src.invoices}) r where r.due_date <= ${cutoff}::date`, today),
      )
    ).rows.map(presentArrears);
    // Invoices reminded on an earlier day are skipped with one lookup, not one upsert each per day.
    const keyOf = (invoiceId: number) => `invoice-overdue:${invoiceId}`;
    const reminded = new Set(
      open.length
        ? (
            await tx
              .select({ key: tasks.dedupeKey })
              .from(tasks)
              .where(sql`${tasks.dedupeKey} = any(${sql.param(open.map((r) => keyOf(r.invoiceId)))}::text[])`)
          ).map((t) => t.key)
        : [],
    );
    let changed = 0;
    for (const r of open) {
      if (reminded.has(keyOf(r.invoiceId))) continue;
      const params = {
        invoice: r.externalNo,
        customer: r.customerName,
        amount: r.outstanding,
        days: r.daysOverdue,
        document: r.documentNo,
      };
      const link = `/finance/invoices/${r.invoiceId}`;
      const created = await upsertTask(tx, {
        userId: r.ownerId,
        kind: 'receivable.overdue',
        titleKey: 'task.receivable.overdue',
        params,
        link,
        refType: 'invoice',
        refId: r.invoiceId,
        dueDate: today,
        dedupeKey: keyOf(r.invoiceId),
      });
      if (!created) continue;
      await notify(tx, [r.ownerId], {
        kind: 'receivable.overdue',
        titleKey: 'notify.receivable.overdue',
        params,
        link,
      });
      changed += 1;
    }
    return { changed };
  });
}

registerSweep({ name: 'receivables.overdue', cron: '30 8 * * *', run: runOverdueReminderSweep });
