import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { moneyCol, timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { events } from '../events/events.schema.ts';

const CATEGORY_CK = `('invitation','event','promotion','travel','entertainment')`;

/**
 * A budget (seed 001 费用预算: 各项费用的预算金额, 不得超预算开支): one category of one department for
 * a period, or of one event (the event is its period). `reserved` = approved claims not yet paid,
 * `used` = paid claims; both are kept by the claims' transactions under this row's lock (never
 * summed from the claims), so remaining = amount − reserved − used is exact at every commit.
 */
export const expenseBudgets = pgTable(
  'expense_budgets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // For an event budget: the event's department (scope).
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    eventId: bigint('event_id', { mode: 'number' }).references(() => events.id),
    category: text('category').notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    amount: moneyCol('amount').notNull(),
    reserved: moneyCol('reserved').notNull().default('0'),
    used: moneyCol('used').notNull().default('0'),
    note: text('note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('expense_budgets_category_ck', sql`${t.category} in ${sql.raw(CATEGORY_CK)}`),
    check('expense_budgets_amounts_ck', sql`${t.amount} >= 0 and ${t.reserved} >= 0 and ${t.used} >= 0`),
    // A department budget has a period; an event budget has none (the event is its period).
    check(
      'expense_budgets_period_ck',
      sql`(${t.eventId} is null and ${t.periodStart} is not null and ${t.periodEnd} >= ${t.periodStart})
        or (${t.eventId} is not null and ${t.periodStart} is null and ${t.periodEnd} is null)`,
    ),
    uniqueIndex('expense_budgets_event_uq').on(t.eventId, t.category).where(sql`${t.eventId} is not null`),
    // Matching a claim line: the department's budgets of a category by period (expenses.budget-match.ts).
    index('expense_budgets_dept_idx').on(t.deptId, t.category, t.periodStart).where(sql`${t.eventId} is null`),
    // The budgets page: latest period first.
    index('expense_budgets_list_idx').on(t.periodStart.desc().nullsFirst(), t.id.desc()),
  ],
);

/**
 * A reimbursement claim (seed 001 费用报销): the applicant's lines with invoices, approved by the
 * supervisor and finally by finance (财务终审), who may refuse with a reason. `overBudget`: submitted
 * beyond the remaining budget with a reason, so the chain holds the over-budget approval.
 */
export const expenseClaims = pgTable(
  'expense_claims',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    no: text('no').notNull().unique(),
    title: text('title').notNull(),
    claimantId: integer('claimant_id')
      .notNull()
      .references(() => users.id),
    claimantDeptId: integer('claimant_dept_id')
      .notNull()
      .references(() => departments.id),
    eventId: bigint('event_id', { mode: 'number' }).references(() => events.id),
    total: moneyCol('total').notNull(),
    status: text('status').notNull().default('draft'),
    overBudget: boolean('over_budget').notNull().default(false),
    overBudgetReason: text('over_budget_reason'),
    // What the claim spent beyond its budgets when it was approved (after the over-budget approval).
    overrun: moneyCol('overrun').notNull().default('0'),
    // The last rejection or return, for the applicant to read (the history keeps every one).
    rejectReason: text('reject_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: integer('paid_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('expense_claims_status_ck', sql`${t.status} in ('draft','submitted','approved','paid','rejected')`),
    check('expense_claims_amounts_ck', sql`${t.total} > 0 and ${t.overrun} >= 0`),
    index('expense_claims_list_idx').on(t.createdAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('expense_claims_claimant_idx').on(t.claimantId, t.createdAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('expense_claims_dept_idx').on(t.claimantDeptId, t.createdAt.desc().nullsLast(), t.id.desc().nullsLast()),
    index('expense_claims_event_idx').on(t.eventId).where(sql`${t.eventId} is not null`),
  ],
);

/** One expense of a claim; `budgetId` is the budget it was matched to at submission (none: unbudgeted). */
export const expenseClaimLines = pgTable(
  'expense_claim_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    claimId: bigint('claim_id', { mode: 'number' })
      .notNull()
      .references(() => expenseClaims.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    category: text('category').notNull(),
    amount: moneyCol('amount').notNull(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    budgetId: bigint('budget_id', { mode: 'number' }).references(() => expenseBudgets.id),
  },
  (t) => [
    check('expense_claim_lines_category_ck', sql`${t.category} in ${sql.raw(CATEGORY_CK)}`),
    check('expense_claim_lines_amount_ck', sql`${t.amount} > 0`),
    uniqueIndex('expense_claim_lines_uq').on(t.claimId, t.lineNo),
    index('expense_claim_lines_budget_idx').on(t.budgetId).where(sql`${t.budgetId} is not null`),
    // Cost analysis reads the spent lines by day.
    index('expense_claim_lines_spent_idx').on(t.spentOn),
  ],
);
