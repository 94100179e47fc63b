import { and, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../../platform/notifications/notifications.service.ts';
import { registerSweep } from '../../platform/scheduler/sweeps.ts';
import { type TaskInput, upsertTasks } from '../../platform/tasks/index.ts';
import { companyDate } from '../../platform/time.ts';
import { CAPA_ENTITY } from './capa.service.ts';
import { capas } from './quality.schema.ts';
import './quality.messages.ts';

/**
 * Overdue corrective/preventive actions (SPEC 1.6, 5.7: tracked to closure with due dates): every
 * action not closed whose due date has passed (company date of `now`) gets one to-do for its owner,
 * due today, and a notification. Idempotent per due date through the dedupe key: a new due date
 * that passes too gets a new to-do. `now` is the scheduler's clock, so tests drive it.
 */
export async function runCapaOverdueSweep(db: Db, now: Date): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const today = companyDate(now);
    const rows = await tx
      .select({ id: capas.id, no: capas.no, ownerId: capas.ownerId, dueDate: capas.dueDate, action: capas.action })
      .from(capas)
      .where(
        and(
          ne(capas.status, 'closed'),
          lt(capas.dueDate, today),
          sql`not exists (select 1 from tasks t where t.dedupe_key = 'capa-overdue:' || ${capas.id} || ':' || ${capas.dueDate})`,
        ),
      );
    const inputs: TaskInput[] = rows.map((r) => ({
      userId: r.ownerId,
      kind: 'capa.overdue',
      titleKey: 'task.capa.overdue',
      params: { no: r.no, due: r.dueDate },
      link: `/quality/capas/${r.id}`,
      refType: CAPA_ENTITY,
      refId: r.id,
      dueDate: today,
      dedupeKey: `capa-overdue:${r.id}:${r.dueDate}`,
    }));
    const created = await upsertTasks(tx, inputs);
    for (const r of rows)
      await notify(tx, [r.ownerId], {
        kind: 'capa.overdue',
        titleKey: 'task.capa.overdue',
        params: { no: r.no, due: r.dueDate },
        link: `/quality/capas/${r.id}`,
      });
    return { changed: created };
  });
}

registerSweep({ name: 'quality.capaOverdue', cron: '0 * * * *', run: runCapaOverdueSweep });

/** Whether an action is overdue on `today` (the list's flag; the same rule as the sweep). */
export const isOverdue = (c: { status: string; dueDate: string }, today: string) =>
  c.status !== 'closed' && c.dueDate < today;
