import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../org/org.schema.ts';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * To-dos (待办) the scheduler derives from deadlines (SPEC 1.6). Text is an i18n key with
 * parameters, like notifications. `dedupe_key` names the deadline a task stands for, so a sweep
 * that runs twice (or on two instances at once) creates it once.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    titleKey: text('title_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    refType: text('ref_type'),
    refId: bigint('ref_id', { mode: 'number' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    dedupeKey: text('dedupe_key').notNull(),
    // Set when the user was told the task is overdue: that notice goes out once.
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    check('tasks_status_ck', sql`${t.status} in ('open','done','cancelled')`),
    uniqueIndex('tasks_dedupe_uq').on(t.dedupeKey),
    index('tasks_user_open_idx').on(t.userId, t.dueDate, t.id).where(sql`${t.status} = 'open'`),
    index('tasks_user_done_idx').on(t.userId, t.doneAt.desc()).where(sql`${t.status} = 'done'`),
    index('tasks_ref_idx').on(t.refType, t.refId),
    index('tasks_overdue_pending_idx')
      .on(t.dueDate)
      .where(sql`${t.status} = 'open' and ${t.overdueNotifiedAt} is null`),
  ],
);
