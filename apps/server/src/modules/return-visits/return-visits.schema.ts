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
import { timestamps } from '../../db/columns.ts';
import { departments, users } from '../../platform/org/org.schema.ts';
import { customers } from '../customers/customers.schema.ts';
import { deliveries } from '../deliveries/deliveries.schema.ts';
import { products } from '../products/products.schema.ts';

/** A satisfaction survey (满意度调查) sent to a list of customers: one visit per customer. */
export const satisfactionSurveys = pgTable('satisfaction_surveys', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  title: text('title').notNull(),
  script: text('script').notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A return visit (回访, SPEC 4.4 / seed 003 售后服务 1.客户回访). Scope: owner = who makes the call
 * (the customer's owner, or the service desk), owner department theirs. rep_id / engineer_id /
 * product_id are snapshots for the satisfaction results (by rep, engineer, product).
 */
export const returnVisits = pgTable(
  'return_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ownerDeptId: integer('owner_dept_id')
      .notNull()
      .references(() => departments.id),
    sourceType: text('source_type').notNull(),
    sourceId: bigint('source_id', { mode: 'number' }),
    deliveryId: bigint('delivery_id', { mode: 'number' }).references(() => deliveries.id),
    ticketId: bigint('ticket_id', { mode: 'number' }),
    surveyId: bigint('survey_id', { mode: 'number' }).references(() => satisfactionSurveys.id),
    productId: bigint('product_id', { mode: 'number' }).references(() => products.id),
    repId: integer('rep_id').references(() => users.id),
    engineerId: integer('engineer_id').references(() => users.id),
    subject: text('subject').notNull(),
    script: text('script').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('planned'),
    outcome: text('outcome'),
    satisfaction: smallint('satisfaction'),
    comments: text('comments'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: integer('done_by').references(() => users.id),
    complaintId: bigint('complaint_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('return_visits_status_ck', sql`${t.status} in ('planned','done','cancelled')`),
    check('return_visits_source_ck', sql`${t.sourceType} in ('delivery','ticket','survey','manual')`),
    check('return_visits_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in ('reached','unreachable','refused')`),
    check('return_visits_score_ck', sql`${t.satisfaction} is null or ${t.satisfaction} between 1 and 5`),
    // A done visit has its outcome; a reached customer gave a score.
    check(
      'return_visits_done_ck',
      sql`(${t.status} = 'done') = (${t.outcome} is not null) and (${t.outcome} is distinct from 'reached' or ${t.satisfaction} is not null)`,
    ),
    // One automatic visit per signed delivery / closed ticket (the hook may run twice).
    uniqueIndex('return_visits_source_uq')
      .on(t.sourceType, t.sourceId)
      .where(sql`${t.sourceType} in ('delivery','ticket')`),
    uniqueIndex('return_visits_survey_uq').on(t.surveyId, t.customerId).where(sql`${t.surveyId} is not null`),
    // List order (due date, id) per scope shape: own, department, all.
    index('return_visits_owner_due_idx').on(t.ownerId, t.dueDate.desc(), t.id.desc()),
    index('return_visits_dept_due_idx').on(t.ownerDeptId, t.dueDate.desc(), t.id.desc()),
    index('return_visits_due_idx').on(t.dueDate.desc(), t.id.desc()),
    index('return_visits_customer_idx').on(t.customerId, t.id.desc()),
    index('return_visits_done_idx').on(t.doneAt).where(sql`${t.status} = 'done'`),
  ],
);
