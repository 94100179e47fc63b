import { and, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordSystemAudit } from '../../platform/audit/audit.service.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { upsertTask } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { customers } from '../customers/index.ts';
import { orders } from './orders.schema.ts';

export const ORDER_SLIP_TASK = 'order.slip';
/** Ref type of the slip tasks: closed when the order is fully delivered, cancelled with the order. */
export const ORDER_SLIP_REF = 'order_slip';
// Open orders past their promised date (SPEC 3.4: a slip past the promised date → notify the customer).
const OPEN_STATUSES = ['approved', 'in_preparation', 'partially_delivered'];
const BATCH = 2000;

/**
 * For each order past its promised date and not fully delivered or cancelled, gives the owner a
 * task "通知客户交期延误" and a notification — once per order and promised date (dedupe key
 * 'order-slip:<id>:<date>', column slip_notified_for). Idempotent: a second run changes nothing;
 * a new promised date that slips again notifies again.
 */
export async function runOrderSlipSweep(db: Db, now: Date): Promise<{ changed: number }> {
  const today = companyDate(now);
  const due = await db
    .select({
      id: orders.id,
      no: orders.no,
      ownerId: orders.ownerId,
      promisedDate: orders.promisedDate,
      customerName: customers.name,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(
      and(
        inArray(orders.status, OPEN_STATUSES),
        lt(orders.promisedDate, today),
        or(isNull(orders.slipNotifiedFor), ne(orders.slipNotifiedFor, orders.promisedDate)),
      ),
    )
    .limit(BATCH);
  let changed = 0;
  for (const o of due) {
    const date = o.promisedDate as string;
    await db.transaction(async (tx) => {
      const done = await tx
        .update(orders)
        .set({ slipNotifiedFor: date })
        .where(
          and(
            eq(orders.id, o.id),
            eq(orders.promisedDate, date),
            or(isNull(orders.slipNotifiedFor), ne(orders.slipNotifiedFor, date)),
          ),
        )
        .returning({ id: orders.id });
      if (done.length === 0) return;
      const params = { no: o.no, customer: o.customerName, date };
      await upsertTask(tx, {
        userId: o.ownerId,
        kind: ORDER_SLIP_TASK,
        titleKey: 'task.order.slip',
        params,
        link: `/orders/${o.id}`,
        refType: ORDER_SLIP_REF,
        refId: o.id,
        dueDate: today,
        dedupeKey: `order-slip:${o.id}:${date}`,
      });
      await notify(tx, [o.ownerId], {
        kind: ORDER_SLIP_TASK,
        titleKey: 'notify.order.slip',
        params,
        link: `/orders/${o.id}`,
      });
      await recordSystemAudit(tx, `sweep:order-slip:${today}`, {
        entityType: 'order',
        entityId: o.id,
        action: 'slip_notified',
        changes: [{ field: 'slipNotifiedFor', old: null, new: date }],
      });
      changed += 1;
    });
  }
  return { changed };
}

registerSweep({ name: 'order-slip', cron: '15 * * * *', run: runOrderSlipSweep });
