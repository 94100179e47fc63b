import { formatYuan, money } from '@sales/core';
import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import './contracts.messages.ts';
import { contractPaymentPlan, contracts } from './contracts.schema.ts';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Contract reminders (SPEC 3.3 到期预警 / 回款提醒): a task for the owner of each signed contract ending
 * within contracts.expiryWarningDays, and of each plan item due within contracts.instalmentReminderDays
 * and not fully received; an overdue item also notifies the owner once. Task dedupe keys name the
 * contract and its end date (or the item and its due date), so re-runs change nothing. Idempotent.
 */
export async function runContractReminderSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const today = companyDate(now);
  const [expiryDays, planDays] = await Promise.all([
    getPolicy(db, 'contracts.expiryWarningDays'),
    getPolicy(db, 'contracts.instalmentReminderDays'),
  ]);
  return db.transaction(async (tx) => {
    // One run at a time across instances.
    await tx.execute(sql`select pg_advisory_xact_lock(727041)`);
    let changed = 0;
    const ending = await tx
      .select({
        id: contracts.id,
        no: contracts.no,
        title: contracts.title,
        ownerId: contracts.ownerId,
        endDate: contracts.endDate,
      })
      .from(contracts)
      .where(
        and(
          eq(contracts.status, 'signed'),
          gte(contracts.endDate, today),
          lte(contracts.endDate, addDays(today, expiryDays)),
        ),
      )
      .orderBy(asc(contracts.id));
    for (const c of ending) {
      const created = await upsertTask(tx, {
        userId: c.ownerId,
        kind: 'contract.expiry',
        titleKey: 'task.contract.expiring',
        params: { no: c.no, title: c.title, endDate: c.endDate ?? '' },
        link: `/contracts/${c.id}`,
        refType: 'contract',
        refId: c.id,
        dueDate: c.endDate ?? today,
        dedupeKey: `contract-expiry:${c.id}:${c.endDate}`,
      });
      if (created) changed += 1;
    }
    const due = await tx
      .select({
        itemId: contractPaymentPlan.id,
        seq: contractPaymentPlan.seq,
        dueDate: contractPaymentPlan.dueDate,
        amount: contractPaymentPlan.amount,
        received: contractPaymentPlan.receivedAmount,
        id: contracts.id,
        no: contracts.no,
        ownerId: contracts.ownerId,
      })
      .from(contractPaymentPlan)
      .innerJoin(contracts, eq(contracts.id, contractPaymentPlan.contractId))
      .where(
        and(
          eq(contracts.status, 'signed'),
          lte(contractPaymentPlan.dueDate, addDays(today, planDays)),
          lt(contractPaymentPlan.receivedAmount, contractPaymentPlan.amount),
        ),
      )
      .orderBy(asc(contractPaymentPlan.dueDate), asc(contractPaymentPlan.id));
    for (const p of due) {
      const params = {
        no: p.no,
        seq: p.seq,
        dueDate: p.dueDate,
        amount: formatYuan(money(p.amount).minus(p.received).toString()),
      };
      const base = {
        userId: p.ownerId,
        link: `/contracts/${p.id}`,
        refType: 'contract',
        refId: p.id,
        dueDate: p.dueDate,
        params,
      };
      if (
        await upsertTask(tx, {
          ...base,
          kind: 'contract.instalment',
          titleKey: 'task.contract.instalment_due',
          dedupeKey: `contract-plan:${p.itemId}:${p.dueDate}`,
        })
      )
        changed += 1;
      if (p.dueDate < today) {
        // Overdue: one marker task per item and due date; the notification goes out only when it is new.
        const created = await upsertTask(tx, {
          ...base,
          kind: 'contract.instalment_overdue',
          titleKey: 'task.contract.instalment_overdue',
          dedupeKey: `contract-plan-overdue:${p.itemId}:${p.dueDate}`,
        });
        if (created) {
          changed += 1;
          await notify(tx, [p.ownerId], {
            kind: 'contract.instalment_overdue',
            titleKey: 'notify.contract.instalment_overdue',
            params,
            link: `/contracts/${p.id}`,
          });
        }
      }
    }
    return { changed };
  });
}

registerSweep({ name: 'contracts.reminders', cron: '0 * * * *', run: runContractReminderSweep });
