import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { moneyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';

/**
 * One version of a company's annual sales plan (年度销售计划, SPEC 2.1; seed 000 3.1: 依据上一年度的
 * 销售情况以及公司下达的销售任务制定). `planVersion` counts the versions of a year; `version` is the
 * optimistic lock. At most one version of a year is open (draft / submitted) and one is in force
 * (approved); approving a newer version supersedes the one in force.
 */
export const salesPlans = pgTable(
  'sales_plans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    planVersion: integer('plan_version').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    // The assigned task (公司下达的销售任务): the company row's months must sum to these.
    targetAmount: moneyCol('target_amount').notNull(),
    targetCustomers: integer('target_customers').notNull(),
    note: text('note'),
    basedOnId: bigint('based_on_id', { mode: 'number' }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('sales_plans_status_ck', sql`${t.status} in ('draft','submitted','approved','superseded')`),
    check('sales_plans_target_ck', sql`${t.targetAmount} >= 0 and ${t.targetCustomers} >= 0`),
    uniqueIndex('sales_plans_year_version_uq').on(t.year, t.planVersion),
    uniqueIndex('sales_plans_open_uq').on(t.year).where(sql`${t.status} in ('draft','submitted')`),
    uniqueIndex('sales_plans_in_force_uq').on(t.year).where(sql`${t.status} = 'approved'`),
    // The plan list: latest year and version first.
    index('sales_plans_list_idx').on(t.year.desc(), t.planVersion.desc()),
  ],
);

/**
 * One month of one row of a plan: a department's share (userId null) or a rep's (deptId = the rep's
 * department when the row was written). The root department's row is the company's. Scope: the
 * row's rep and department, like every scoped record.
 */
export const salesPlanCells = pgTable(
  'sales_plan_cells',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    planId: bigint('plan_id', { mode: 'number' })
      .notNull()
      .references(() => salesPlans.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    userId: integer('user_id').references(() => users.id),
    month: smallint('month').notNull(),
    amount: moneyCol('amount').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [
    check('sales_plan_cells_month_ck', sql`${t.month} between 1 and 12`),
    check('sales_plan_cells_values_ck', sql`${t.amount} >= 0 and ${t.customers} >= 0`),
    uniqueIndex('sales_plan_cells_uq').on(t.planId, t.deptId, sql`coalesce(${t.userId}, 0)`, t.month),
    index('sales_plan_cells_user_idx').on(t.userId, t.planId),
    index('sales_plan_cells_dept_idx').on(t.deptId, t.planId),
  ],
);

/**
 * A rep's personal monthly work plan (个人月度工作计划, 4S manual 1.1: 由销售顾问根据公司集客活动的计划
 * 提报个人的当月工作计划), due by a policy day of the previous month. Scope: the rep and their department.
 */
export const workPlans = pgTable(
  'work_plans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    // First day of the month planned.
    month: date('month', { mode: 'string' }).notNull(),
    goals: text('goals').notNull(),
    customers: text('customers'),
    activities: text('activities'),
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('work_plans_status_ck', sql`${t.status} in ('draft','submitted')`),
    check('work_plans_submitted_ck', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
    uniqueIndex('work_plans_user_month_uq').on(t.userId, t.month),
    index('work_plans_user_idx').on(t.userId, t.month.desc(), t.id.desc()),
    index('work_plans_dept_idx').on(t.deptId, t.month.desc(), t.id.desc()),
    index('work_plans_month_idx').on(t.month.desc(), t.id.desc()),
  ],
);
