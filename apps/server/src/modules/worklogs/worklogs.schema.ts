import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';

/** A customer on the morning plan (name kept as written that day). */
export type PlannedCustomer = { customerId: number; name: string };

/**
 * A rep's work log of one day (工作日志, SPEC 5.1; seed 000 "准备" / "日报"): the morning plan
 * (customers to follow up, own plan, the work the manager assigned) and the evening log (done,
 * problems, tomorrow). `dept_id` is the writer's department when it was written (scope); the log
 * is history, so a later move of the writer leaves it with the department it was written in.
 */
export const workLogs = pgTable(
  'work_logs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    logDate: date('log_date', { mode: 'string' }).notNull(),
    planCustomers: jsonb('plan_customers').$type<PlannedCustomer[]>().notNull().default([]),
    planNote: text('plan_note'),
    assignedWork: text('assigned_work'),
    assignedBy: integer('assigned_by').references(() => users.id),
    done: text('done'),
    problems: text('problems'),
    tomorrow: text('tomorrow'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('work_logs_user_date_uq').on(t.userId, t.logDate),
    check('work_logs_submitted_ck', sql`${t.submittedAt} is null or ${t.done} is not null`),
    index('work_logs_user_idx').on(t.userId, t.logDate.desc(), t.id.desc()),
    index('work_logs_dept_idx').on(t.deptId, t.logDate.desc(), t.id.desc()),
    index('work_logs_date_idx').on(t.logDate.desc(), t.id.desc()),
  ],
);

/** A manager's comment on a work log (经理点评); the writer is notified. */
export const workLogComments = pgTable(
  'work_log_comments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    logId: bigint('log_id', { mode: 'number' })
      .notNull()
      .references(() => workLogs.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_log_comments_log_idx').on(t.logId, t.id)],
);

/**
 * The monthly work report (月度工作报告, SPEC 5.1: due by the 25th with next month's plan), one per
 * user and month ('YYYY-MM'); `dept_id` as for work logs.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    month: text('month').notNull(),
    summary: text('summary').notNull(),
    nextMonthPlan: text('next_month_plan').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('monthly_reports_user_month_uq').on(t.userId, t.month),
    check('monthly_reports_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    index('monthly_reports_user_idx').on(t.userId, t.month.desc(), t.id.desc()),
    index('monthly_reports_dept_idx').on(t.deptId, t.month.desc(), t.id.desc()),
    index('monthly_reports_month_idx').on(t.month.desc(), t.id.desc()),
  ],
);
